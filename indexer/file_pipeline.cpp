#include "file_pipeline.hpp"

#include <xxhash.h>

#include <chrono>
#include <cstdio>

#include "analyzers/vietnamese_syllables.hpp"

namespace tracuu {
namespace {

std::string hash_hex(std::string_view bytes) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
    return hex;
}

}  // namespace

FileResult process_file(const FileTask& task, const ExtractionOptions& options) {
    FileResult r;
    const SourceFile& file = *task.file;
    try {
        const std::string bytes = read_source_bytes(file.path, options.max_bytes);
        r.hash = hash_hex(bytes);
        if (!task.stored_hash.empty() && task.stored_hash == r.hash) {
            r.kind = FileResult::Kind::Unchanged;
            return r;
        }
        const auto started = std::chrono::steady_clock::now();
        Extraction e = extract_source(file.path, bytes, options);
        r.extraction_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        PreparedDocument doc = prepare_document(file.id, e.text);
        SourceInfo& s = doc.record.source;
        s.format = std::string(format_name(e.format));
        s.encoding = e.encoding;
        s.extractor = e.extractor;
        s.bytes = bytes.size();
        s.mtime_ns = file.mtime_ns;
        s.hash = r.hash;
        s.pages = e.pages;
        s.ocr_pages = e.ocr_pages;
        s.warnings = e.warnings;
        s.mojibake = e.mojibake;
        doc.record.source_bytes = bytes.size();
        r.document = std::move(doc);
        r.kind = FileResult::Kind::Prepared;
    } catch (const SourceError& e) {
        r.reason = e.what();
    } catch (const std::exception& e) {
        r.reason = std::string("could not be indexed: ") + e.what();
    }
    return r;
}

FilePipeline::FilePipeline(std::vector<FileTask> tasks, std::size_t jobs,
                           const ExtractionOptions& options)
    : tasks_(std::move(tasks)),
      options_(options),
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
        FileResult r = process_file(tasks_[i], options_);
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
