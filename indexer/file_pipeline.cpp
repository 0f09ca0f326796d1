#include "file_pipeline.hpp"

#include <xxhash.h>

#include <chrono>
#include <cstdio>

#include "analyzers/table_lookup.hpp"
#include "document_builder.hpp"
#include "index/stored_document.hpp"
#include "outgoing_utf8.hpp"

namespace tracuu {
namespace {

std::string hash_hex(std::string_view bytes) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
    return hex;
}

}  // namespace

std::string_view stage_name(Stage stage) {
    static constexpr std::pair<Stage, std::string_view> names[] = {
        {Stage::Read, "read"},           {Stage::Extract, "extract"}, {Stage::Parse, "parse"},
        {Stage::Serialise, "serialise"}, {Stage::Build, "build"},     {Stage::Write, "write"}};
    return second_of(names, stage).value_or("unknown");
}

namespace {

/// Runs `step` as `stage` of `file`: a thrown exception becomes the result's failure there.
template <class Step>
bool run_stage(FileResult& r, Stage stage, const SourceFile& file, const FaultHook& fault,
               Step&& step) {
    r.stage = stage;
    try {
        if (fault) fault(stage, file);
        step();
        return true;
    } catch (const SourceError& e) {
        r.reason = e.what();
        r.refused = true;
    } catch (const Xapian::Error& e) {
        r.reason = e.get_description();
    } catch (const std::exception& e) {
        r.reason = e.what();
    } catch (...) {
        r.reason = "unknown error";
    }
    r.kind = FileResult::Kind::Failed;
    return false;
}

}  // namespace

FileResult process_bytes(const SourceFile& file, std::string_view bytes, std::string hash,
                         const ExtractionOptions& options, bool build, const FaultHook& fault) {
    FileResult r;
    r.hash = std::move(hash);
    Extraction e;
    const bool extracted = run_stage(r, Stage::Extract, file, fault, [&] {
        const auto started = std::chrono::steady_clock::now();
        e = extract_source(file.path, bytes, options);
        r.extraction_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    });
    if (!extracted) return r;
    PreparedDocument doc;
    const bool parsed = run_stage(r, Stage::Parse, file, fault, [&] {
        doc = prepare_document(file.id, e.text);
        SourceInfo& s = doc.record.source;
        s.format = std::string(format_name(e.format));
        s.encoding = e.encoding;
        s.extractor = e.extractor;
        s.bytes = bytes.size();
        s.mtime_ns = file.mtime_ns;
        s.hash = r.hash;
        s.pages = e.pages;
        s.ocr_pages = e.ocr_pages;
        s.warnings = std::move(e.warnings);
        s.mojibake = e.mojibake;
        doc.record.source_bytes = bytes.size();
    });
    if (!parsed) return r;
    std::string data;
    const bool serialised = run_stage(r, Stage::Serialise, file, fault, [&] {
        r.repaired_strings = repair_outgoing_utf8(doc);
        if (r.repaired_strings > 0) {
            doc.record.source.warnings.push_back(
                std::to_string(r.repaired_strings) +
                " strings held invalid UTF-8 on the way out and were repaired (U+FFFD); "
                "please report this file");
        }
        // The stored data, once: a string the JSON writer refuses fails here, by name.
        data = encode_stored_document(doc.record);
    });
    if (!serialised) return r;
    if (build) {
        const bool built = run_stage(r, Stage::Build, file, fault, [&] {
            r.built = build_document(doc.record, doc.analysis, doc.directive, std::move(data));
        });
        if (!built) return r;
        doc.analysis = {};  // a token per word: the largest part, and no longer needed
    }
    r.document = std::move(doc);
    r.kind = FileResult::Kind::Prepared;
    return r;
}

FileResult process_file(const FileTask& task, const ExtractionOptions& options, bool build,
                        const FaultHook& fault) {
    FileResult r;
    const SourceFile& file = *task.file;
    std::string bytes;
    const bool read = run_stage(r, Stage::Read, file, fault, [&] {
        bytes = read_source_bytes(file.path, options.max_bytes);
        r.hash = hash_hex(bytes);
    });
    if (!read) return r;
    if (!task.stored_hash.empty() && task.stored_hash == r.hash) {
        r.kind = FileResult::Kind::Unchanged;
        return r;
    }
    return process_bytes(file, bytes, std::move(r.hash), options, build, fault);
}

FilePipeline::FilePipeline(std::vector<FileTask> tasks, std::size_t jobs,
                           const ExtractionOptions& options, FaultHook fault)
    : tasks_(std::move(tasks)),
      options_(options),
      fault_(std::move(fault)),
      window_(std::max<std::size_t>(jobs, 1) * 4),
      results_(tasks_.size()) {
    const std::size_t n =
        std::min(std::max<std::size_t>(jobs, 1), std::max<std::size_t>(tasks_.size(), 1));
    for (std::size_t i = 0; i < n; ++i) workers_.emplace_back([this] { work(); });
}

FilePipeline::~FilePipeline() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    room_.notify_all();
    for (auto& w : workers_) w.join();
}

void FilePipeline::work() {
    while (true) {
        std::size_t i;
        {
            std::unique_lock lock(mutex_);
            room_.wait(lock, [&] {
                return stopping_ || next_ >= tasks_.size() || next_ < taken_ + window_;
            });
            if (stopping_ || next_ >= tasks_.size()) return;
            i = next_++;
        }
        FileResult r = process_file(tasks_[i], options_, true, fault_);
        {
            std::lock_guard lock(mutex_);
            results_[i] = std::move(r);
        }
        ready_.notify_all();
    }
}

FileResult FilePipeline::take(std::size_t i) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return results_[i].has_value(); });
    FileResult r = std::move(*results_[i]);
    results_[i].reset();
    taken_ = i + 1;
    lock.unlock();
    room_.notify_all();
    return r;
}

}  // namespace tracuu
