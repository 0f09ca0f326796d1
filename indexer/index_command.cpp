#include "index_command.hpp"

#include <csignal>
#include <string>

#include "document_preparation.hpp"
#include "index_writer.hpp"
#include "progress.hpp"
#include "source_files.hpp"
#include "source_extraction.hpp"

namespace tracuu {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void on_interrupt(int) {
    g_interrupted = 1;
}

void print_problems(std::FILE* err, const char* label, const std::vector<Problem>& problems) {
    for (const auto& p : problems)
        std::fprintf(err, "  %s: %s: %s\n", label, p.path.c_str(), p.reason.c_str());
}

}  // namespace

int run_index(const IndexOptions& options, std::FILE* out, std::FILE* err) {
    std::optional<IndexWriter> writer;
    try {
        writer.emplace(options.db, options.root);
    } catch (const IndexError& e) {
        std::fprintf(err, "tracuu-index: %s\n", e.what());
        return kExitFatal;
    }
    Discovery found = discover_sources(options.inputs, writer->root());
    std::vector<Problem> failed = std::move(found.failed);

    // Ctrl-C or SIGTERM: finish the current document, commit, report. Nothing half-written.
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);

    Progress progress(options.quiet ? nullptr : err, found.files.size());
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t since_commit = 0;
    try {
        for (const SourceFile& file : found.files) {
            if (g_interrupted) break;
            try {
                const std::string raw = extract_file(file.path, {}).text;
                PreparedDocument doc = prepare_document(file.id, raw);
                if (writer->put(doc) == IndexWriter::Outcome::Replaced) {
                    ++replaced;
                } else {
                    ++added;
                }
                if (++since_commit >= options.batch_size) {
                    writer->commit();
                    since_commit = 0;
                }
            } catch (const SourceError& e) {
                failed.push_back({file.path.string(), e.what()});
            } catch (const std::exception& e) {
                failed.push_back(
                    {file.path.string(), std::string("could not be indexed: ") + e.what()});
            }
            progress.step(file.size);
        }
        writer->commit();
    } catch (const Xapian::Error& e) {
        progress.finish();
        std::fprintf(
            err, "tracuu-index: database error: %s (documents committed before this are kept)\n",
            e.get_description().c_str());
        return kExitFatal;
    }
    progress.finish();

    const double seconds = progress.elapsed_seconds();
    std::fprintf(err,
                 "tracuu-index: %zu indexed (%zu new, %zu replaced), %zu skipped, %zu failed "
                 "in %.2f s (%.0f docs/s, %.2f MB/s); database now holds %u documents\n",
                 added + replaced, added, replaced, found.skipped.size(), failed.size(), seconds,
                 seconds > 0 ? (added + replaced) / seconds : 0.0,
                 seconds > 0 ? progress.bytes() / seconds / 1e6 : 0.0,
                 static_cast<unsigned>(writer->document_count()));
    print_problems(err, "skipped", found.skipped);
    print_problems(err, "failed", failed);
    if (g_interrupted) {
        std::fprintf(err,
                     "tracuu-index: interrupted; everything indexed so far is committed, "
                     "run the same command again to finish\n");
        return kExitSomeFailed;
    }
    (void)out;
    return failed.empty() ? kExitOk : kExitSomeFailed;
}

int run_dry_run(const IndexOptions& options, std::FILE* out, std::FILE* err) {
    // Nothing is stored, so any file may be shown: ids are relative to --root or to '/'.
    const auto root = std::filesystem::absolute(options.root.value_or("/")).lexically_normal();
    Discovery found = discover_sources(options.inputs, root);
    std::vector<Problem> failed = std::move(found.failed);
    for (const SourceFile& file : found.files) {
        try {
            const PreparedDocument doc = prepare_document(file.id, extract_file(file.path, {}).text);
            nlohmann::json shown = {
                {"id", doc.record.id}, {"title", doc.record.title}, {"fields", doc.record.fields}};
            if (options.json) {
                std::fprintf(out, "%s\n", shown.dump(2).c_str());
            } else {
                std::fprintf(out, "%s\n  title: %s\n", doc.record.id.c_str(),
                             doc.record.title.c_str());
                for (const auto& [name, value] : doc.record.fields.items()) {
                    std::fprintf(out, "  %s: %s\n", name.c_str(), value.dump().c_str());
                }
            }
        } catch (const std::exception& e) {
            failed.push_back({file.path.string(), e.what()});
        }
    }
    print_problems(err, "failed", failed);
    return failed.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace tracuu
