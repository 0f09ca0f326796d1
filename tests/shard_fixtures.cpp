#include "shard_fixtures.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <thread>

#include "index/stub_database.hpp"
#include "indexer.hpp"
#include "indexer/index_command.hpp"

namespace tracuu::test {

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

Layouts::Layouts() {
    const fs::path corpus = bundled_corpus_dir();
    REQUIRE(Indexer(one).root(corpus).quiet().run({corpus}).status == kExitOk);
    REQUIRE(Indexer(three).root(corpus).shards(3).quiet().run({corpus}).status == kExitOk);
}

const Layouts& layouts() {
    static const Layouts built;
    return built;
}

void TcpServer::stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

void TcpServer::pause() {
    REQUIRE(pid_ > 0);
    ::kill(-pid_, SIGSTOP);
}

void TcpServer::resume() {
    REQUIRE(pid_ > 0);
    ::kill(-pid_, SIGCONT);
}

void TcpServer::start(int port) {
    REQUIRE(fs::exists("/usr/bin/xapian-tcpsrv"));  // xapian-tools (scripts/install-deps)
    port_ = port > 0 ? port : free_port();
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        ::setpgid(0, 0);
        // It reports each connection on stdout, which nobody reads after `Listening`.
        ::signal(SIGPIPE, SIG_IGN);
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        const std::string port_text = std::to_string(port_);
        ::execl("/usr/bin/xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
                port_text.c_str(), db_.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::setpgid(pid_, pid_);
    ::close(out[1]);
    // It says `Listening...` once its socket listens.
    std::string said;
    char buffer[256];
    ssize_t n;
    while (said.find("Listening") == std::string::npos &&
           (n = ::read(out[0], buffer, sizeof buffer)) > 0)
        said.append(buffer, static_cast<std::size_t>(n));
    ::close(out[0]);
    INFO("xapian-tcpsrv said: " << said);
    REQUIRE(said.find("Listening") != std::string::npos);
}

RemoteShards::RemoteShards() {
    std::string stub;
    for (const auto& shard : read_stub(layouts().three / "XAPIANDB")) {
        servers.push_back(std::make_unique<TcpServer>(shard.path));
        stub += "remote 127.0.0.1:" + std::to_string(servers.back()->port()) + "\n";
    }
    fs::create_directories(stub_folder());
    write_file(stub_folder() / "XAPIANDB", stub);
}

bool poll_until(std::chrono::steady_clock::duration deadline, const std::function<bool()>& done) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // polling, not waiting for it
    }
    return done();
}

}  // namespace tracuu::test
