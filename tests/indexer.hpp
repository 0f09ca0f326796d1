// test::Indexer: the one way tests build an index. It runs the real tracuu-index with the
// arguments a user would type, so every test indexes the bytes the CLI indexes: option reading,
// the OCR pool of --jobs, the file pipeline and the end-of-run compaction all included. A second
// path through the library (writer.put of prepare_document) once indexed other bytes than the
// program.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "support.hpp"

namespace tracuu::test {

/// What one tracuu-index run did.
struct IndexRun {
    int status = -1;  ///< exit status; -1 when a signal ended it
    int signal = 0;   ///< the signal that ended it, else 0
    std::string out;  ///< stdout: dry-run fields, --print-config, --version
    std::string err;  ///< stderr: progress, each failed file with its reason, the summary
};
/// For INFO: the status and both streams.
std::ostream& operator<<(std::ostream& os, const IndexRun& run);

class IndexProcess;

/// tracuu-index with its options, built up: `Indexer(db).root(r).jobs(2).run({folder})`.
/// Options are passed in the order set, then the paths (or, after `--delete`, the ids).
class Indexer {
  public:
    /// `db` empty: no --db (a dry run, --version).
    explicit Indexer(fs::path db = {});

    Indexer& root(const fs::path& dir);
    Indexer& shards(std::size_t n);
    Indexer& jobs(std::size_t n);
    Indexer& batch(std::size_t n);
    Indexer& quiet();
    /// Any other options, as typed (`{"--prune"}`, `{"--max-size", "1"}`).
    Indexer& args(const std::vector<std::string>& more);
    /// Sets `name` to `value` in the program's environment only (`PATH`, `XAPIAN_...`).
    Indexer& env(const std::string& name, const std::string& value);

    /// The program and its arguments, for messages.
    std::vector<std::string> command(const std::vector<fs::path>& paths) const;
    /// Runs it to the end.
    IndexRun run(const std::vector<fs::path>& paths) const;
    /// Starts it in the background: for tests that signal or kill it, or race it.
    IndexProcess start(const std::vector<fs::path>& paths) const;

  private:
    fs::path db_;
    std::vector<std::string> options_;
    std::vector<std::pair<std::string, std::string>> env_;
};

/// A tracuu-index started by Indexer::start; killed (SIGKILL) and reaped at scope exit if still
/// running. Its stdout and stderr go to files, so an unread pipe never stalls it.
class IndexProcess {
  public:
    IndexProcess(IndexProcess&& other) noexcept;
    IndexProcess& operator=(IndexProcess&&) = delete;
    IndexProcess(const IndexProcess&) = delete;
    IndexProcess& operator=(const IndexProcess&) = delete;
    ~IndexProcess();

    pid_t pid() const { return pid_; }
    /// Whether it has not exited yet.
    bool running();
    /// Sends `signal` without waiting.
    void signal(int signal);
    /// Waits for it to end: its status and what it wrote.
    IndexRun wait();

  private:
    friend class Indexer;
    IndexProcess(pid_t pid, std::unique_ptr<TempDir> outputs);
    IndexRun finish(int wait_status);

    pid_t pid_ = -1;
    std::unique_ptr<TempDir> outputs_;
    IndexRun ended_;
};

}  // namespace tracuu::test
