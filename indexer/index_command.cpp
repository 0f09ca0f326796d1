#include "index_command.hpp"

#include <map>
#include <string>

#include "document_preparation.hpp"
#include "file_pipeline.hpp"
#include "index/document_id.hpp"
#include "index/schema_check.hpp"
#include "index_writer.hpp"
#include "progress.hpp"
#include "sharded_writer.hpp"
#include "source_files.hpp"

namespace tracuu {
namespace {

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
            if (std::filesystem::exists(writer.root() / id, ec) || ec ||
                file_named_by_id(writer.root(), id))
                continue;
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

/// One run of run_index over an open writer: skip the unchanged files, write the others, finish
/// (prune, commit, compact, report). Each step stops early once options.stop is set.
class IndexRun {
  public:
    IndexRun(const IndexOptions& options, ShardedWriter& writer, std::FILE* err)
        : options_(options),
          writer_(writer),
          err_(err),
          found_(discover_sources(options.inputs, writer.root())),
          failed_(std::move(found_.failed)) {}

    /// Ctrl-C or SIGTERM (indexer/main.cpp): finish the current document, commit, report.
    /// Nothing half-written.
    bool stopped() const { return options_.stop != nullptr && options_.stop->load(); }

    bool any_failed() const { return !failed_.empty(); }

    /// --delete: the documents asked for go.
    void remove_asked() {
        for (const std::string& id : options_.delete_ids) {
            if (writer_.remove(id)) {
                ++counts_.deleted;
            } else {
                failed_.push_back({id, "--delete: no document with this id"});
            }
        }
    }

    /// Unchanged files (same size and time) are not even read; the others go to the workers
    /// with the stored hash, so a touched but identical file is not extracted again.
    std::vector<FileTask> skip_unchanged() {
        std::vector<FileTask> tasks;
        std::vector<std::string> ids;
        for (const SourceFile& file : found_.files) ids.push_back(file.id);
        const auto known = writer_.source_facts(ids);
        for (std::size_t i = 0; i < found_.files.size(); ++i) {
            const SourceFile& file = found_.files[i];
            const auto& facts = known[i];
            if (facts && !options_.force && !facts->hash.empty() && facts->size == file.size &&
                facts->mtime_ns == file.mtime_ns) {
                ++counts_.unchanged;
                continue;
            }
            tasks.push_back({&file, facts && !options_.force ? facts->hash : std::string()});
        }
        return tasks;
    }

    /// Extracts and writes `tasks`, committing every batch_size documents (kMinCommitInterval).
    void write(std::vector<FileTask> tasks) {
        uint64_t bytes_to_read = 0;
        for (const FileTask& task : tasks) bytes_to_read += task.file->size;
        progress_.emplace(options_.quiet ? nullptr : err_, tasks.size(), bytes_to_read);
        std::size_t since_commit = 0;
        auto last_commit = std::chrono::steady_clock::now();
        FilePipeline pipeline(std::move(tasks), options_.jobs, options_.extraction,
                              options_.fault_hook);
        for (std::size_t i = 0; i < pipeline.size() && !stopped(); ++i) {
            const SourceFile& file = *pipeline.task(i).file;
            FileResult r = pipeline.take(i);
            switch (r.kind) {
                case FileResult::Kind::Failed:
                    failed_.push_back(failure(file, r.stage, r.reason));
                    break;
                case FileResult::Kind::Unchanged:
                    ++counts_.unchanged;
                    writer_.update_mtime(file.id, file.mtime_ns);
                    break;
                case FileResult::Kind::Prepared: {
                    try {
                        if (options_.fault_hook) options_.fault_hook(Stage::Write, file);
                    } catch (const std::exception& e) {
                        failed_.push_back(failure(file, Stage::Write, e.what()));
                        break;
                    }
                    pending_[i] = {&file, std::move(*r.document), r.extraction_seconds};
                    writer_.put(i, pending_[i].document.record.id, std::move(*r.built));
                    break;
                }
            }
            settle_written();
            if (++since_commit >= options_.batch_size &&
                std::chrono::steady_clock::now() - last_commit >= kMinCommitInterval) {
                writer_.commit();
                settle_written();
                since_commit = 0;
                last_commit = std::chrono::steady_clock::now();
            }
            progress_->step(file.size);
        }
    }

    /// Prunes (unless stopped), commits the rest, compacts when due, prints the summary.
    void finish() {
        if (options_.prune && !stopped()) {
            counts_.pruned =
                prune_missing(writer_, prune_prefixes(options_.inputs, writer_.root()));
        }
        writer_.commit();
        settle_written();
        progress_->finish();
        const bool compact = !stopped() && options_.compact != CompactMode::Never &&
                             (options_.compact == CompactMode::Always ||
                              writer_.should_compact(counts_.added + counts_.replaced));
        if (compact) {
            if (!options_.quiet) std::fprintf(err_, "tracuu-index: compacting the database\n");
            writer_.compact();
        }
        print_summary(err_, counts_, found_, failed_, warnings_, *progress_,
                      writer_.document_count());
    }

  private:
    void settle_written() { settle(writer_.take_written(), pending_, counts_, failed_, warnings_); }

    const IndexOptions& options_;
    ShardedWriter& writer_;
    std::FILE* err_;
    Discovery found_;
    std::vector<Problem> failed_;
    std::vector<Problem> warnings_;
    Counts counts_;
    std::optional<Progress> progress_;        ///< made by write, for the count of its files
    std::map<std::size_t, Pending> pending_;  ///< by ticket: the pipeline's index
};

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
    IndexRun run(options, *writer, err);
    try {
        run.remove_asked();
        run.write(run.skip_unchanged());
        run.finish();
    } catch (const Xapian::Error& e) {
        std::fprintf(
            err, "tracuu-index: database error: %s (documents committed before this are kept)\n",
            e.get_description().c_str());
        return kExitFatal;
    }
    if (run.stopped()) {
        std::fprintf(err,
                     "tracuu-index: interrupted; everything indexed so far is committed, "
                     "run the same command again to finish\n");
        return kExitSomeFailed;
    }
    (void)out;
    return run.any_failed() ? kExitSomeFailed : kExitOk;
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
