// Text filters: NFC, invisible characters, spaces, line ends.
#include <catch2/catch.hpp>

#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"

using tracuu::normalize_text;

TEST_CASE("byte-order marks, zero-width characters and soft hyphens are removed", "[analyzer]") {
    CHECK(normalize_text("\xEF\xBB\xBFSở") == "Sở");
    CHECK(normalize_text("chuyển\xE2\x80\x8B đổi") == "chuyển đổi");
    CHECK(normalize_text("thủ tục hành chín\xC2\xADh") == "thủ tục hành chính");
    CHECK(normalize_text("a\xE2\x80\x8D\xE2\x80\x8C\xE2\x81\xA0z") == "az");
}

TEST_CASE("every kind of space becomes a space, CR and CRLF become LF", "[analyzer]") {
    CHECK(normalize_text("Số:\xC2\xA0"
                         "2265") == "Số: 2265");       // NBSP
    CHECK(normalize_text("a\xE2\x80\x89z") == "a z");  // thin space
    CHECK(normalize_text("a\xE3\x80\x80z") == "a z");  // ideographic space
    CHECK(normalize_text("dòng 1\r\ndòng 2\rdòng 3") == "dòng 1\ndòng 2\ndòng 3");
    CHECK(normalize_text("a\x01z") == "a z");
}

TEST_CASE("fullwidth ASCII becomes ASCII", "[analyzer]") {
    CHECK(normalize_text("168\uFF0F2024\uFF0FNĐ\uFF0DCP") == "168/2024/NĐ-CP");
    CHECK(normalize_text("\uFF21\uFF5A\uFF01") == "Az!");
    // Only that block: other compatibility forms (NFKC's) stay as written.
    CHECK(normalize_text("m\u00B2") == "m\u00B2");
}

TEST_CASE("decomposed text is composed (NFC)", "[analyzer]") {
    // Seed-like NFD: `Nghị quyết` with combining dot below and circumflex+acute.
    const std::string nfd = "Nghi\xCC\xA3 quye\xCC\x82\xCC\x81t";
    CHECK(normalize_text(nfd) == "Nghị quyết");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD and the result is valid", "[analyzer]") {
    const std::string out = normalize_text(std::string("ab\xC3\x28z", 5));
    CHECK(tracuu::utf8::is_valid(out));
    CHECK(out == "ab\xEF\xBF\xBD(z");
    CHECK(tracuu::utf8::first_invalid(std::string("ok\xFF", 3)) == 2);
}
