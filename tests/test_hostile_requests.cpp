// Hostile requests against the real tracuu-server: broken encodings, huge and negative numbers,
// query-syntax abuse, path traversal, malformed HTTP. Each must get a clear 4xx JSON error (or,
// for abuse that is still a valid query, a normal answer) quickly, never a crash, a hang or a
// file from outside what the server serves.
#include <catch2/catch.hpp>

#include <iostream>

#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;

namespace {

// Generous for sanitizer builds; an ordinary build answers each in milliseconds.
constexpr double kMaxSeconds = 5;

struct HostileServer {
    test::TempDir tmp;
    std::unique_ptr<test::ServerProcess> server;
    std::size_t tried = 0;

    HostileServer() {
        REQUIRE(test::Indexer(tmp / "db")
                    .root(test::bundled_corpus_dir())
                    .run({test::seeds_dir()})
                    .status == 0);
        server = std::make_unique<test::ServerProcess>(tmp / "db");
    }
    ~HostileServer() {
        // Reported by `tracuu_tests "[hostile]" -s` and quoted in the README.
        std::cout << "hostile requests tried: " << tried << "\n";
    }
};

HostileServer& hostile() {
    static HostileServer s;
    return s;
}

test::RawReply send_raw(const std::string& bytes) {
    ++hostile().tried;
    return test::raw_request(hostile().server->port(), bytes, kMaxSeconds + 5);
}

test::RawReply get(const std::string& target, const std::string& headers = {}) {
    return send_raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
                    "Connection: close\r\n\r\n");
}

/// The answer is a JSON error with a 4xx status and a message; nothing from /etc leaks.
void check_refused(const test::RawReply& r, const std::string& what, int status = 0) {
    INFO(what << " -> " << r.status << " " << r.body.substr(0, 300));
    CHECK(r.seconds < kMaxSeconds);
    REQUIRE(r.status >= 400);
    CHECK(r.status < 500);
    if (status != 0) CHECK(r.status == status);
    CHECK(r.header("content-type").starts_with("application/json"));
    const json body = json::parse(r.body, nullptr, false);
    REQUIRE_FALSE(body.is_discarded());
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
    CHECK(r.body.find("root:") == std::string::npos);
}

/// A valid if odd query: answered 200 or refused 400, as JSON, quickly.
void check_answered(const test::RawReply& r, const std::string& what) {
    INFO(what << " -> " << r.status << " " << r.body.substr(0, 300));
    CHECK(r.seconds < kMaxSeconds);
    CHECK((r.status == 200 || r.status == 400));
    CHECK(r.header("content-type").starts_with("application/json"));
    CHECK_FALSE(json::parse(r.body, nullptr, false).is_discarded());
}

std::string repeat(const std::string& piece, std::size_t times) {
    std::string s;
    for (std::size_t i = 0; i < times; ++i) s += piece;
    return s;
}

}  // namespace

TEST_CASE("hostile: invalid UTF-8 and malformed percent-encoding in parameters",
          "[http][hostile]") {
    for (const std::string q :
         {"%FF%FE", "%C0%AE%C0%AE", "%ED%A0%80", "%E1%BB", "a%80b", "%F8%88%80%80%80"}) {
        check_refused(get("/api/search?q=" + q), "invalid UTF-8 " + q, 400);
    }
    for (const std::string q : {"%", "%G1", "%4", "abc%zz", "%%41", "a%2"}) {
        const auto r = get("/api/search?q=" + q);
        check_refused(r, "bad escape " + q, 400);
        CHECK(json::parse(r.body)["error"]["parameter"] == "q");
    }
    check_refused(get("/api/search?q=a&issuer=%Z0"), "bad escape in issuer", 400);
    check_refused(get("/api/search?%ZZ=1"), "bad escape in a name", 400);
    check_refused(get("/api/documents/seeds%2"), "bad escape in the path", 400);
    check_refused(get("/api/search?q=a&%FF=1"), "invalid UTF-8 in a name", 400);
}

TEST_CASE("hostile: a 1 MB query and other oversized requests", "[http][hostile]") {
    check_refused(get("/api/search?q=" + std::string(1 << 20, 'a')), "1 MB q", 414);
    check_refused(get("/api/search?q=" + std::string(9000, 'a')), "9 kB q", 414);
    check_refused(get("/api/search?q=" + std::string(1001, 'a')), "1001-byte q", 400);
    check_refused(get("/api/search?q=" + repeat("%C4%91", 1001)), "1001 characters decoded", 400);
    check_refused(get("/api/search?issuer=" + std::string(2000, 'b')), "long issuer", 400);
    // Headers: one too long, or too many for the per-request cap.
    check_refused(get("/api/stats", "X-Long: " + std::string(20000, 'x') + "\r\n"), "20 kB header");
    check_refused(get("/api/stats", repeat("X-Many: " + std::string(1000, 'y') + "\r\n", 3000)),
                  "3 MB of headers");
    check_refused(get("/api/stats", "Content-Length: 99999999999\r\n"), "GET with a huge body",
                  400);
}

TEST_CASE("hostile: negative, huge and malformed limit and offset", "[http][hostile]") {
    for (const std::string v :
         {"-1", "-0", "0", "101", "1e2", "0x10", "+5", "%205", "5%20", "5%00", "1.5", "NaN",
          "99999999999999999999999999999", "18446744073709551617", "%EF%BC%95" /* fullwidth 5 */}) {
        check_refused(get("/api/search?q=a&limit=" + v), "limit=" + v, 400);
    }
    for (const std::string v : {"-1", "10001", "18446744073709551616", "1.0", "1,000", "--5"}) {
        check_refused(get("/api/search?q=a&offset=" + v), "offset=" + v, 400);
    }
    // The largest allowed page is answered.
    check_answered(get("/api/search?q=a&limit=100&offset=10000"), "limit=100&offset=10000");
}

TEST_CASE("hostile: unknown, repeated, empty and odd parameters", "[http][hostile]") {
    check_refused(get("/api/search?q=a&q=b"), "repeated q", 400);
    check_refused(get("/api/search?q=a&limit=1&limit=2"), "repeated limit", 400);
    check_refused(get("/api/search?q=a&" + repeat("q=a&", 1500)), "1500 repeats", 400);
    check_refused(get("/api/search?q=a&colour=red"), "unknown", 400);
    check_refused(get("/api/search?=x"), "empty name", 400);
    check_refused(get("/api/search?q=a&sort=relevance%00"), "NUL in sort", 400);
    check_refused(get("/api/search?from=2025-13-45"), "impossible date", 400);
    check_refused(get("/api/search?year=-2025"), "negative year", 400);
    check_answered(get("/api/search?q"), "q without =");
    check_answered(get("/api/search?&&&q=a&&&"), "empty pairs");
}

TEST_CASE("hostile: query-syntax abuse stays cheap and bounded", "[http][hostile]") {
    const std::vector<std::pair<std::string, std::string>> queries = {
        {"1000 quotes", repeat("%22", 1000)},
        {"deep brackets", repeat("(", 300) + "chuyen" + repeat(")", 300)},
        {"deep square brackets", repeat("%5B", 150) + "so" + repeat("%5D", 150)},
        {"999 minus signs", repeat("-", 999)},
        {"alternating exclusions", repeat("-%22-", 190)},
        {"300 exclusions", repeat("-a%20", 240)},
        {"stars", repeat("*", 1000)},
        {"question marks", repeat("%3F", 300)},
        {"wildcard-looking words", "chuy*%20d?i%20*s*"},
        {"prefix star", "a*"},
        {"field with star", "so:*%20coquan:*%20loai:*"},
        {"unbalanced field quote", "coquan:%22S%E1%BB%9F"},
        {"80 number filters", repeat("so:57-NQ/TW%20", 70)},
        {"100 year filters", repeat("nam:2025%20", 90)},
        {"48 syllables", repeat("chuyen%20doi%20so%20", 16)},
        {"49 syllables", repeat("chuyen%20doi%20so%20", 16) + "x"},
        {"many numbers", repeat("57%20NQ%20TW%20", 16)},
        {"only an exclusion", "-chuyen"},
        {"NUL bytes", "a%00b%00c"},
        {"controls", "%01%02%03%1B%5B31m"},
        {"colons", repeat(":", 500)},
        {"field names only", repeat("so:%20", 100)},
        {"a thousand ampersand-free spaces", repeat("%20", 1000)},
        {"combining marks only", repeat("%CC%81", 300)},
        {"zero-width spaces", repeat("%E2%80%8B", 300)},
        {"right-to-left override", "%E2%80%AEchuyen"},
    };
    for (const auto& [what, q] : queries) {
        check_answered(get("/api/search?q=" + q), what);
        check_answered(get("/api/search?sort=date&limit=100&q=" + q), what + " (by date)");
    }
}

TEST_CASE("hostile: path traversal in document ids and static paths", "[http][hostile]") {
    for (const std::string path : {
             "/api/documents/../../etc/passwd",
             "/api/documents/%2e%2e/%2e%2e/etc/passwd",
             "/api/documents/..%2f..%2fetc%2fpasswd",
             "/api/documents/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
             "/api/documents/seeds/../../../etc/passwd",
             "/api/documents/seeds/./000_ad8cc43618a4a18a.txt",
             "/api/documents//etc/passwd",
             "/api/documents/%2Fetc%2Fpasswd",
             "/api/documents/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
             "/api/documents/%00",
             "/api/documents/seeds%00.txt",
             "/api/documents/..%5c..%5cetc%5cpasswd",
             "/api/documents/%252e%252e/%252e%252e/etc/passwd",
             "/api/references/../../etc/passwd",
             "/api/references/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
             "/../../etc/passwd",
             "/%2e%2e/%2e%2e/etc/passwd",
             "/..%2f..%2fetc%2fpasswd",
             "/index.html/../../../etc/passwd",
             "/static/../../etc/passwd",
             "//etc/passwd",
         }) {
        check_refused(get(path), path);
    }
}

TEST_CASE("hostile: methods, malformed HTTP and ranges", "[http][hostile]") {
    for (const std::string method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
        const auto r = send_raw(method +
                                " /api/search?q=a HTTP/1.1\r\nHost: x\r\n"
                                "Content-Length: 5\r\nConnection: close\r\n\r\nhello");
        check_refused(r, method, 405);
        CHECK(r.header("allow") == "GET, HEAD");
    }
    // A body that is never read: the answer arrives, and the body is not taken as a request.
    const auto smuggled = send_raw(
        "POST /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 38\r\n\r\n"
        "GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n");
    check_refused(smuggled, "smuggled request", 405);
    CHECK(smuggled.body.find("\"documents\"") == std::string::npos);
    // A large body for a method we refuse: 405, not a reset.
    check_refused(
        send_raw("PUT /api/documents/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n" +
                 std::string(1 << 20, 'z')),
        "PUT 1 MB", 405);
    for (const std::string request :
         {"GARBAGE\r\n\r\n", "GET /api/stats HTTP/9.9\r\n\r\n", "GET /api/stats\r\n\r\n",
          "GET  HTTP/1.1\r\n\r\n", "BREW /api/stats HTTP/1.1\r\n\r\n",
          "GET /api/stats HTTP/1.1\r\nContent-Length: abc\r\n\r\n"}) {
        std::string shown = request.substr(0, request.find('\r'));
        check_refused(send_raw(request), "malformed: " + shown);
    }
    // Many overlapping ranges must not multiply the answer.
    const auto whole = get("/api/documents/seeds/001_91529e2d677ee411.txt");
    REQUIRE(whole.status == 200);
    const auto ranged = get("/api/documents/seeds/001_91529e2d677ee411.txt",
                            "Range: bytes=" + repeat("0-,", 500) + "0-\r\n");
    CHECK(ranged.status == 200);
    CHECK(ranged.body.size() == whole.body.size());
    // Generated JSON is always sent whole.
    const auto unsatisfiable = get("/api/stats", "Range: bytes=999999999-\r\n");
    CHECK(unsatisfiable.status == 200);
    CHECK(json::parse(unsatisfiable.body)["documents"] == 5);
    check_refused(get("/api/stats", "Range: bytes=abc\r\n"), "malformed range", 416);
}

TEST_CASE("hostile: client request ids are echoed only when sane", "[http][hostile]") {
    const auto sane = get("/api/stats", "X-Request-Id: abc-123.x_y:z\r\n");
    CHECK(sane.header("x-request-id") == "abc-123.x_y:z");
    for (const std::string& id : {std::string(65, 'a'), std::string("a b"), std::string("<script>"),
                                  std::string("a\x01")}) {
        const auto r = get("/api/stats", "X-Request-Id: " + id + "\r\n");
        CHECK(r.status == 200);
        CHECK(r.header("x-request-id") != id);
        CHECK_FALSE(r.header("x-request-id").empty());
    }
}

TEST_CASE("hostile: after everything the server is alive and answers normally", "[http][hostile]") {
    const auto r = get("/api/search?q=chuyen%20doi%20so");
    REQUIRE(r.status == 200);
    CHECK(json::parse(r.body)["total"] == 5);
    const auto health = get("/healthz");
    CHECK(health.status == 200);
}
