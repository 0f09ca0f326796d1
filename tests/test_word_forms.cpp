// Token filters: canonical tone placement, i/y variants, accent folding (domain notes, section 1).
#include <catch2/catch.hpp>

#include "analyzers/analyzer.hpp"
#include "analyzers/text_normalizer.hpp"
#include "analyzers/word_forms.hpp"

using tracuu::word_forms;

namespace {

struct Row {
    const char* word;
    const char* exact;
    const char* folded;
};

}  // namespace

TEST_CASE("tone marks are placed canonically, case folded, and folded away", "[analyzer]") {
    // Not a Vietnamese syllable (two vowel groups): marks kept as written, folded away.
    const Row rows[] = {
        {"hoà", "hòa", "hoa"},       {"hòa", "hòa", "hoa"},       {"HOÀ", "hòa", "hoa"},
        {"thuý", "thúy", "thuy"},    {"thúy", "thúy", "thuy"},    {"khoẻ", "khỏe", "khoe"},
        {"khỏe", "khỏe", "khoe"},    {"hoàng", "hoàng", "hoang"}, {"người", "người", "nguoi"},
        {"NGƯỜI", "người", "nguoi"}, {"Đồng", "đồng", "dong"},    {"ĐỐC", "đốc", "doc"},
        {"quốc", "quốc", "quoc"},    {"giá", "giá", "gia"},       {"khuỷu", "khuỷu", "khuyu"},
        {"ngoài", "ngoài", "ngoai"}, {"tuổi", "tuổi", "tuoi"},    {"của", "của", "cua"},
        {"thuỷ", "thủy", "thuy"},    {"thủy", "thủy", "thuy"},    {"VNeID", "vneid", "vneid"},
        {"2025", "2025", "2025"},    {"café", "café", "cafe"},
    };
    for (const auto& row : rows) {
        INFO(row.word);
        const auto forms = word_forms(row.word);
        CHECK(forms.exact == row.exact);
        CHECK(forms.folded == row.folded);
    }
}

TEST_CASE("i and y are one letter only where they are the same syllable", "[analyzer]") {
    CHECK(word_forms("kĩ").exact == word_forms("kỹ").exact);
    CHECK(word_forms("lí").exact == word_forms("lý").exact);
    CHECK(word_forms("quí").exact == word_forms("quý").exact);
    CHECK(word_forms("Quy").folded == word_forms("qui").folded);
    CHECK(word_forms("kì").exact == word_forms("kỳ").exact);
    // Diphthongs where i and y differ stay apart.
    CHECK(word_forms("tay").folded != word_forms("tai").folded);
    CHECK(word_forms("tuy").folded != word_forms("tui").folded);
    CHECK(word_forms("thủy").exact != word_forms("thủi").exact);
    // Alone (no onset) y is not rewritten: `y tế`, `ý kiến`.
    CHECK(word_forms("ý").exact == "ý");
}

TEST_CASE("hòa and hóa share the accent-free form but not the exact one", "[analyzer]") {
    CHECK(word_forms("hòa").folded == word_forms("hóa").folded);
    CHECK(word_forms("hòa").exact != word_forms("hóa").exact);
    CHECK(word_forms("hoà").exact != word_forms("hoá").exact);
    CHECK(word_forms("hoá").exact == word_forms("hóa").exact);
}

TEST_CASE("decomposed (NFD) text analyses exactly like composed text", "[analyzer]") {
    // `chuyển đổi số` typed with combining marks (e + U+0302 + U+0309 ...).
    const std::string nfd = "chuye\xCC\x82\xCC\x89n \xC4\x91o\xCC\x82\xCC\x89i so\xCC\x82\xCC\x81";
    const std::string nfc = "chuyển đổi số";
    const auto a = tracuu::analyze(tracuu::normalize_text(nfd));
    const auto b = tracuu::analyze(tracuu::normalize_text(nfc));
    REQUIRE(a.tokens.size() == 3);
    REQUIRE(b.tokens.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(a.tokens[i].exact == b.tokens[i].exact);
        CHECK(a.tokens[i].folded == b.tokens[i].folded);
    }
    CHECK(a.tokens[2].folded == "so");
}

TEST_CASE("tokens keep consecutive positions and byte offsets into the text", "[analyzer]") {
    const std::string text = "Sở Giáo dục và Đào tạo nhận Công văn số 5642/UBND-PVHCC.";
    const auto a = tracuu::analyze(text);
    REQUIRE(a.tokens.size() == 13);
    for (std::size_t i = 0; i < a.tokens.size(); ++i) CHECK(a.tokens[i].position == i + 1);
    CHECK(text.substr(a.tokens[0].begin, a.tokens[0].end - a.tokens[0].begin) == "Sở");
    CHECK(text.substr(a.tokens[4].begin, a.tokens[4].end - a.tokens[4].begin) == "Đào");
    REQUIRE(a.numbers.size() == 1);
    CHECK(a.tokens[10].number == 0);
    CHECK(a.tokens[9].number == -1);
}
