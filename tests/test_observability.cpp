// Observability: one JSON access-log line per request, a request id on every answer, /metrics in
// Prometheus' text format. The pure pieces directly, then the real server.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "server/access_log.hpp"
#include "server/metrics.hpp"
#include "server/request_context.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;

TEST_CASE("an access-log line is one JSON object with what happened", "[observability]") {
    const auto time =
        std::chrono::system_clock::time_point(std::chrono::milliseconds(1764000000123));
    const std::string line = access_log_line({.time = time,
                                              .request_id = "abc-1",
                                              .remote = "127.0.0.1",
                                              .method = "GET",
                                              .path = "/api/search",
                                              .query = "q=%FF\xFF",
                                              .status = 200,
                                              .milliseconds = 1.23456,
                                              .bytes = 42});
    REQUIRE(line.ends_with("}\n"));
    CHECK(line.find('\n') == line.size() - 1);
    const json j = json::parse(line);
    CHECK(j["time"] == "2025-11-24T16:00:00.123Z");
    CHECK(j["request_id"] == "abc-1");
    CHECK(j["status"] == 200);
    CHECK(j["ms"] == 1.234);
    CHECK(j["bytes"] == 42);
    CHECK(j["query"] == "q=%FF\xEF\xBF\xBD");  // a byte that is not UTF-8 is replaced, not fatal
    const std::string long_path(5000, 'x');
    AccessRecord long_one;
    long_one.path = long_path;
    const json cut = json::parse(access_log_line(long_one));
    CHECK(cut["path"].get<std::string>().size() == kMaxLoggedTargetBytes + 3);
}

TEST_CASE("request ids: fresh ones are unique, a client's is kept only when sane",
          "[observability]") {
    CHECK(new_request_id() != new_request_id());
    CHECK(is_acceptable_request_id("b7c1e0f2-aa.1:x_y"));
    CHECK_FALSE(is_acceptable_request_id(""));
    CHECK_FALSE(is_acceptable_request_id(std::string(65, 'a')));
    CHECK_FALSE(is_acceptable_request_id("a b"));
    CHECK_FALSE(is_acceptable_request_id("a\"b"));
    CHECK_FALSE(is_acceptable_request_id("x\r\nSet-Cookie: y"));
}

TEST_CASE("metrics label routes, never raw paths", "[observability]") {
    CHECK(route_label("/api/search", 200) == "/api/search");
    CHECK(route_label("/api/documents/seeds/a.txt", 200) == "/api/documents");
    CHECK(route_label("/api/documents/seeds/a.txt/source", 200) == "/api/documents/source");
    CHECK(route_label("/api/references/57-NQ-TW", 400) == "/api/references");
    CHECK(route_label("/metrics", 200) == "/metrics");
    CHECK(route_label("/app.css", 200) == "static");
    CHECK(route_label("/no/such/thing", 404) == "unmatched");
    CHECK(route_label("", 503) == "unmatched");
}

namespace {

/// `name{labels}` -> value, for every sample line; checks the text format on the way.
std::map<std::string, double> parse_prometheus(const std::string& text) {
    static const std::regex sample(R"(^([a-z_]+)(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? (\S+)$)");
    static const std::regex comment(R"(^# (HELP|TYPE) [a-z_]+ .+$)");
    std::map<std::string, double> samples;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        INFO(line);
        std::smatch m;
        if (std::regex_match(line, comment)) continue;
        REQUIRE(std::regex_match(line, m, sample));
        samples[m[1].str() + m[2].str()] = std::stod(m[4].str());
    }
    return samples;
}

}  // namespace

TEST_CASE("metrics render a valid histogram whose buckets add up", "[observability]") {
    Metrics metrics;
    metrics.record_request("/api/search", 200, 0.003, 100);
    metrics.record_request("/api/search", 200, 0.2, 100);
    metrics.record_request("/api/search", 400, 20, 10);
    const auto s = parse_prometheus(
        metrics.render({.up = true, .documents = 5, .revision = 7}, {.threads = 16}));
    CHECK(s.at(R"(tracuu_http_requests_total{route="/api/search",status="200"})") == 2);
    CHECK(s.at(R"(tracuu_http_requests_total{route="/api/search",status="400"})") == 1);
    CHECK(s.at(R"(tracuu_http_request_duration_seconds_bucket{route="/api/search",le="0.001"})") ==
          0);
    CHECK(s.at(R"(tracuu_http_request_duration_seconds_bucket{route="/api/search",le="0.005"})") ==
          1);
    CHECK(s.at(R"(tracuu_http_request_duration_seconds_bucket{route="/api/search",le="10"})") == 2);
    CHECK(s.at(R"(tracuu_http_request_duration_seconds_bucket{route="/api/search",le="+Inf"})") ==
          3);
    CHECK(s.at(R"(tracuu_http_request_duration_seconds_count{route="/api/search"})") == 3);
    CHECK(s.at("tracuu_http_response_bytes_total") == 210);
    CHECK(s.at("tracuu_documents") == 5);
    CHECK(s.at("tracuu_index_revision") == 7);
    CHECK(s.at("tracuu_database_up") == 1);
    CHECK(s.at("tracuu_http_workers") == 16);
}

TEST_CASE("the real server logs one line per request and counts it in /metrics",
          "[http][observability]") {
    test::TempDir tmp;
    REQUIRE(test::Indexer(tmp / "db")
                .quiet()
                .root(test::bundled_corpus_dir())
                .run({test::seeds_dir()})
                .status == 0);
    test::ServerProcess server(tmp / "db", {}, /*quiet=*/false);
    httplib::Client client("127.0.0.1", server.port());
    struct Sent {
        std::string target;
        int status;
        std::string id;
        std::size_t bytes;
    };
    std::vector<Sent> sent;
    for (const std::string target : {"/api/search?q=chuyen%20doi%20so", "/api/search?q=a&limit=0",
                                     "/api/stats", "/api/documents/seeds/001_91529e2d677ee411.txt",
                                     "/api/documents/nope.txt", "/nowhere", "/healthz"}) {
        auto res = client.Get(target.c_str());
        REQUIRE(res);
        const std::string id = res->get_header_value("X-Request-Id");
        CHECK_FALSE(id.empty());
        sent.push_back({target, res->status, id, res->body.size()});
    }
    auto own = client.Get("/api/stats", httplib::Headers{{"X-Request-Id", "mine-42"}});
    REQUIRE(own);
    CHECK(own->get_header_value("X-Request-Id") == "mine-42");
    sent.push_back({"/api/stats", own->status, "mine-42", own->body.size()});
    // A request is counted when its answer has been sent, a moment after the client has it.
    std::map<std::string, double> samples;
    std::size_t scrapes = 0;
    const std::string last_one = R"(tracuu_http_requests_total{route="/api/stats",status="200"})";
    for (; scrapes < 100 && !(samples.count(last_one) && samples[last_one] == 2); ++scrapes) {
        if (scrapes > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        auto metrics = client.Get("/metrics");
        REQUIRE(metrics);
        CHECK(metrics->status == 200);
        CHECK(metrics->get_header_value("Content-Type") ==
              "text/plain; version=0.0.4; charset=utf-8");
        samples = parse_prometheus(metrics->body);
    }
    CHECK(samples.at(R"(tracuu_http_requests_total{route="/api/search",status="200"})") == 1);
    CHECK(samples.at(R"(tracuu_http_requests_total{route="/api/search",status="400"})") == 1);
    CHECK(samples.at(R"(tracuu_http_requests_total{route="/api/stats",status="200"})") == 2);
    CHECK(samples.at(R"(tracuu_http_requests_total{route="/api/documents",status="404"})") == 1);
    CHECK(samples.at(R"(tracuu_http_requests_total{route="unmatched",status="404"})") == 1);
    CHECK(samples.at(R"(tracuu_http_request_duration_seconds_count{route="/api/stats"})") == 2);
    CHECK(samples.at("tracuu_documents") == 5);
    CHECK(samples.at("tracuu_index_revision") ==
          Xapian::Database((tmp / "db").string()).get_revision());
    CHECK(samples.at("tracuu_database_up") == 1);
    CHECK(server.stop() == 0);

    // One line per request, each naming its id, path, status, time and bytes.
    std::map<std::string, json> logged;
    std::istringstream log(server.log());
    std::string line;
    while (std::getline(log, line)) {
        if (!line.starts_with("{")) continue;
        const json entry = json::parse(line);
        const std::string id = entry["request_id"];
        CHECK(logged.count(id) == 0);
        logged[id] = entry;
    }
    CHECK(logged.size() == sent.size() + scrapes);
    for (const Sent& s : sent) {
        INFO(s.target);
        REQUIRE(logged.count(s.id) == 1);
        const json& entry = logged[s.id];
        CHECK(entry["method"] == "GET");
        CHECK(s.target.starts_with(entry["path"].get<std::string>()));
        CHECK(entry["status"] == s.status);
        CHECK(entry["bytes"] == s.bytes);
        CHECK(entry["ms"].get<double>() >= 0);
        CHECK(entry["remote"] == "127.0.0.1");
        CHECK(entry["time"].get<std::string>().ends_with("Z"));
    }
}
