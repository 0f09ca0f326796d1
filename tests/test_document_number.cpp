// Document numbers: recognised in running text as one unit, typed in any shape, one key.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analyzers/analyzer.hpp"
#include "analyzers/document_number.hpp"

using namespace tracuu;

namespace {

std::vector<NumberMatch> numbers_in(const std::string& text) {
    return analyze(text).numbers;
}

bool indexed_under(const std::string& text_number, const std::string& key) {
    const auto found = numbers_in(text_number);
    REQUIRE(found.size() == 1);
    const auto keys = found.front().number.index_keys();
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

TEST_CASE("numbers in running text are one unit with a canonical key", "[number]") {
    struct Row {
        const char* text;
        const char* written;
        const char* key;
    };
    const Row rows[] = {
        {"Số: 2265 /SGDDĐT-VP", "2265/SGDDĐT-VP", "2265-sgdddt-vp"},
        {"Nghị định số 118/2025/NĐ-CP, đồng thời", "118/2025/NĐ-CP", "118-2025-nd-cp"},
        {"Nghị quyết số 57-NQ/TW ngày 22/12/2024", "57-NQ/TW", "57-nq-tw"},
        {"Quy định số 05-\n\nQĐ/BCĐTW, ngày 27/8/2025", "05-QĐ/BCĐTW", "5-qd-bcdtw"},
        {"Công văn số 472/SKHCN-BCVT&CĐS ngày", "472/SKHCN-BCVT&CĐS", "472-skhcn-bcvt&cds"},
        {"Nghị quyết số 57-\n\nNQ/TW trong Quý", "57-NQ/TW", "57-nq-tw"},
        {"Kế hoạch số 01 -KH/BCĐ của", "01-KH/BCĐ", "1-kh-bcd"},
        {"Kết luận số 132- KL/TW;", "132-KL/TW", "132-kl-tw"},
        {"Tờ trình số 78/TTr-SKHCN ngày", "78/TTr-SKHCN", "78-ttr-skhcn"},
        {"Đề án 06/CP thành phố", "06/CP", "6-cp"},
        {"Luật số 72/2025/QH15;", "72/2025/QH15", "72-2025-qh15"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto found = numbers_in(row.text);
        REQUIRE(found.size() == 1);
        CHECK(found[0].text == row.written);
        CHECK(found[0].number.key() == row.key);
    }
}

TEST_CASE("dates, ranges, quarters and dashes between words are not numbers", "[number]") {
    for (const char* text : {"ngày 15/01/2025", "giai đoạn 2023 - 2025", "Điều 1 - QUY ĐỊNH CHUNG",
                             "kinh tế - xã hội", "trong Quý III/2025", "thông suốt 24/7",
                             "trung tâm GDNN-GDTX quận", "tháng 10/2025", "số 3 - Chủ động"}) {
        INFO(text);
        CHECK(numbers_in(text).empty());
    }
}

TEST_CASE("a number typed in any shape reaches the key the text was indexed under", "[number]") {
    const std::string in_text = "Nghị quyết số 57-NQ/TW ngày 22/12/2024";
    for (const char* typed : {"57-NQ/TW", "57/NQ-TW", "57 NQ TW", "nq 57", "NQ57", "57-nq/tw",
                              "57nq", "Nghị quyết 57", "nghi quyet so 57", "số 57-NQ/TW"}) {
        INFO(typed);
        const auto parsed = parse_document_number(typed);
        REQUIRE(parsed.has_value());
        CHECK(indexed_under(in_text, parsed->key()));
    }
    const auto full = parse_document_number("57 NQ TW");
    REQUIRE(full);
    CHECK(full->key() == "57-nq-tw");
}

TEST_CASE("Đ typed as D, the year left out, or a doubled letter still meet the key", "[number]") {
    const auto d_for_dd = parse_document_number("118/2025/ND-CP");
    REQUIRE(d_for_dd);
    CHECK(indexed_under("Nghị định số 118/2025/NĐ-CP;", d_for_dd->key()));
    const auto no_year = parse_document_number("118/NĐ-CP");
    REQUIRE(no_year);
    CHECK(indexed_under("Nghị định số 118/2025/NĐ-CP;", no_year->key()));
    // The seeds write SGDDĐT for SGDĐT: the typo-tolerant key joins them.
    const auto typed = parse_document_number("2265/SGDĐT-VP");
    REQUIRE(typed);
    CHECK_FALSE(indexed_under("Số: 2265 /SGDDĐT-VP", typed->key()));
    CHECK(indexed_under("Số: 2265 /SGDDĐT-VP", typed->loose_key()));
}

TEST_CASE("a type spelled out can have several readings", "[number]") {
    const std::string text = "Quy định 05";
    const auto a = analyze(text, NumberMode::Query);
    REQUIRE(a.numbers.size() == 1);
    std::vector<std::string> keys{a.numbers[0].number.key()};
    for (const auto& alt : a.numbers[0].alternatives) keys.push_back(alt.key());
    CHECK(std::find(keys.begin(), keys.end(), "5-qd") != keys.end());
}

TEST_CASE("text that is not one number is not read as one", "[number]") {
    for (const char* typed :
         {"", "chuyển đổi số", "2025", "15/01/2025", "57-NQ/TW và 18-NQ/TW", "abc 57 xyz"}) {
        INFO(typed);
        CHECK_FALSE(parse_document_number(typed).has_value());
    }
}
