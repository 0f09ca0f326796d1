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
#include <string_view>
#include <thread>
#include <vector>

#include <xapian.h>

#include "document_preparation.hpp"
#include "source_extraction.hpp"
#include "source_files.hpp"

namespace tracuu {

/// A file the writer wants read, with what the index already holds for it.
struct FileTask {
    const SourceFile* file = nullptr;
    std::string stored_hash;  ///< empty: nothing indexed, or indexed without a hash
};

/// The steps one file goes through; a failure names the one it failed in.
enum class Stage {
    Read,       ///< the file's bytes
    Extract,    ///< bytes to text (format, encoding, OCR)
    Parse,      ///< normalisation, cleanup, analysis, the directive's fields
    Serialise,  ///< the stored JSON (and the one UTF-8 check on the way out)
    Build,      ///< the Xapian document: terms and values
    Write,      ///< handed to the database (a problem Xapian finds in this one document)
};

std::string_view stage_name(Stage stage);

/// Tests only: called before each stage of each file; what it throws fails that file there.
using FaultHook = std::function<void(Stage, const SourceFile&)>;

struct FileResult {
    enum class Kind { Prepared, Unchanged, Failed } kind = Kind::Failed;
    std::optional<PreparedDocument> document;  ///< when Prepared
    std::optional<Xapian::Document> built;     ///< when Prepared and asked for (`build`)
    Stage stage = Stage::Read;                 ///< when Failed: where
    std::string reason;                        ///< when Failed: why
    /// When Failed: a file refused as designed (SourceError: empty, damaged, unknown encoding),
    /// not an exception nobody expected (a bug in tracuu, though the run goes on).
    bool refused = false;
    std::string hash;
    double extraction_seconds = 0;
    /// Strings that held invalid UTF-8 on the way out (repaired; a warning says so).
    std::size_t repaired_strings = 0;
};

/// Reads `task.file`, hashes it and, unless its hash is the stored one, extracts and prepares
/// it, checks what it will store (repair_outgoing_utf8, encode_stored_document) and, with
/// `build`, builds its Xapian document. Never throws: a bad file, or any exception at any
/// stage, is a Failed result with the stage and the reason.
FileResult process_file(const FileTask& task, const ExtractionOptions& options, bool build = true,
                        const FaultHook& fault = {});

/// process_file from the extraction on, for bytes already read (`hash`: theirs, stored as is).
FileResult process_bytes(const SourceFile& file, std::string_view bytes, std::string hash,
                         const ExtractionOptions& options, bool build = true,
                         const FaultHook& fault = {});

class FilePipeline {
  public:
    FilePipeline(std::vector<FileTask> tasks, std::size_t jobs, const ExtractionOptions& options,
                 FaultHook fault = {});
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
    const FaultHook fault_;
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
