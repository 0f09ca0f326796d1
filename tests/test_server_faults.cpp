// The real tracuu-server under faults: SIGTERM with requests in flight, slow and half-open
// clients, more connections than workers, a database that disappears or is replaced, and proof
// that serving never writes the database.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <httplib.h>
#include <xxhash.h>

#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void index_into(const fs::path& db, const fs::path& input) {
    const test::IndexRun run =
        test::Indexer(db).quiet().root(test::bundled_corpus_dir()).run({input});
    INFO(run);  // after the run: INFO copies its text when it is written
    REQUIRE(run.status == 0);
}

httplib::Result http_get(int port, const std::string& target) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(10, 0);
    return client.Get(target.c_str());
}

/// A connected socket to the server, sending nothing yet.
/// `tracuu_http_workers_busy` of /metrics, counting the scrape's own worker; -1 without an answer.
int busy_workers(int port) {
    const auto res = http_get(port, "/metrics");
    if (!res || res->status != 200) return -1;
    const std::string name = "\ntracuu_http_workers_busy ";
    const auto at = res->body.find(name);
    return at == std::string::npos ? -1 : std::atoi(res->body.c_str() + at + name.size());
}

int connect_to(int port) {
    const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    return sock;
}

/// Reads until the server closes `sock` or `limit_s` passes; returns what arrived.
std::string read_until_closed(int sock, double limit_s) {
    std::string received;
    const auto start = Clock::now();
    while (seconds_since(start) < limit_s) {
        pollfd pfd{sock, POLLIN, 0};
        if (::poll(&pfd, 1, 50) <= 0) continue;
        char buffer[4096];
        const ssize_t n = ::recv(sock, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        received.append(buffer, static_cast<std::size_t>(n));
    }
    return received;
}

}  // namespace

TEST_CASE("SIGTERM answers the requests in flight, then exits 0", "[http][faults]") {
    test::TempDir tmp;
    index_into(tmp / "db", test::seeds_dir());
    test::ServerProcess server(tmp / "db");
    // Three requests half sent: the server has accepted them and is reading.
    std::vector<int> socks;
    for (int i = 0; i < 3; ++i) {
        socks.push_back(connect_to(server.port()));
        const std::string head = "GET /api/search?q=chuyen%20doi%20so HTTP/1.1\r\nHost: x\r\n";
        REQUIRE(::send(socks.back(), head.data(), head.size(), MSG_NOSIGNAL) ==
                static_cast<ssize_t>(head.size()));
    }
    // Signalled once a worker reads each of them (the scrape takes a fourth).
    REQUIRE(test::eventually([&] { return busy_workers(server.port()) >= 4; }));
    server.signal(SIGTERM);
    // No new connections now...
    CHECK(test::eventually([&] { return !http_get(server.port(), "/healthz"); }));
    // ...but the requests in flight complete and are answered in full.
    for (const int sock : socks) {
        REQUIRE(::send(sock, "\r\n", 2, MSG_NOSIGNAL) == 2);
    }
    for (const int sock : socks) {
        const std::string answer = read_until_closed(sock, 10);
        ::close(sock);
        INFO(answer.substr(0, 300));
        REQUIRE(answer.starts_with("HTTP/1.1 200 OK"));
        CHECK(answer.find("Connection: close") != std::string::npos);
        const json body = json::parse(answer.substr(answer.find("\r\n\r\n") + 4));
        CHECK(body["total"] == 5);
    }
    CHECK(server.wait() == 0);
    CHECK(server.log().find("tracuu-server: stopped") != std::string::npos);
}

TEST_CASE("SIGTERM under load: every request the server answered reached its client",
          "[http][faults]") {
    test::TempDir tmp;
    index_into(tmp / "db", test::seeds_dir());
    test::ServerProcess server(tmp / "db", {}, /*quiet=*/false);
    std::mutex mutex;
    std::set<std::string> received;  // request ids of complete 200 answers
    std::atomic<bool> stop_clients{false};
    std::atomic<int> answered_before_signal{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
        clients.emplace_back([&, c] {
            int consecutive_failures = 0;
            for (int i = 0; consecutive_failures < 3 && !stop_clients; ++i) {
                const std::string id = "load-" + std::to_string(c) + "-" + std::to_string(i);
                httplib::Client client("127.0.0.1", server.port());
                client.set_read_timeout(10, 0);
                auto res = client.Get("/api/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt",
                                      httplib::Headers{{"X-Request-Id", id}});
                if (res && res->status == 200 &&
                    !json::parse(res->body, nullptr, false).is_discarded()) {
                    consecutive_failures = 0;
                    ++answered_before_signal;
                    std::lock_guard lock(mutex);
                    received.insert(id);
                } else {
                    ++consecutive_failures;
                }
            }
        });
    }
    while (answered_before_signal < 50) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.signal(SIGTERM);
    const int status = server.wait();
    stop_clients = true;
    for (auto& t : clients) t.join();
    CHECK(status == 0);
    // The access log names every answer the server sent; each must have arrived whole.
    std::istringstream log(server.log());
    std::string line;
    std::size_t logged = 0;
    while (std::getline(log, line)) {
        if (!line.starts_with("{")) continue;
        const json entry = json::parse(line);
        if (!entry["request_id"].get<std::string>().starts_with("load-")) continue;
        ++logged;
        INFO(line);
        CHECK(entry["status"] == 200);
        CHECK(received.count(entry["request_id"].get<std::string>()) == 1);
    }
    CHECK(logged >= 50);
    CHECK(logged == received.size());
}

TEST_CASE("slow and half-open clients are cut by timeouts without blocking others",
          "[http][faults]") {
    test::TempDir tmp;
    index_into(tmp / "db", test::seeds_dir());
    // Order, not speed, is asserted: the other clients are answered while the slow ones still
    // hold their connections, and the slow ones are then cut by the server (not by this test's
    // own patience). The timeout leaves ASan on a busy machine ample room for the 20 searches.
    constexpr int kTimeout = 4;
    constexpr double kPatience = 60;  // seconds this test waits for the server to close
    test::ServerProcess server(tmp / "db",
                               {"--threads", "8", "--timeout", std::to_string(kTimeout)});
    struct Outcome {
        double closed_after = 0;
        std::string answer;
    };
    std::vector<Outcome> trickling(3), silent(3);
    std::atomic<int> cut{0};
    std::vector<std::thread> attackers;
    for (auto& outcome : trickling) {
        attackers.emplace_back([&server, &outcome, &cut] {
            const auto start = Clock::now();
            const int sock = connect_to(server.port());
            const std::string head = "GET /api/stats HTTP/1.1\r\nHost: x\r\n";
            ::send(sock, head.data(), head.size(), MSG_NOSIGNAL);
            // One header byte every 100 ms: each read succeeds, the request never ends.
            while (seconds_since(start) < kPatience) {
                if (::send(sock, "X", 1, MSG_NOSIGNAL) != 1) break;
                pollfd pfd{sock, POLLIN, 0};
                if (::poll(&pfd, 1, 100) > 0) break;
            }
            outcome.answer = read_until_closed(sock, kPatience);
            outcome.closed_after = seconds_since(start);
            ++cut;
            ::close(sock);
        });
    }
    for (auto& outcome : silent) {
        attackers.emplace_back([&server, &outcome, &cut] {
            const auto start = Clock::now();
            const int sock = connect_to(server.port());
            outcome.answer = read_until_closed(sock, kPatience);
            outcome.closed_after = seconds_since(start);
            ++cut;
            ::close(sock);
        });
    }
    // Meanwhile everyone else is served, before any slow client is cut.
    for (int i = 0; i < 20; ++i) {
        auto res = http_get(server.port(), "/api/search?q=chuyen%20doi%20so");
        REQUIRE(res);
        CHECK(res->status == 200);
    }
    CHECK(cut == 0);
    for (auto& t : attackers) t.join();
    for (const auto& o : trickling) {
        INFO("trickling client: " << o.answer.substr(0, 200));
        CHECK(o.answer.starts_with("HTTP/1.1 408"));
        CHECK(o.answer.find("\"request_timeout\"") != std::string::npos);
        CHECK(o.closed_after > kTimeout - 0.5);
        CHECK(o.closed_after < kPatience);
    }
    for (const auto& o : silent) {
        CHECK(o.answer.empty());  // nothing was asked, nothing is answered: just closed
        CHECK(o.closed_after > kTimeout - 0.5);
        CHECK(o.closed_after < kPatience);
    }
    CHECK(server.stop() == 0);
}

TEST_CASE("the worker pool bounds concurrency: overflow gets 503 at once, then service resumes",
          "[http][faults]") {
    test::TempDir tmp;
    index_into(tmp / "db", test::seeds_dir());
    {
        // More clients than workers, with room to wait: all served.
        test::ServerProcess server(tmp / "db", {"--threads", "2", "--queue", "64"});
        std::atomic<int> ok{0}, failed{0};
        std::vector<std::thread> clients;
        for (int c = 0; c < 8; ++c) {
            clients.emplace_back([&] {
                for (int i = 0; i < 15; ++i) {
                    auto res = http_get(server.port(), "/api/search?q=ke%20hoach");
                    (res && res->status == 200 ? ok : failed)++;
                }
            });
        }
        for (auto& t : clients) t.join();
        CHECK(ok == 120);
        CHECK(failed == 0);
    }
    test::ServerProcess server(tmp / "db", {"--threads", "2", "--queue", "1", "--timeout", "4"});
    // Two idle connections hold both workers, a third waits: the pool and its queue are full.
    std::vector<int> idle;
    for (int i = 0; i < 3; ++i) idle.push_back(connect_to(server.port()));
    // Refused, not queued: a queued request would be answered 200 once the idle ones are cut,
    // after the 4 s idle timeout, and the pool would be free from then on. Asked again until the
    // server has taken all three (a poll, not a pause).
    test::RawReply busy;
    test::eventually([&] {
        busy = test::raw_request(server.port(),
                                 "GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        return busy.status == 503;
    });
    INFO(busy.body);
    REQUIRE(busy.status == 503);
    CHECK(busy.header("retry-after") == "1");
    CHECK(json::parse(busy.body)["error"]["code"] == "busy");
    CHECK_FALSE(busy.header("x-request-id").empty());
    // The idle connections are closed by the idle timeout, and service resumes.
    int status = 0;
    const auto waiting = Clock::now();
    while (seconds_since(waiting) < 60 && status != 200) {
        auto res = http_get(server.port(), "/api/stats");
        status = res ? res->status : 0;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (const int sock : idle) ::close(sock);
    CHECK(status == 200);
    auto metrics = http_get(server.port(), "/metrics");
    REQUIRE(metrics);
    CHECK(metrics->body.find("tracuu_http_workers 2\n") != std::string::npos);
    CHECK(metrics->body.find("tracuu_http_requests_total{route=\"unmatched\",status=\"503\"} ") !=
          std::string::npos);
}

TEST_CASE("a database that disappears gives 503 JSON, back or replaced, it is served again",
          "[http][faults]") {
    test::TempDir tmp;
    const fs::path db = tmp / "db";
    index_into(db, test::seeds_dir());
    test::ServerProcess server(db);
    const int port = server.port();
    // Many requests per step, on fresh connections: every worker thread's handle is exercised.
    auto expect_everywhere = [&](int status, int documents) {
        for (int i = 0; i < 24; ++i) {
            for (const std::string target :
                 {"/api/stats", "/api/search?q=chuyen%20doi%20so", "/healthz",
                  "/api/documents/seeds/001_91529e2d677ee411.txt"}) {
                if (documents != 5 && target.starts_with("/api/documents/")) continue;
                auto res = http_get(port, target);
                REQUIRE(res);
                INFO(target << " -> " << res->body.substr(0, 200));
                REQUIRE(res->status == status);
                const json body = json::parse(res->body);
                if (status == 503) CHECK(body["error"]["code"] == "unavailable");
                if (status == 200 && target == "/api/stats") CHECK(body["documents"] == documents);
            }
        }
    };
    expect_everywhere(200, 5);

    fs::rename(db, tmp / "away");
    expect_everywhere(503, 0);
    auto metrics = http_get(port, "/metrics");
    REQUIRE(metrics);
    CHECK(metrics->status == 200);
    CHECK(metrics->body.find("tracuu_database_up 0\n") != std::string::npos);

    fs::rename(tmp / "away", db);
    expect_everywhere(200, 5);

    // Replaced by another database moved into place (how a full re-index is published).
    const fs::path rebuilt = tmp / "rebuilt";
    index_into(rebuilt, test::bundled_corpus_dir() / "ubtvqh-2025");
    fs::rename(db, tmp / "old");
    fs::rename(rebuilt, db);
    expect_everywhere(200, 36);

    // Deleted outright, then indexed again from nothing.
    fs::remove_all(db);
    fs::remove_all(tmp / "old");
    expect_everywhere(503, 0);
    index_into(db, test::seeds_dir());
    expect_everywhere(200, 5);
    CHECK(server.stop() == 0);
}

namespace {

/// Every file of a database: size, modification time and content hash.
std::map<std::string, std::string> fingerprint(const fs::path& db) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(db)) {
        struct stat st {};
        REQUIRE(::stat(entry.path().c_str(), &st) == 0);
        const std::string bytes = test::read_file(entry.path());
        std::ostringstream s;
        s << st.st_size << " " << st.st_mtim.tv_sec << "." << st.st_mtim.tv_nsec << " "
          << XXH3_64bits(bytes.data(), bytes.size());
        files[entry.path().filename().string()] = s.str();
    }
    return files;
}

}  // namespace

TEST_CASE("serving never writes the database: files, revision and open modes", "[http][faults]") {
    test::TempDir tmp;
    const fs::path db = tmp / "db";
    index_into(db, test::bundled_corpus_dir());
    const auto before = fingerprint(db);
    const auto revision = Xapian::Database(db.string()).get_revision();
    test::ServerProcess server(db);
    std::vector<std::thread> clients;
    std::atomic<int> answered{0};
    for (int c = 0; c < 4; ++c) {
        clients.emplace_back([&, c] {
            const std::vector<std::string> targets = {
                "/api/search?q=chuyen%20doi%20so&limit=100",
                "/api/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt&sort=date",
                "/api/search?cites=57-NQ%2FTW",
                "/api/documents/seeds/001_91529e2d677ee411.txt",
                "/api/references/57-NQ-TW",
                "/api/stats",
                "/healthz",
                "/metrics",
                "/api/search?q=%zz",
                "/api/documents/../../etc/passwd"};
            for (int i = 0; i < 60; ++i) {
                auto res = http_get(server.port(), targets[(i + c) % targets.size()]);
                if (res) ++answered;
            }
            // Writing methods are refused, whatever they ask.
            httplib::Client client("127.0.0.1", server.port());
            auto res =
                client.Post("/api/documents/seeds/001_91529e2d677ee411.txt", "x", "text/plain");
            if (res && res->status == 405) ++answered;
            res = client.Delete("/api/documents/seeds/001_91529e2d677ee411.txt");
            if (res && res->status == 405) ++answered;
        });
    }
    for (auto& t : clients) t.join();
    CHECK(answered == 4 * 62);
    // Every database file the server holds open is open read-only.
    const fs::path fds = fs::path("/proc") / std::to_string(server.pid()) / "fd";
    std::size_t database_files = 0;
    for (const auto& entry : fs::directory_iterator(fds)) {
        std::error_code ec;
        const fs::path target = fs::read_symlink(entry.path(), ec);
        if (ec || !target.string().starts_with(fs::canonical(db).string())) continue;
        ++database_files;
        const std::string info = test::read_file(fs::path("/proc") / std::to_string(server.pid()) /
                                                 "fdinfo" / entry.path().filename());
        const auto at = info.find("flags:");
        REQUIRE(at != std::string::npos);
        const long flags = std::stol(info.substr(at + 6), nullptr, 8);
        INFO(target.string() << " flags " << std::oct << flags);
        CHECK((flags & O_ACCMODE) == O_RDONLY);
    }
    CHECK(database_files > 0);
    CHECK(server.stop() == 0);
    CHECK(fingerprint(db) == before);
    CHECK(Xapian::Database(db.string()).get_revision() == revision);
}
