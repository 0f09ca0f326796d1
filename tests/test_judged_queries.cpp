// Our own judged queries (tests/judged_queries.tsv): the wanted document must be in the top ranks.
#include <catch2/catch.hpp>

#include "analyzers/code_tables.hpp"
#include "search/searcher.hpp"
#include "support.hpp"

using namespace tracuu;

TEST_CASE("judged queries find the wanted document near the top", "[search][judged]") {
    Xapian::Database db(test::bundled_index().string());
    const std::string table =
        test::read_file(std::filesystem::path(TRACUU_SOURCE_DIR) / "tests" / "judged_queries.tsv");
    std::size_t judged = 0;
    for (const auto& row : parse_tsv(table)) {
        REQUIRE(row.size() >= 3);
        SearchRequest request;
        request.q = std::string(row[0]);
        request.limit = 10;
        const auto result = search(db, request);
        std::size_t rank = 0;
        for (std::size_t i = 0; i < result.hits.size(); ++i) {
            if (result.hits[i].id == row[1]) rank = i + 1;
        }
        INFO("query '" << row[0] << "' wants " << row[1] << " within rank " << row[2]
                       << (result.hits.empty() ? std::string(" (no results)")
                                               : " (first: " + result.hits[0].id + ")"));
        CHECK(rank >= 1);
        CHECK(rank <= std::stoul(std::string(row[2])));
        ++judged;
    }
    CHECK(judged >= 15);
}
