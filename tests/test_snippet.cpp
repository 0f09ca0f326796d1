// Snippets mark the matched words in the original text, also when matched through folding.
#include <catch2/catch.hpp>

#include "server/searcher.hpp"
#include "support.hpp"

using namespace tracuu;

TEST_CASE("an accent-free query marks the accented words of the text", "[snippet][seeds]") {
    Xapian::Database db(test::bundled_index().string());
    SearchRequest request;
    request.q = "le truong son";
    request.filters.push_back({"2025", QueryField::Year});
    const SearchResult result = search(db, request);
    REQUIRE_FALSE(result.hits.empty());
    bool found = false;
    for (const auto& hit : result.hits) {
        if (hit.id != "seeds/004_883586d83ecb7309.txt") continue;
        found = true;
        CHECK(hit.snippet.find("<mark>Lê Trường Sơn</mark>") != std::string::npos);
    }
    CHECK(found);
}

TEST_CASE("a snippet is a window around the densest matches, escaped", "[snippet][seeds]") {
    Xapian::Database db(test::bundled_index().string());
    SearchRequest request;
    request.q = "bình dân học vụ số";
    const SearchResult result = search(db, request);
    REQUIRE_FALSE(result.hits.empty());
    const std::string& s = result.hits.front().snippet;
    CHECK(s.find("dân học vụ số</mark>") != std::string::npos);
    CHECK(s.size() < 600);
    CHECK(s.find('\n') == std::string::npos);
    CHECK(s.find("“") != std::string::npos);  // the quote mark around the phrase is kept
}
