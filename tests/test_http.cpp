// End to end: the real tracuu-index builds the database, the real tracuu-server answers on a free
// loopback port, and we talk HTTP to it.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Served {
    test::TempDir tmp;
    std::unique_ptr<test::ServerProcess> server;

    Served() {
        REQUIRE(test::Indexer(tmp / "db")
                    .root(test::bundled_corpus_dir())
                    .run({test::seeds_dir()})
                    .status == 0);
        server = std::make_unique<test::ServerProcess>(tmp / "db");
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", server->port());
        c.set_read_timeout(10, 0);
        return c;
    }
};

Served& served() {
    static Served s;
    return s;
}

struct Reply {
    int status;
    json body;
    std::string content_type;
};

Reply get(const std::string& path) {
    auto res = served().client().Get(path.c_str());
    REQUIRE(res);
    Reply r{res->status, json(), res->get_header_value("Content-Type")};
    if (r.content_type.starts_with("application/json")) r.body = json::parse(res->body);
    return r;
}

std::set<std::string> result_ids(const json& body) {
    std::set<std::string> ids;
    for (const auto& r : body["results"]) ids.insert(r["id"].get<std::string>());
    return ids;
}

void check_error(const std::string& path, int status, const std::string& parameter) {
    INFO(path);
    const Reply r = get(path);
    CHECK(r.status == status);
    REQUIRE(r.content_type.starts_with("application/json"));
    REQUIRE(r.body.contains("error"));
    CHECK_FALSE(r.body["error"]["message"].get<std::string>().empty());
    if (!parameter.empty()) CHECK(r.body["error"]["parameter"] == parameter);
}

}  // namespace

TEST_CASE("GET /api/search answers JSON with the right directives", "[http][seeds]") {
    const Reply r = get("/api/search?q=chuyen%20doi%20so");
    REQUIRE(r.status == 200);
    CHECK(r.content_type == "application/json; charset=utf-8");
    const json& b = r.body;
    CHECK(b["query"] == "chuyen doi so");
    CHECK(b["total"].get<int>() == 5);
    CHECK(b["took_ms"].is_number());
    REQUIRE(b["results"].size() == 5);
    const json& top = b["results"][0];
    for (const char* key : {"id", "path", "title", "snippet", "score", "fields"})
        CHECK(top.contains(key));
    CHECK(top["id"] == "seeds/002_a7cde4d1a97a1e58.txt");  // its subject is the phrase
    CHECK(top["snippet"].get<std::string>().find("<mark>") != std::string::npos);
    CHECK(b["facets"]["type"][0]["value"] == "Công văn");
}

TEST_CASE("HTTP: NFD-typed, accented and number queries", "[http][seeds]") {
    // `chuyển đổi số` decomposed, percent-encoded.
    const Reply nfd =
        get("/api/search?q=chuye%CC%82%CC%89n%20%C4%91o%CC%82%CC%89i%20so%CC%82%CC%81");
    REQUIRE(nfd.status == 200);
    CHECK(nfd.body["total"].get<int>() == 5);
    const Reply number = get("/api/search?q=57%20NQ%20TW");
    CHECK(result_ids(number.body) == std::set<std::string>{"seeds/001_91529e2d677ee411.txt",
                                                           "seeds/003_571429276f528796.txt",
                                                           "seeds/004_883586d83ecb7309.txt"});
    const Reply cites = get("/api/search?cites=57-NQ%2FTW");
    CHECK(result_ids(cites.body) == result_ids(number.body));
    const Reply limited = get("/api/search?q=chuyen%20doi%20so&limit=2&offset=1");
    CHECK(limited.body["results"].size() == 2);
}

TEST_CASE("GET /api/documents/{id} gives the text, the fields and the links", "[http][seeds]") {
    const Reply r = get("/api/documents/seeds/001_91529e2d677ee411.txt");
    REQUIRE(r.status == 200);
    CHECK(r.body["id"] == "seeds/001_91529e2d677ee411.txt");
    CHECK(r.body["text"].get<std::string>().find("Phạm Quốc Hiệu") != std::string::npos);
    CHECK(r.body["fields"]["signer"]["value"] == "Phạm Quốc Hiệu");
    CHECK(r.body["cites"].size() == 8);
    CHECK_FALSE(r.body["fields"].contains("citations"));
    CHECK(r.body["cited_by"].is_array());
    // Percent-encoded slash in the id reaches the same document.
    CHECK(get("/api/documents/seeds%2F001_91529e2d677ee411.txt").status == 200);
    check_error("/api/documents/seeds/nope.txt", 404, "id");
}

TEST_CASE("GET /api/references/{number}: who cites it, with the sentence", "[http][seeds]") {
    const Reply r = get("/api/references/57-NQ-TW");
    REQUIRE(r.status == 200);
    CHECK(r.body["key"] == "57-nq-tw");
    CHECK(r.body["document"].is_null());  // the resolution itself is not in this index
    std::set<std::string> ids;
    for (const auto& c : r.body["cited_by"]) {
        ids.insert(c["id"].get<std::string>());
        CHECK(c["context"].get<std::string>().find("57-") != std::string::npos);
    }
    CHECK(ids == std::set<std::string>{"seeds/001_91529e2d677ee411.txt",
                                       "seeds/003_571429276f528796.txt",
                                       "seeds/004_883586d83ecb7309.txt"});
    check_error("/api/references/hello", 400, "number");
}

TEST_CASE("GET /api/stats and /healthz", "[http][seeds]") {
    const Reply stats = get("/api/stats");
    REQUIRE(stats.status == 200);
    CHECK(stats.body["documents"] == 5);
    CHECK(stats.body["revision"].get<int>() >= 1);
    const Reply health = get("/healthz");
    CHECK(health.status == 200);
    CHECK(health.body["status"] == "ok");
}

TEST_CASE("bad requests get JSON errors naming the parameter", "[http]") {
    check_error("/api/search?q=a&limit=0", 400, "limit");
    check_error("/api/search?q=a&limit=101", 400, "limit");
    check_error("/api/search?q=a&limit=-1", 400, "limit");
    check_error("/api/search?q=a&offset=99999999999999999999", 400, "offset");
    check_error("/api/search?q=" + std::string(1001, 'a'), 400, "q");
    check_error("/api/search?q=a&q=b", 400, "q");
    check_error("/api/search?q=%FF%FE", 400, "q");
    check_error("/api/search?q=a&colour=red", 400, "colour");
    check_error("/api/search?cites=hello", 400, "cites");
    check_error("/api/search?year=20x5", 400, "year");
    // The same filter typed in q is q's to fix.
    check_error("/api/search?q=nam%3A2", 400, "q");
    check_error("/api/search?q=so%3Ahello", 400, "q");
    check_error("/api/search?q=chuy%E1%BB%83n%20nam%3A2", 400, "q");
    check_error("/api/search?type=unknown", 400, "type");
    check_error("/api/search?from=yesterday", 400, "from");
    check_error("/api/search?sort=random", 400, "sort");
    std::string many_words;
    for (int i = 0; i < 60; ++i) many_words += "w%20";
    check_error("/api/search?q=" + many_words, 400, "q");
    check_error("/api/nothing-here", 404, "");
    // The endpoints that take no parameter refuse one as /api/search does.
    check_error("/api/stats?limt=1", 400, "limt");
    check_error("/api/documents/seeds/000_ad8cc43618a4a18a.txt?x=1", 400, "x");
    check_error("/api/documents/seeds/000_ad8cc43618a4a18a.txt/source?x=1", 400, "x");
}

TEST_CASE("limits count characters, not bytes, and an empty parameter means its default",
          "[http]") {
    std::string d1000, d1001;  // `đ`: two bytes each
    for (int i = 0; i < 1000; ++i) d1000 += "%C4%91";
    d1001 = d1000 + "%C4%91";
    CHECK(get("/api/search?q=" + d1000).status == 200);
    check_error("/api/search?q=" + d1001, 400, "q");
    check_error("/api/search?issuer=" + d1001, 400, "issuer");
    std::string d200;
    for (int i = 0; i < 150; ++i) d200 += "%C4%91";
    const Reply long_number = get("/api/references/" + d200);
    CHECK(long_number.status == 400);
    CHECK(long_number.body["error"]["message"].get<std::string>().find("characters") ==
          std::string::npos);  // 150 characters: read, and then not a number
    const Reply plain = get("/api/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt");
    REQUIRE(plain.status == 200);
    for (const char* empty : {"&sort=", "&format=", "&sort=&format="}) {
        INFO(empty);
        const Reply r = get(std::string("/api/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt") + empty);
        REQUIRE(r.status == 200);
        CHECK(r.body["total"] == plain.body["total"]);
        CHECK(r.body["results"] == plain.body["results"]);
    }
}

TEST_CASE("the server keeps answering while the indexer writes, and sees new documents",
          "[http][concurrency]") {
    test::TempDir tmp;
    const fs::path db = tmp / "db";
    REQUIRE(test::Indexer(db).root(test::bundled_corpus_dir()).run({test::seeds_dir()}).status ==
            0);
    test::ServerProcess server(tmp / "db");
    std::atomic<bool> done{false};
    std::atomic<int> answered{0};
    std::atomic<int> failed{0};
    std::mutex first_failure_mutex;
    std::string first_failure;
    std::thread searcher([&] {
        httplib::Client c("127.0.0.1", server.port());
        while (!done) {
            auto res = c.Get("/api/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt");
            if (res && res->status == 200) {
                ++answered;
            } else {
                if (failed++ == 0) {
                    std::lock_guard<std::mutex> lock(first_failure_mutex);
                    first_failure = res ? std::to_string(res->status) + " " + res->body
                                        : "no response: " + httplib::to_string(res.error());
                }
            }
        }
    });
    // The 36 ubtvqh documents, committed one at a time so the server sees many revisions.
    const int status =
        test::Indexer(db).batch(1).run({test::bundled_corpus_dir() / "ubtvqh-2025"}).status;
    done = true;
    searcher.join();
    REQUIRE(status == 0);
    INFO("first failure: " << first_failure);
    CHECK(failed == 0);
    CHECK(answered > 10);
    httplib::Client c("127.0.0.1", server.port());
    auto res = c.Get("/api/stats");
    REQUIRE(res);
    CHECK(json::parse(res->body)["documents"] == 41);
    res = c.Get("/api/search?q=An%20Giang");
    REQUIRE(res);
    CHECK(json::parse(res->body)["total"].get<int>() >= 1);
    CHECK(server.stop() == 0);
}

TEST_CASE("HTTP filters, combinations, sort and facets", "[http][seeds][filters]") {
    const std::string k000 = "seeds/000_ad8cc43618a4a18a.txt";
    const std::string k001 = "seeds/001_91529e2d677ee411.txt";
    const std::string k003 = "seeds/003_571429276f528796.txt";
    const std::string k004 = "seeds/004_883586d83ecb7309.txt";
    using Ids = std::set<std::string>;
    // issuer by abbreviation, accent-free, and in full
    CHECK(result_ids(get("/api/search?issuer=UBND%20Dong%20Nai").body) == Ids{k004});
    CHECK(result_ids(
              get("/api/search?issuer=S%E1%BB%9F%20GD%C4%90T%20H%E1%BA%A3i%20Ph%C3%B2ng").body) ==
          Ids{k001, k003});
    CHECK(result_ids(get("/api/search?type=cong%20van").body).size() == 5);
    CHECK(result_ids(get("/api/search?number=2265%2FSGD%C4%90T-VP").body) == Ids{k000});
    CHECK(result_ids(get("/api/search?signer=le%20truong%20son").body) == Ids{k004});
    CHECK(result_ids(get("/api/search?year=2025&cites=57-NQ%2FTW&issuer=So%20GDDT").body) ==
          Ids{k001, k003});
    // October: the day 29/10 (000), the month 10/2025 (004), the years 2025 (001, 003) overlap it.
    CHECK(result_ids(get("/api/search?from=2025-10-01&to=2025-10-31").body) ==
          Ids{k000, k001, k003, k004});
    CHECK(result_ids(get("/api/search?from=2025-11-01&to=2025-11-30").body) == Ids{k001, k003});
    CHECK(result_ids(get("/api/search?q=chuyen%20doi%20so&year=2024").body).empty());
    // sort=date: dated documents newest first, a year alone sorts as the year's start
    const Reply by_date = get("/api/search?type=CV&sort=date");
    REQUIRE(by_date.body["results"].size() == 5);
    CHECK(by_date.body["results"][0]["id"] == k000);  // the only one with a full date
    // facets on a filtered search count only the matches
    const Reply facets = get("/api/search?cites=57-NQ%2FTW");
    int total = 0;
    for (const auto& f : facets.body["facets"]["type"]) total += f["count"].get<int>();
    CHECK(total == 3);
    bool dong_nai = false;
    for (const auto& f : facets.body["facets"]["issuer"]) {
        dong_nai = dong_nai || f["value"] == "Ủy ban nhân dân tỉnh Đồng Nai";
    }
    CHECK(dong_nai);
    // a facet value works as a filter value
    const std::string label = facets.body["facets"]["issuer"][0]["value"];
    CHECK_FALSE(
        result_ids(get("/api/search?issuer=" + httplib::detail::encode_query_param(label)).body)
            .empty());
}
