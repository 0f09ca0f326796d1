// The checks between a request and the index: raw targets (percent-escapes, repeated
// parameters) and document ids (no way out of the index root).
#include <catch2/catch.hpp>

#include "index/document_id.hpp"
#include "server/request_target.hpp"

using namespace tracuu;

TEST_CASE("malformed percent-escapes are found and named by parameter", "[request]") {
    CHECK_FALSE(find_bad_percent_encoding("/api/search?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i"));
    CHECK_FALSE(find_bad_percent_encoding("/api/documents/seeds%2F001.txt"));
    CHECK_FALSE(find_bad_percent_encoding("/api/search"));
    const auto q = find_bad_percent_encoding("/api/search?limit=5&q=50%");
    REQUIRE(q);
    CHECK(q->parameter == "q");
    CHECK(q->message.find("'%'") != std::string::npos);
    CHECK(find_bad_percent_encoding("/api/search?q=%zz")->parameter == "q");
    CHECK(find_bad_percent_encoding("/api/search?q=%4")->parameter == "q");
    CHECK(find_bad_percent_encoding("/api/search?%G0=1")->parameter == "%G0");
    CHECK(find_bad_percent_encoding("/api/documents/a%2")->parameter == "path");
}

TEST_CASE("query parameters are decoded in order, repeats kept", "[request]") {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    CHECK(query_parameters("/api/search?q=a+b%20c&limit=5") ==
          Pairs{{"q", "a b c"}, {"limit", "5"}});
    // cpp-httplib would merge these two into one; the one-value rule must see both.
    CHECK(query_parameters("/x?q=a&q=a") == Pairs{{"q", "a"}, {"q", "a"}});
    CHECK(query_parameters("/x?&&q&=v&") == Pairs{{"q", ""}, {"", "v"}});
    CHECK(query_parameters("/x?q=%E1%BB%87") == Pairs{{"q", "\xE1\xBB\x87"}});
    CHECK(query_parameters("/x").empty());
}

TEST_CASE("document ids are relative paths that cannot leave the root", "[request]") {
    CHECK(document_id_problem("seeds/000_ad8cc43618a4a18a.txt").empty());
    CHECK(document_id_problem("Công văn/2025/số..1.txt").empty());  // '..' inside a name is fine
    CHECK(document_id_problem("a/...txt").empty());
    for (const std::string& bad : std::vector<std::string>{
             "", "../etc/passwd", "seeds/../../etc/passwd", "..", "a/..", "./a", "a/./b",
             "/etc/passwd", "a//b", "a/", std::string("a\0b", 3), "a\nb", "\xC0\xAE\xC0\xAE/x",
             std::string(5000, 'a')}) {
        INFO(bad);
        CHECK_FALSE(document_id_problem(bad).empty());
    }
}
