#include "support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "indexer/document_preparation.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/source_files.hpp"
#include "indexer/source_extraction.hpp"

namespace tracuu::test {

fs::path seeds_dir() {
    return fs::path(TRACUU_SOURCE_DIR) / "corpus" / "seeds";
}
fs::path bundled_corpus_dir() {
    return fs::path(TRACUU_SOURCE_DIR) / "corpus";
}

fs::path shared_corpus_dir() {
    const fs::path dir = fs::path(TRACUU_SHARED_DIR) / "corpus";
    INFO("the shared corpus is expected at "
         << dir.string() << " (configure with -DTRACUU_SHARED_DIR=... if it lives elsewhere)");
    REQUIRE(fs::is_directory(dir / "legal-2025" / "docs"));
    return dir;
}

fs::path seed(const std::string& prefix) {
    for (const auto& entry : fs::directory_iterator(seeds_dir())) {
        if (entry.path().filename().string().starts_with(prefix + "_")) return entry.path();
    }
    FAIL("no seed " << prefix << " in " << seeds_dir().string());
    return {};
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    REQUIRE(out.good());
}

TempDir::TempDir() {
    std::random_device rd;
    path_ =
        fs::temp_directory_path() / ("tracuu-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::size_t build_index(const fs::path& db, const fs::path& root,
                        const std::vector<fs::path>& inputs) {
    IndexWriter writer(db, root);
    const Discovery found = discover_sources(inputs, writer.root());
    REQUIRE(found.failed.empty());
    for (const auto& file : found.files)
        writer.put(prepare_document(file.id, extract_file(file.path, {}).text));
    writer.commit();
    return found.files.size();
}

const fs::path& bundled_index() {
    static TempDir dir;
    static const fs::path db = [] {
        const fs::path path = dir / "bundled";
        build_index(path, bundled_corpus_dir(), {bundled_corpus_dir()});
        return path;
    }();
    return db;
}

int run_command(const std::string& command, std::string& output) {
    output.clear();
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer;
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
    const int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace tracuu::test

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

namespace tracuu::test {

ServerProcess::ServerProcess(const fs::path& db, const std::vector<std::string>& extra_args) {
    int pipe_fd[2];
    REQUIRE(pipe(pipe_fd) == 0);
    std::vector<std::string> args = {TRACUU_SERVER_BINARY, "--db",        db.string(),
                                     "--listen",           "127.0.0.1:0", "--quiet"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        dup2(pipe_fd[1], STDERR_FILENO);
        close(pipe_fd[0]);
        close(pipe_fd[1]);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipe_fd[1]);
    // The server announces `listening on http://127.0.0.1:PORT/` once bound.
    std::string line;
    char c;
    while (read(pipe_fd[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    close(pipe_fd[0]);
    const auto at = line.find("127.0.0.1:");
    INFO("server said: " << line);
    REQUIRE(at != std::string::npos);
    port_ = std::stoi(line.substr(at + 10));
    REQUIRE(port_ > 0);
}

int ServerProcess::stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerProcess::~ServerProcess() {
    stop();
}

}  // namespace tracuu::test
