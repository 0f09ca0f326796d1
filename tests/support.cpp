#include "support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "indexer.hpp"

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

void write_replaced_and_replacing(const fs::path& root) {
    write_file(root / "a.txt",
               "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/2024/QĐ-UBND\nBắc Ninh, ngày 10 "
               "tháng 3 năm 2024\nQUYẾT ĐỊNH\nBan hành Quy chế quản lý cổng thông tin\n\n"
               "Điều 1. Ban hành kèm theo Quyết định này Quy chế.\nĐiều 2. Quyết định này "
               "có hiệu lực thi hành kể từ ngày ký.\n");
    write_file(root / "b.txt",
               "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 30/2025/QĐ-UBND\nBắc Ninh, ngày 05 "
               "tháng 12 năm 2025\nQUYẾT ĐỊNH\nBan hành Quy chế mới\n\nĐiều 1. Ban hành kèm "
               "theo Quyết định này Quy chế.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày "
               "15 tháng 12 năm 2025 và thay thế Quyết định số 15/2024/QĐ-UBND ngày 10 "
               "tháng 3 năm 2024 của Ủy ban nhân dân tỉnh Bắc Ninh.\n");
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

const fs::path& bundled_index() {
    static TempDir dir;
    static const fs::path db = [] {
        // Under ctest, the fixture's index (fixture.bundled_index in tests/CMakeLists.txt): made
        // once for the whole run instead of once in each test process.
        if (const char* made = std::getenv("TRACUU_BUNDLED_INDEX")) return fs::path(made);
        const fs::path path = dir / "bundled";
        const IndexRun run =
            Indexer(path).root(bundled_corpus_dir()).quiet().run({bundled_corpus_dir()});
        INFO(run);
        REQUIRE(run.status == 0);
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

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <thread>

namespace tracuu::test {

ServerProcess::ServerProcess(const fs::path& db, const std::vector<std::string>& extra_args,
                             bool quiet) {
    std::vector<std::string> args = {TRACUU_SERVER_BINARY, "--db", db.string(), "--listen",
                                     "127.0.0.1:0"};
    if (quiet) args.push_back("--quiet");
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    const fs::path log_path = dir_ / "server.log";
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) _exit(126);
        dup2(fd, STDERR_FILENO);
        close(fd);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    // The server announces `listening on http://127.0.0.1:PORT/` once bound (slowly under
    // sanitizers, hence the generous wait).
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::string said;
    while (std::chrono::steady_clock::now() < until) {
        said = log();
        if (said.find('\n') != std::string::npos) break;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            FAIL("tracuu-server exited at start: " << said);
        }
        usleep(5000);
    }
    const std::string line = said.substr(0, said.find('\n'));
    const auto at = line.find("127.0.0.1:");
    INFO("server said: " << line);
    REQUIRE(at != std::string::npos);
    port_ = std::stoi(line.substr(at + 10));
    REQUIRE(port_ > 0);
}

void ServerProcess::signal(int signal) {
    if (pid_ > 0) kill(pid_, signal);
}

int ServerProcess::wait() {
    if (pid_ <= 0) return status_;
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return status_;
}

int ServerProcess::stop() {
    signal(SIGTERM);
    return wait();
}

std::string ServerProcess::log() const {
    std::ifstream in(dir_ / "server.log", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

ServerProcess::~ServerProcess() {
    stop();
}

std::string RawReply::header(const std::string& lower_case_name) const {
    for (const auto& [name, value] : headers) {
        if (name == lower_case_name) return value;
    }
    return {};
}

RawReply raw_request(int port, const std::string& bytes, double timeout_s) {
    const auto started = std::chrono::steady_clock::now();
    const auto until = started + std::chrono::duration<double>(timeout_s);
    RawReply reply;
    const int sock = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(sock >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    // Send and read at once: the server may answer (and close) before it has read everything.
    std::size_t sent = 0;
    std::string received;
    while (std::chrono::steady_clock::now() < until) {
        pollfd pfd{sock, static_cast<short>(POLLIN | (sent < bytes.size() ? POLLOUT : 0)), 0};
        if (poll(&pfd, 1, 20) <= 0) continue;
        if (pfd.revents & POLLIN) {
            char buffer[65536];
            const ssize_t n = recv(sock, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            received.append(buffer, static_cast<std::size_t>(n));
        } else if (pfd.revents & POLLOUT) {
            const ssize_t n = send(sock, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                sent = bytes.size();  // the server closed its side: read what it said
            } else {
                sent += static_cast<std::size_t>(n);
            }
        } else if (pfd.revents & (POLLHUP | POLLERR)) {
            break;
        }
    }
    close(sock);
    reply.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto head_end = received.find("\r\n\r\n");
    if (!received.starts_with("HTTP/1.") || head_end == std::string::npos) return reply;
    reply.status = std::atoi(received.c_str() + 9);
    std::istringstream head(received.substr(0, head_end));
    std::string line;
    std::getline(head, line);
    while (std::getline(head, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        reply.headers.emplace_back(name, line.substr(line.find_first_not_of(' ', colon + 1)));
    }
    reply.body = received.substr(head_end + 4);
    return reply;
}

bool eventually(const std::function<bool()>& condition, double deadline_s) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(deadline_s);
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace tracuu::test
