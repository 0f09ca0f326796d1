// Access tokens (--token-file) through the real tracuu-server: /api/* and /metrics need one, the
// page and /healthz do not, a wrong or missing one gets 401 JSON with WWW-Authenticate, SIGHUP
// reads the file again, and no token ever reaches the log.
#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "server/access_tokens.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;

namespace {

constexpr const char* kToken = "k7Qx-2hR.vN_9~pL+/w=";
constexpr const char* kSecond = "second-token-for-scripts";

test::RawReply get(int port, const std::string& target, const std::string& headers = {}) {
    return test::raw_request(
        port, "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n");
}

std::string bearer(const std::string& token) {
    return "Authorization: Bearer " + token + "\r\n";
}

void check_unauthorized(const test::RawReply& r, bool token_given) {
    INFO(r.body);
    CHECK(r.status == 401);
    CHECK(r.header("content-type").starts_with("application/json"));
    CHECK(json::parse(r.body)["error"]["code"] == "unauthorized");
    CHECK(r.header("www-authenticate").starts_with("Bearer realm=\"tracuu\""));
    CHECK((r.header("www-authenticate").find("invalid_token") != std::string::npos) == token_given);
}

}  // namespace

TEST_CASE("tokens: the file's tokens, compared whole", "[tokens]") {
    test::TempDir tmp;
    test::write_file(tmp / "tokens", std::string("# for the intranet portal\n  ") + kToken +
                                         "  \n\n" + kSecond + "\r\n");
    AccessTokens tokens(tmp / "tokens");
    CHECK(tokens.accepts(std::string("Bearer ") + kToken));
    CHECK(tokens.accepts(std::string("bearer ") + kSecond));
    CHECK_FALSE(tokens.accepts(kToken));
    CHECK_FALSE(tokens.accepts(std::string("Basic ") + kToken));
    CHECK_FALSE(tokens.accepts(std::string("Bearer ") + kToken + "x"));
    CHECK_FALSE(tokens.accepts(std::string("Bearer ") + std::string(kToken).substr(1)));
    CHECK_FALSE(tokens.accepts("Bearer "));
    CHECK_FALSE(tokens.accepts("Bearer # for the intranet portal"));
    CHECK_FALSE(tokens.accepts(""));

    test::write_file(tmp / "empty", "# nothing yet\n\n");
    CHECK_THROWS_WITH(AccessTokens(tmp / "empty"), Catch::Contains("holds no token"));
    test::write_file(tmp / "bad", "good-token\nnot a token\n");
    CHECK_THROWS_WITH(AccessTokens(tmp / "bad"), Catch::Contains("line 2"));
    CHECK_THROWS_WITH(AccessTokens(tmp / "missing"), Catch::Contains("cannot read"));
    // A reload that fails keeps the tokens in force.
    test::write_file(tmp / "tokens", "not a token\n");
    CHECK_THROWS(tokens.reload());
    CHECK(tokens.accepts(std::string("Bearer ") + kToken));
}

TEST_CASE("tokens: the API and /metrics need one, the page and /healthz do not", "[http][tokens]") {
    test::TempDir tmp;
    REQUIRE(test::Indexer(tmp / "db")
                .quiet()
                .root(test::bundled_corpus_dir())
                .run({test::seeds_dir()})
                .status == 0);
    test::write_file(tmp / "tokens", std::string(kToken) + "\n");
    // With the access log on: the token must not appear in it.
    test::ServerProcess server(tmp / "db", {"--token-file", (tmp / "tokens").string()}, false);
    const int port = server.port();
    for (const std::string path :
         {"/api/search?q=chuyen+doi+so", "/api/stats",
          "/api/documents/seeds/000_ad8cc43618a4a18a.txt",
          "/api/documents/seeds/000_ad8cc43618a4a18a.txt/source", "/api/references/57-NQ-TW",
          "/api/openapi.json", "/api/no-such-thing", "/metrics"}) {
        INFO(path);
        check_unauthorized(get(port, path), false);
        check_unauthorized(get(port, path, bearer("wrong-token")), true);
        check_unauthorized(get(port, path, "Authorization: Basic dXNlcjpwYXNz\r\n"), true);
        const auto r = get(port, path, bearer(kToken));
        CHECK(r.status != 401);
        CHECK(r.status < 500);
    }
    CHECK(get(port, "/api/stats", "Authorization: bearer " + std::string(kToken) + "\r\n").status ==
          200);
    CHECK(get(port, "/healthz").status == 200);
    CHECK(get(port, "/").status == 200);
    CHECK(get(port, "/js/api.js").status == 200);

    // SIGHUP: the file is read again; the old token stops working, the new one works.
    test::write_file(tmp / "tokens", std::string("# rotated\n") + kSecond + "\n");
    server.signal(SIGHUP);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (get(port, "/api/stats", bearer(kToken)).status != 401 &&
           std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(get(port, "/api/stats", bearer(kToken)).status == 401);
    CHECK(get(port, "/api/stats", bearer(kSecond)).status == 200);
    // A broken file on SIGHUP: said in the log, the tokens in force stay.
    test::write_file(tmp / "tokens", "");
    server.signal(SIGHUP);
    const auto said_until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (server.log().find("holds no token") == std::string::npos &&
           std::chrono::steady_clock::now() < said_until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(server.log().find("holds no token") != std::string::npos);
    CHECK(get(port, "/api/stats", bearer(kSecond)).status == 200);

    const std::string log = server.log();
    CHECK(log.find("read 1 access token") != std::string::npos);
    CHECK(log.find(kToken) == std::string::npos);
    CHECK(log.find(kSecond) == std::string::npos);
    CHECK(log.find("wrong-token") == std::string::npos);
    CHECK(log.find("\"status\":401") !=
          std::string::npos);  // the refusals are logged, not what was sent
    CHECK(server.stop() == 0);
}

TEST_CASE("tokens: a token file without tokens stops the server at start", "[http][tokens]") {
    test::TempDir tmp;
    test::write_file(tmp / "tokens", "\n# none yet\n");
    std::string out;
    const int status = test::run_command(
        std::string(TRACUU_SERVER_BINARY) +
            " --db /nonexistent --listen 127.0.0.1:0 --token-file " + (tmp / "tokens").string(),
        out);
    CHECK(status != 0);
    CHECK(out.find("holds no token") != std::string::npos);
}
