#include "indexer.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <sstream>

namespace tracuu::test {

namespace {

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// In the child, before exec: `path` as descriptor `fd` (async-signal-safe calls only).
void redirect(const char* path, int fd, int flags) {
    const int opened = ::open(path, flags, 0644);
    if (opened < 0) ::_exit(126);
    ::dup2(opened, fd);
    ::close(opened);
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const IndexRun& run) {
    os << "tracuu-index exited " << run.status;
    if (run.signal != 0) os << " (signal " << run.signal << ")";
    return os << "\n-- stdout:\n" << run.out << "\n-- stderr:\n" << run.err;
}

Indexer::Indexer(fs::path db) : db_(std::move(db)) {}

Indexer& Indexer::root(const fs::path& dir) {
    return args({"--root", dir.string()});
}
Indexer& Indexer::shards(std::size_t n) {
    return args({"--shards", std::to_string(n)});
}
Indexer& Indexer::jobs(std::size_t n) {
    return args({"--jobs", std::to_string(n)});
}
Indexer& Indexer::batch(std::size_t n) {
    return args({"--batch", std::to_string(n)});
}
Indexer& Indexer::quiet() {
    return args({"--quiet"});
}
Indexer& Indexer::args(const std::vector<std::string>& more) {
    options_.insert(options_.end(), more.begin(), more.end());
    return *this;
}
Indexer& Indexer::env(const std::string& name, const std::string& value) {
    env_.emplace_back(name, value);
    return *this;
}

std::vector<std::string> Indexer::command(const std::vector<fs::path>& paths) const {
    std::vector<std::string> argv = {TRACUU_INDEX_BINARY};
    if (!db_.empty()) argv.insert(argv.end(), {"--db", db_.string()});
    argv.insert(argv.end(), options_.begin(), options_.end());
    for (const auto& path : paths) argv.push_back(path.string());
    return argv;
}

IndexRun Indexer::run(const std::vector<fs::path>& paths) const {
    return start(paths).wait();
}

IndexProcess Indexer::start(const std::vector<fs::path>& paths) const {
    auto outputs = std::make_unique<TempDir>();
    // Everything the child needs is made before fork: it only redirects and execs.
    std::vector<std::string> argv_text = command(paths);
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    // The environment too: setenv after fork could block on a lock another thread held.
    std::vector<std::string> env_text;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        bool replaced = false;
        for (const auto& [name, value] : env_) replaced |= entry.starts_with(name + "=");
        if (!replaced) env_text.push_back(entry);
    }
    for (const auto& [name, value] : env_) env_text.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);
    const std::string out_path = (*outputs / "stdout").string();
    const std::string err_path = (*outputs / "stderr").string();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        redirect("/dev/null", STDIN_FILENO, O_RDONLY);
        redirect(out_path.c_str(), STDOUT_FILENO, O_WRONLY | O_CREAT | O_TRUNC);
        redirect(err_path.c_str(), STDERR_FILENO, O_WRONLY | O_CREAT | O_TRUNC);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    return IndexProcess(pid, std::move(outputs));
}

IndexProcess::IndexProcess(pid_t pid, std::unique_ptr<TempDir> outputs)
    : pid_(pid), outputs_(std::move(outputs)) {}

IndexProcess::IndexProcess(IndexProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      outputs_(std::move(other.outputs_)),
      ended_(std::move(other.ended_)) {}

IndexProcess::~IndexProcess() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
}

bool IndexProcess::running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return true;
    finish(status);
    return false;
}

void IndexProcess::signal(int signal) {
    if (pid_ > 0) ::kill(pid_, signal);
}

IndexRun IndexProcess::wait() {
    if (pid_ > 0) {
        int status = 0;
        ::waitpid(pid_, &status, 0);
        finish(status);
    }
    return ended_;
}

IndexRun IndexProcess::finish(int wait_status) {
    pid_ = -1;
    ended_.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
    ended_.signal = WIFSIGNALED(wait_status) ? WTERMSIG(wait_status) : 0;
    ended_.out = read_all(*outputs_ / "stdout");
    ended_.err = read_all(*outputs_ / "stderr");
    return ended_;
}

}  // namespace tracuu::test
