#include <catch2/catch.hpp>

#include "search/query_syntax.hpp"

using namespace tracuu;

TEST_CASE("plain words stay one part, phrases, exclusions and fields are separate", "[query]") {
    const auto parts = parse_query_syntax(
        R"(chuyển đổi số "thủ tục hành chính" -dự thảo so:57-NQ/TW coquan:"Sở GDĐT")");
    REQUIRE(parts.size() == 6);
    CHECK(parts[0].text == "chuyển đổi số");
    CHECK(parts[0].field == QueryField::None);
    CHECK(parts[1].text == "thủ tục hành chính");
    CHECK(parts[1].quoted);
    CHECK(parts[2].negated);
    CHECK(parts[2].text == "dự");
    CHECK(parts[3].text == "thảo");
    CHECK_FALSE(parts[3].negated);
    CHECK(parts[4].field == QueryField::Number);
    CHECK(parts[4].text == "57-NQ/TW");
    CHECK(parts[5].field == QueryField::Issuer);
    CHECK(parts[5].text == "Sở GDĐT");
}

TEST_CASE("field names in Vietnamese, without accents and in English", "[query]") {
    CHECK(query_field_named("số") == QueryField::Number);
    CHECK(query_field_named("so") == QueryField::Number);
    CHECK(query_field_named("trichdan") == QueryField::Cites);
    CHECK(query_field_named("cites") == QueryField::Cites);
    CHECK(query_field_named("cơquan") == QueryField::Issuer);
    CHECK(query_field_named("loai") == QueryField::Type);
    CHECK(query_field_named("nam") == QueryField::Year);
    CHECK(query_field_named("http") == QueryField::None);
}

TEST_CASE("a number with dashes is not an exclusion, an unknown field is text", "[query]") {
    const auto parts = parse_query_syntax("57-NQ/TW 15:30 x:y");
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].text == "57-NQ/TW 15:30 x:y");
    CHECK_FALSE(parts[0].negated);
}

TEST_CASE("each part says where its text lies in the query", "[query]") {
    const std::string q = R"(chuyeenr  ddooir "soos x" -ddawng so:57-NQ/TW cuoois)";
    const auto parts = parse_query_syntax(q);
    REQUIRE(parts.size() == 5);
    for (const auto& part : parts) {
        INFO(part.text);
        REQUIRE(part.end > part.begin);
        if (part.text.find(' ') == std::string::npos)
            CHECK(q.substr(part.begin, part.end - part.begin) == part.text);
    }
    // Plain words merged into one part span from the first one's start to the last one's end.
    CHECK(q.substr(parts[0].begin, parts[0].end - parts[0].begin) == "chuyeenr  ddooir");
    CHECK(q.substr(parts[1].begin, parts[1].end - parts[1].begin) == "soos x");
    CHECK(q.substr(parts[2].begin, parts[2].end - parts[2].begin) == "ddawng");
    CHECK(q.substr(parts[3].begin, parts[3].end - parts[3].begin) == "57-NQ/TW");
    CHECK(q.substr(parts[4].begin, parts[4].end - parts[4].begin) == "cuoois");
}
