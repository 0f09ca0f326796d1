// Shared test helpers: where the real texts are, temporary folders, the bundled index, servers.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace tracuu::test {

namespace fs = std::filesystem;

/// The bundled seeds (corpus/seeds of this checkout).
fs::path seeds_dir();
/// The bundled corpus folder.
fs::path bundled_corpus_dir();
/// ../shared/corpus: fails the test with a clear message when it is not there.
fs::path shared_corpus_dir();

/// Path of one seed by its number prefix ("000" ... "004").
fs::path seed(const std::string& prefix);

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& bytes);

/// Two decisions of one province in `root`: a.txt (15/2024/QĐ-UBND, in force from its signing)
/// and b.txt (30/2025/QĐ-UBND, which replaces it from 2025-12-15).
void write_replaced_and_replacing(const fs::path& root);

/// A fresh folder removed at the end of the test.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

  private:
    fs::path path_;
};

/// A database of the five seeds plus the bundled ubtvqh-2025 resolutions, written by
/// tracuu-index once per ctest run ($TRACUU_BUNDLED_INDEX), else once per test process
/// (test::Indexer). Read only: tests share it.
const fs::path& bundled_index();

/// Runs a shell command; returns its exit status and captures stdout+stderr into `output`.
int run_command(const std::string& command, std::string& output);

}  // namespace tracuu::test

namespace tracuu::test {

/// A real tracuu-server process on a free loopback port, stopped (SIGTERM) at scope exit. Its
/// stderr goes to a file: log() reads it.
class ServerProcess {
  public:
    /// `quiet`: pass --quiet (no access log).
    explicit ServerProcess(const fs::path& db, const std::vector<std::string>& extra_args = {},
                           bool quiet = true);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    int pid() const { return pid_; }
    /// Sends SIGTERM and waits; returns the exit status (-1 when it did not exit normally).
    int stop();
    /// Sends `signal` without waiting.
    void signal(int signal);
    /// Waits for the process to end; returns its exit status as stop() does.
    int wait();
    /// Everything the server wrote on stderr so far.
    std::string log() const;

  private:
    TempDir dir_;
    int pid_ = -1;
    int port_ = 0;
    int status_ = -1;
};

/// An answer read off a raw socket: for requests no HTTP client library would send.
struct RawReply {
    int status = 0;                                            ///< 0: no status line came back
    std::vector<std::pair<std::string, std::string>> headers;  ///< names in lower case
    std::string body;
    double seconds = 0;  ///< from connecting to the end of the answer
    std::string header(const std::string& lower_case_name) const;
};

/// Connects to 127.0.0.1:`port`, sends `bytes`, reads until the server closes or `timeout_s`
/// passes. Send `Connection: close` in `bytes` to get the whole answer promptly.
RawReply raw_request(int port, const std::string& bytes, double timeout_s = 10);

/// Polls `condition` every 10 ms until it holds or `deadline_s` passes; returns whether it held.
/// The deadline means "never", not "slow": generous enough for ASan on a loaded machine.
bool eventually(const std::function<bool()>& condition, double deadline_s = 60);

}  // namespace tracuu::test
