#include "index_command.hpp"

#include <csignal>
#include <map>
#include <string>

#include "document_preparation.hpp"
#include "file_pipeline.hpp"
#include "index/schema_check.hpp"
#include "index_writer.hpp"
#include "progress.hpp"
#include "sharded_writer.hpp"
#include "source_files.hpp"

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

struct Counts {
    std::size_t added = 0, replaced = 0, unchanged = 0, pruned = 0, deleted = 0;
    struct Format {
        std::size_t files = 0;
        double seconds = 0;
        uint64_t bytes = 0;
    };
    std::map<std::string, Format> formats;
    unsigned pages = 0, ocr_pages = 0;
};

/// Id prefixes --prune may remove documents under: the folders among the inputs.
std::vector<std::string> prune_prefixes(const std::vector<std::filesystem::path>& inputs,
                                        const std::filesystem::path& root) {
    std::vector<std::string> prefixes;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(input, ec)) continue;
        const auto absolute = std::filesystem::absolute(input).lexically_normal();
        if (absolute == root || absolute == root / "") {
            prefixes.push_back("");  // the whole root
            continue;
        }
        const std::string id = source_id(input, root);
        if (!id.empty()) prefixes.push_back(id + "/");
    }
    return prefixes;
}

std::size_t prune_missing(ShardedWriter& writer, const std::vector<std::string>& prefixes) {
    std::size_t pruned = 0;
    for (const std::string& prefix : prefixes) {
        for (const std::string& id : writer.ids_with_prefix(prefix)) {
            std::error_code ec;
            if (std::filesystem::exists(writer.root() / id, ec) || ec) continue;
            pruned += writer.remove(id) ? 1 : 0;
        }
    }
    return pruned;
}

/// A file's failure as one line's reason: `extract: not valid UTF-8 ...`.
Problem failure(const SourceFile& file, Stage stage, const std::string& reason) {
    return {file.path.string(), std::string(stage_name(stage)) + ": " + reason};
}

void print_summary(std::FILE* err, const Counts& c, const Discovery& found,
                   const std::vector<Problem>& failed, const std::vector<Problem>& warnings,
                   const Progress& progress, Xapian::doccount total) {
    const double seconds = progress.elapsed_seconds();
    const std::size_t indexed = c.added + c.replaced;
    std::fprintf(
        err,
        "tracuu-index: %zu indexed (%zu new, %zu replaced), %zu skipped, %zu failed, "
        "%zu unchanged, %zu pruned, %zu deleted, %zu warnings in %.2f s (%.1f files/s, "
        "%.2f MB/s); database now holds %u documents\n",
        indexed, c.added, c.replaced, found.skipped.size(), failed.size(), c.unchanged, c.pruned,
        c.deleted, warnings.size(), seconds, seconds > 0 ? progress.done() / seconds : 0.0,
        seconds > 0 ? progress.bytes() / seconds / 1e6 : 0.0, static_cast<unsigned>(total));
    if (!c.formats.empty()) {
        std::string formats;
        for (const auto& [name, f] : c.formats) {
            char part[128];
            std::snprintf(part, sizeof part, "%s%s %zu (%.2f s extracting)",
                          formats.empty() ? "" : ", ", name.c_str(), f.files, f.seconds);
            formats += part;
        }
        std::fprintf(err, "tracuu-index: formats: %s\n", formats.c_str());
    }
    if (c.pages > 0) {
        std::fprintf(err, "tracuu-index: OCR: %u of %u PDF/image pages (%.0f%%)\n", c.ocr_pages,
                     c.pages, 100.0 * c.ocr_pages / c.pages);
    }
    print_problems(err, "skipped", found.skipped);
    print_problems(err, "warning", warnings);
    print_problems(err, "failed", failed);
}

void print_dry_run(const PreparedDocument& doc, double extraction_seconds, bool json,
                   std::FILE* out) {
    const SourceInfo& s = doc.record.source;
    nlohmann::json extraction = {{"format", s.format},           {"encoding", s.encoding},
                                 {"extractor", s.extractor},     {"pages", s.pages},
                                 {"ocr_pages", s.ocr_pages},     {"warnings", s.warnings},
                                 {"seconds", extraction_seconds}};
    nlohmann::json fields = doc.record.fields;
    add_citation_contexts(fields["citations"], doc.record.text);
    nlohmann::json shown = {{"id", doc.record.id},
                            {"title", doc.record.title},
                            {"fields", fields},
                            {"extraction", extraction}};
    // Rendered whole before anything is printed: a failure leaves no half document.
    std::string shown_text;
    if (json) {
        shown_text = shown.dump(2) + "\n";
    } else {
        shown_text = doc.record.id + "\n  title: " + doc.record.title + "\n";
        for (const auto& [name, value] : fields.items())
            shown_text += "  " + name + ": " + value.dump() + "\n";
        shown_text += "  extraction: " + extraction.dump() + "\n";
    }
    std::fputs(shown_text.c_str(), out);
}

/// A document handed to the writer, until its shard says what became of it.
struct Pending {
    const SourceFile* file = nullptr;
    PreparedDocument document;
    double extraction_seconds = 0;
};

/// Counts what the writer says of the documents it was handed (ShardedWriter::take_written).
void settle(std::vector<ShardedWriter::Written> written, std::map<std::size_t, Pending>& pending,
            Counts& counts, std::vector<Problem>& failed, std::vector<Problem>& warnings) {
    for (auto& w : written) {
        const auto found = pending.find(w.ticket);
        if (found == pending.end()) continue;
        const Pending p = std::move(found->second);
        pending.erase(found);
        const SourceFile& file = *p.file;
        if (!w.outcome) {
            failed.push_back(failure(file, Stage::Write, w.error));
            continue;
        }
        const SourceInfo& s = p.document.record.source;
        auto& f = counts.formats[s.format];
        ++f.files;
        f.seconds += p.extraction_seconds;
        f.bytes += s.bytes;
        counts.pages += s.pages;
        counts.ocr_pages += s.ocr_pages;
        for (const auto& warning : s.warnings) warnings.push_back({file.path.string(), warning});
        if (s.mojibake && s.warnings.empty()) {
            warnings.push_back({file.path.string(), "text looks like mojibake"});
        }
        if (*w.outcome == IndexWriter::Outcome::Replaced) {
            ++counts.replaced;
        } else {
            ++counts.added;
        }
    }
}

}  // namespace

int run_index(const IndexOptions& options, std::FILE* out, std::FILE* err) {
    std::optional<ShardedWriter> writer;
    try {
        writer.emplace(options.db, options.root, options.shards);
    } catch (const OtherSchemaVersion& e) {
        std::fprintf(err, "tracuu-index: %s\n", e.what());
        return kExitOtherSchema;
    } catch (const IndexError& e) {
        std::fprintf(err, "tracuu-index: %s\n", e.what());
        return kExitFatal;
    }
    Discovery found = discover_sources(options.inputs, writer->root());
    std::vector<Problem> failed = std::move(found.failed);
    std::vector<Problem> warnings;
    Counts counts;

    // Ctrl-C or SIGTERM: finish the current document, commit, report. Nothing half-written.
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);

    try {
        for (const std::string& id : options.delete_ids) {
            if (writer->remove(id)) {
                ++counts.deleted;
            } else {
                failed.push_back({id, "--delete: no document with this id"});
            }
        }

        // Unchanged files (same size and time) are not even read; the others go to the workers
        // with the stored hash, so a touched but identical file is not extracted again.
        std::vector<FileTask> tasks;
        uint64_t bytes_to_read = 0;
        std::vector<std::string> ids;
        for (const SourceFile& file : found.files) ids.push_back(file.id);
        const auto known = writer->source_facts(ids);
        for (std::size_t i = 0; i < found.files.size(); ++i) {
            const SourceFile& file = found.files[i];
            const auto& facts = known[i];
            if (facts && !options.force && !facts->hash.empty() && facts->size == file.size &&
                facts->mtime_ns == file.mtime_ns) {
                ++counts.unchanged;
                continue;
            }
            tasks.push_back({&file, facts && !options.force ? facts->hash : std::string()});
            bytes_to_read += file.size;
        }

        Progress progress(options.quiet ? nullptr : err, tasks.size(), bytes_to_read);
        std::map<std::size_t, Pending> pending;  // by ticket: the pipeline's index
        std::size_t since_commit = 0;
        auto last_commit = std::chrono::steady_clock::now();
        {
            FilePipeline pipeline(std::move(tasks), options.jobs, options.extraction,
                                  options.fault_hook);
            for (std::size_t i = 0; i < pipeline.size() && !g_interrupted; ++i) {
                const SourceFile& file = *pipeline.task(i).file;
                FileResult r = pipeline.take(i);
                switch (r.kind) {
                    case FileResult::Kind::Failed:
                        failed.push_back(failure(file, r.stage, r.reason));
                        break;
                    case FileResult::Kind::Unchanged:
                        ++counts.unchanged;
                        writer->update_mtime(file.id, file.mtime_ns);
                        break;
                    case FileResult::Kind::Prepared: {
                        try {
                            if (options.fault_hook) options.fault_hook(Stage::Write, file);
                        } catch (const std::exception& e) {
                            failed.push_back(failure(file, Stage::Write, e.what()));
                            break;
                        }
                        pending[i] = {&file, std::move(*r.document), r.extraction_seconds};
                        writer->put(i, pending[i].document.record.id, std::move(*r.built));
                        break;
                    }
                }
                settle(writer->take_written(), pending, counts, failed, warnings);
                if (++since_commit >= options.batch_size &&
                    std::chrono::steady_clock::now() - last_commit >= kMinCommitInterval) {
                    writer->commit();
                    settle(writer->take_written(), pending, counts, failed, warnings);
                    since_commit = 0;
                    last_commit = std::chrono::steady_clock::now();
                }
                progress.step(file.size);
            }
        }
        if (options.prune && !g_interrupted) {
            counts.pruned = prune_missing(*writer, prune_prefixes(options.inputs, writer->root()));
        }
        writer->commit();
        settle(writer->take_written(), pending, counts, failed, warnings);
        progress.finish();
        const bool compact = !g_interrupted && options.compact != CompactMode::Never &&
                             (options.compact == CompactMode::Always ||
                              writer->should_compact(counts.added + counts.replaced));
        if (compact) {
            if (!options.quiet) std::fprintf(err, "tracuu-index: compacting the database\n");
            writer->compact();
        }
        print_summary(err, counts, found, failed, warnings, progress, writer->document_count());
    } catch (const Xapian::Error& e) {
        std::fprintf(
            err, "tracuu-index: database error: %s (documents committed before this are kept)\n",
            e.get_description().c_str());
        return kExitFatal;
    }
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
        const FileResult r =
            process_file({&file, ""}, options.extraction, false, options.fault_hook);
        if (r.kind != FileResult::Kind::Prepared) {
            failed.push_back(failure(file, r.stage, r.reason));
            continue;
        }
        try {
            print_dry_run(*r.document, r.extraction_seconds, options.json, out);
        } catch (const std::exception& e) {
            failed.push_back(failure(file, Stage::Serialise, e.what()));
        }
    }
    print_problems(err, "failed", failed);
    return failed.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace tracuu
