// `tracuu-index`: what the command does, apart from reading its arguments.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "file_pipeline.hpp"
#include "source_extraction.hpp"

namespace tracuu {

/// Whether the run ends by compacting the database (IndexWriter::compact).
enum class CompactMode { Auto, Always, Never };

struct IndexOptions {
    std::filesystem::path db;
    std::optional<std::filesystem::path> root;
    std::vector<std::filesystem::path> inputs;
    std::vector<std::string> delete_ids;  ///< --delete: remove these documents
    std::size_t batch_size = 250;         ///< documents per commit (see kMinCommitInterval)
    std::size_t jobs = 1;                 ///< files extracted and analysed in parallel
    std::size_t shards = 0;  ///< --shards: a new index of this many shards; 0: as it is (or one)
    bool prune = false;      ///< remove documents of files gone from the folders given
    bool force = false;      ///< re-extract files even when unchanged
    bool dry_run = false;    ///< parse and print, write nothing
    bool json = false;       ///< with dry_run: print the parsed fields as JSON
    bool quiet = false;      ///< no progress line
    CompactMode compact = CompactMode::Auto;  ///< Auto: IndexWriter::should_compact
    ExtractionOptions extraction;
    FaultHook fault_hook;  ///< tests only: makes chosen files fail at chosen stages
    /// Once set (tracuu-index sets it on SIGINT and SIGTERM), run_index finishes the document
    /// at hand, commits, reports and returns kExitSomeFailed; null: runs to the end.
    const std::atomic<bool>* stop = nullptr;
};

/// Commits come every batch_size documents but never closer together than this. A server reading
/// revision R may finish its search until revision R+2 is committed (Xapian then reuses R's
/// blocks and the reader must start again): commits in quick succession would starve searches.
inline constexpr std::chrono::milliseconds kMinCommitInterval{250};

/// Exit status: 0 all files indexed, 1 some failed (each named with its stage and reason; the
/// others are indexed and committed), 2 the run could not start (arguments, a locked database,
/// another root) or the database itself failed, 3 the database is of another schema version
/// (check_schema: re-index into a new database; scripts/start rebuilds its own on it).
enum ExitStatus { kExitOk = 0, kExitSomeFailed = 1, kExitFatal = 2, kExitOtherSchema = 3 };

/// Indexes `options.inputs` into `options.db` (skipping unchanged files, pruning, deleting as
/// asked): progress and the summary go to `err`.
int run_index(const IndexOptions& options, std::FILE* out, std::FILE* err);

/// Prints what the parser finds in each input, without touching any database.
int run_dry_run(const IndexOptions& options, std::FILE* out, std::FILE* err);

}  // namespace tracuu
