// Files read, extracted and analysed by N worker threads, handed back in order to the one thread
// that writes Xapian (a WritableDatabase has one writer). At most a few files per worker wait in
// memory, so a slow writer holds the workers back instead of filling memory.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "document_preparation.hpp"
#include "source_extraction.hpp"
#include "source_files.hpp"

namespace tracuu {

/// A file the writer wants read, with what the index already holds for it.
struct FileTask {
    const SourceFile* file = nullptr;
    std::string stored_hash;  ///< empty: nothing indexed, or indexed without a hash
};

struct FileResult {
    enum class Kind { Prepared, Unchanged, Failed } kind = Kind::Failed;
    std::optional<PreparedDocument> document;  ///< when Prepared
    std::string reason;                        ///< when Failed
    std::string hash;
    double extraction_seconds = 0;
};

/// Reads `task.file`, hashes it and, unless its hash is the stored one, extracts and prepares
/// it. Never throws: a bad file is a Failed result with its reason.
FileResult process_file(const FileTask& task, const ExtractionOptions& options);

class FilePipeline {
  public:
    FilePipeline(std::vector<FileTask> tasks, std::size_t jobs, const ExtractionOptions& options);
    ~FilePipeline();  ///< stops and joins the workers (results not taken are dropped)
    FilePipeline(const FilePipeline&) = delete;
    FilePipeline& operator=(const FilePipeline&) = delete;

    std::size_t size() const { return tasks_.size(); }
    const FileTask& task(std::size_t i) const { return tasks_[i]; }
    /// Waits for result `i`; call with i = 0, 1, 2... in order.
    FileResult take(std::size_t i);

  private:
    void work();

    std::vector<FileTask> tasks_;
    const ExtractionOptions options_;
    std::size_t window_;
    std::vector<std::optional<FileResult>> results_;
    std::size_t next_ = 0;   ///< next task a worker picks
    std::size_t taken_ = 0;  ///< results handed out so far
    bool stopping_ = false;
    std::mutex mutex_;
    std::condition_variable ready_;  ///< a result arrived
    std::condition_variable room_;   ///< a result was taken
    std::vector<std::thread> workers_;
};

}  // namespace tracuu
