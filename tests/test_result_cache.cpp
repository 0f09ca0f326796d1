// The search result cache (server/result_cache.hpp): an answer is reused only for the same
// request on the same revision, within its memory budget; the real server says when it reused one.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "server/api.hpp"
#include "server/result_cache.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

TEST_CASE("a cached answer serves only its request on its revision", "[cache]") {
    ResultCache cache(1 << 20);
    CHECK_FALSE(cache.find("r1", "q=a"));
    cache.store("r1", "q=a", {"answer a", ""});
    CHECK(cache.find("r1", "q=a")->text == "answer a");
    CHECK_FALSE(cache.find("r1", "q=b"));
    CHECK_FALSE(cache.find("r2", "q=a"));  // another revision: computed again
    cache.store("r2", "q=a", {"answer a, revision 2", ""});
    CHECK_FALSE(cache.find("r1", "q=a"));  // the old revision's answers are gone
    CHECK(cache.find("r2", "q=a")->text == "answer a, revision 2");
    const auto counts = cache.counts();
    CHECK(counts.hits == 2);
    CHECK(counts.misses == 4);
    CHECK(counts.entries == 1);

    ResultCache off(0);
    off.store("r1", "q=a", {"answer", ""});
    CHECK_FALSE(off.find("r1", "q=a"));
}

TEST_CASE("the cache keeps to its budget, dropping the least recently used", "[cache]") {
    ResultCache cache(64 * 1024);
    const std::string answer(4000, 'x');
    for (int i = 0; i < 100; ++i) {
        cache.store("r", "q=" + std::to_string(i), {answer, ""});
        CHECK(cache.find("r", "q=0"));  // used all along: kept
    }
    const auto counts = cache.counts();
    CHECK(counts.bytes <= 64 * 1024);
    CHECK(counts.entries < 20);
    CHECK_FALSE(cache.find("r", "q=1"));
    CHECK(cache.find("r", "q=99"));
}

TEST_CASE("the search handler reuses an answer of its revision, without a socket", "[cache]") {
    const Xapian::Database db(test::bundled_index().string());
    ResultCache cache(1 << 20);
    const Params asked = {{"q", "nghị quyết"}, {"limit", "50"}};
    const ApiResponse first = handle_search(db, asked, nullptr, cache, "r1");
    REQUIRE(first.status == 200);
    CHECK_FALSE(first.cached);
    const ApiResponse again = handle_search(db, asked, nullptr, cache, "r1");
    CHECK(again.cached);
    CHECK(again.text() == first.text());
    CHECK_FALSE(handle_search(db, asked, nullptr, cache, "r2").cached);  // another revision
    CHECK_FALSE(handle_search(db, asked, nullptr, cache, "").cached);    // no revision: not kept
    // An error is never kept.
    const Params wrong = {{"q", "a"}, {"limit", "0"}};
    CHECK(handle_search(db, wrong, nullptr, cache, "r2").status == 400);
    CHECK_FALSE(handle_search(db, wrong, nullptr, cache, "r2").cached);
}

TEST_CASE("the server reuses an answer until a commit, and says so", "[cache][http]") {
    test::TempDir tmp;
    const fs::path corpus = test::bundled_corpus_dir();
    // Never compacted: each run one commit onto the database the server has open.
    const auto indexer = test::Indexer(tmp / "db").quiet().root(corpus).args({"--no-compact"});
    REQUIRE(indexer.run({corpus / "seeds"}).status == 0);
    test::ServerProcess server(tmp / "db");
    httplib::Client client("127.0.0.1", server.port());
    const std::string path = "/api/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt&limit=50";
    const auto first = client.Get(path.c_str());
    REQUIRE(first);
    REQUIRE(first->status == 200);
    CHECK_FALSE(first->has_header("X-Cache"));
    const auto again = client.Get(path.c_str());
    REQUIRE(again);
    CHECK(again->get_header_value("X-Cache") == "hit");
    CHECK(again->body == first->body);
    // The same parameters in another order are the same search.
    const auto reordered = client.Get("/api/search?limit=50&q=ngh%E1%BB%8B%20quy%E1%BA%BFt");
    REQUIRE(reordered);
    CHECK(reordered->get_header_value("X-Cache") == "hit");

    REQUIRE(indexer.run({corpus / "ubtvqh-2025"}).status == 0);
    const auto after = client.Get(path.c_str());
    REQUIRE(after);
    CHECK_FALSE(after->has_header("X-Cache"));
    CHECK(nlohmann::json::parse(after->body)["total"] >
          nlohmann::json::parse(first->body)["total"]);
    const auto metrics = client.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->body.find("tracuu_search_cache_hits_total 2") != std::string::npos);

    test::ServerProcess uncached(tmp / "db", {"--cache-mb", "0"});
    httplib::Client plain("127.0.0.1", uncached.port());
    for (int i = 0; i < 2; ++i) {
        const auto r = plain.Get(path.c_str());
        REQUIRE(r);
        CHECK_FALSE(r->has_header("X-Cache"));
    }
}
