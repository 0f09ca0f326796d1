// Document numbers: recognised in running text as one unit, typed in any shape, one key.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analyzers/analyzer.hpp"
#include "analyzers/code_tables.hpp"
#include "analyzers/document_number.hpp"

using namespace tracuu;

namespace {

std::vector<NumberMatch> numbers_in(const std::string& text) {
    return analyze(text).numbers;
}

bool indexed_under(const std::string& text_number, const std::string& key) {
    const auto found = numbers_in(text_number);
    REQUIRE(found.size() == 1);
    const auto keys = found.front().number.exact_keys();
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

/// True when the number typed names the one found in `text_number`.
bool found_by(const std::string& text_number, const DocumentNumber& typed) {
    const auto found = numbers_in(text_number);
    REQUIRE(found.size() == 1);
    return typed.names(found.front().number);
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

TEST_CASE("a number typed in any shape names the number the text was indexed under", "[number]") {
    const std::string in_text = "Nghị quyết số 57-NQ/TW ngày 22/12/2024";
    for (const char* typed :
         {"57-NQ/TW", "57/NQ-TW", "57 NQ TW", "nq 57", "NQ57", "57-nq/tw", "57nq", "Nghị quyết 57",
          "nghi quyet so 57", "số 57-NQ/TW", "NQ số 57", "nq so 57"}) {
        INFO(typed);
        const auto parsed = parse_document_number(typed);
        REQUIRE(parsed.has_value());
        CHECK(found_by(in_text, *parsed));
    }
    const auto full = parse_document_number("57 NQ TW");
    REQUIRE(full);
    CHECK(full->key() == "57-nq-tw");
}

TEST_CASE("a place after a typed number is not one of its codes", "[number]") {
    // A searcher's review: `TP` and `da` (of `da nang`) were read as codes, so the number named
    // none and the search fell back to any word.
    using Codes = std::vector<std::string>;
    for (const auto& [typed, numeral, codes] :
         {std::tuple{"nghị quyết 65/2025 HĐND TP Hà Nội", "65", Codes{"HĐND"}},
          std::tuple{"quyết định 2641 da nang", "2641", Codes{}},
          std::tuple{"qd 2641 da nang", "2641", Codes{}},
          std::tuple{"quyết định 2848 TP.HCM", "2848", Codes{}},
          std::tuple{"kế hoạch 174 tp hcm", "174", Codes{}},
          std::tuple{"quyết định 218 tỉnh Lào Cai", "218", Codes{}}}) {
        INFO(typed);
        const auto numbers = analyze(typed, NumberMode::Query).numbers;
        REQUIRE(numbers.size() == 1);
        CHECK(numbers.front().number.numeral == numeral);
        Codes after_type;  // the codes typed, the type's own (NQ, QĐ) aside
        for (const auto& c : numbers.front().number.codes)
            if (!find_type_code(c)) after_type.push_back(c);
        CHECK(after_type == codes);
    }
    // A code that is not a place is still one: `2634 TTg`, `123 UBND TP` at the end.
    CHECK(analyze("2634 TTg", NumberMode::Query).numbers.front().number.codes ==
          std::vector<std::string>{"TTg"});
    CHECK(analyze("123 UBND TP", NumberMode::Query).numbers.front().number.codes.size() == 2);
}

TEST_CASE("Đ typed as D, the year left out loosely, or a doubled letter still meet the key",
          "[number]") {
    const auto d_for_dd = parse_document_number("118/2025/ND-CP");
    REQUIRE(d_for_dd);
    CHECK(indexed_under("Nghị định số 118/2025/NĐ-CP;", d_for_dd->key()));
    // Given in full, a number without its year is another number; typed loosely, the year
    // left out is a piece not asked for.
    const auto no_year = parse_document_number("118/NĐ-CP");
    REQUIRE(no_year);
    CHECK_FALSE(found_by("Nghị định số 118/2025/NĐ-CP;", *no_year));
    CHECK(found_by("Nghị định số 118/2025/NĐ-CP;", *parse_document_number("nd cp 118")));
    // The seeds write SGDDĐT for SGDĐT: the typo-tolerant key joins them.
    const auto typed = parse_document_number("2265/SGDĐT-VP");
    REQUIRE(typed);
    CHECK_FALSE(indexed_under("Số: 2265 /SGDDĐT-VP", typed->key()));
    CHECK(indexed_under("Số: 2265 /SGDDĐT-VP", typed->loose_key()));
    // `BNN&MT` typed for the ministry's code `BNNMT`: the same loose key, and pieces.
    const auto ampersand = parse_document_number("68/2025/TT-BNN&MT");
    REQUIRE(ampersand);
    CHECK(indexed_under("Số: 68/2025/TT-BNNMT", ampersand->loose_key()));
    CHECK(found_by("Số: 68/2025/TT-BNNMT", *ampersand));
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

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
}

}  // namespace

TEST_CASE("every shape a number is typed in reads as its parts, most specific first",
          "[number][typed]") {
    struct Row {
        const char* typed;
        const char* key;     ///< the first reading's canonical key
        const char* pieces;  ///< its query_keys, space-separated
        bool complete;       ///< names one number exactly
    };
    const Row rows[] = {
        // As written, and with `/` and `-` swapped: exactly that number.
        {"168/2024/NĐ-CP", "168-2024-nd-cp", "168.2024 168.nd 168.cp", true},
        {"168-2024-ND-CP", "168-2024-nd-cp", "168.2024 168.nd 168.cp", true},
        {"2634-QĐ/TTg", "2634-qd-ttg", "2634.qd 2634.tg", true},
        {"06/QĐ-TTg", "6-qd-ttg", "6.qd 6.tg", true},
        {"57-NQ/TW", "57-nq-tw", "57.nq 57.tw", true},
        {"số 57-NQ/TW", "57-nq-tw", "57.nq 57.tw", true},
        // Spaced, lower case, no accents: the year stays a year.
        {"168 2024 nd cp", "168-2024-nd-cp", "168.2024 168.nd 168.cp", false},
        {"168 2024 NĐ CP", "168-2024-nd-cp", "168.2024 168.nd 168.cp", false},
        {"168/2024 NĐ CP", "168-2024-nd-cp", "168.2024 168.nd 168.cp", false},
        {"48 2025 qd ubnd", "48-2025-qd-ubnd", "48.2025 48.qd 48.ubnd", false},
        {"2265 SGDĐT VP", "2265-sgddt-vp", "2265.sgdt 2265.vp", false},
        // Codes first, glued or spaced.
        {"ND 168 2024", "168-2024-nd", "168.2024 168.nd", false},
        {"nd 168 2024", "168-2024-nd", "168.2024 168.nd", false},
        {"NĐ168/2024", "168-2024-nd", "168.2024 168.nd", false},
        {"nd168", "168-nd", "168.nd", false},
        {"NQ57", "57-nq", "57.nq", false},
        {"57nq", "57-nq", "57.nq", false},
        {"nq 57 tw", "57-nq-tw", "57.nq 57.tw", false},
        {"QD TTg 2634", "2634-qd-ttg", "2634.qd 2634.tg", false},
        {"qd ttg 2634", "2634-qd-ttg", "2634.qd 2634.tg", false},
        {"cv 2265", "2265-cv", "2265.cv", false},
        {"cv 2265 sgddt", "2265-cv-sgddt", "2265.cv 2265.sgdt", false},
        {"2634 TTg", "2634-ttg", "2634.tg", false},
        // A numeral and a year: every number with both.
        {"168/2024", "168-2024", "168.2024", false},
        // The type in words, with or without marks and `số`.
        {"nghị định 168/2024", "168-2024-nd", "168.2024 168.nd", false},
        {"nghi dinh 168 nam 2024", "168-2024-nd", "168.2024 168.nd", false},
        {"Nghị định số 168/2024/NĐ-CP", "168-2024-nd-cp", "168.2024 168.nd 168.cp", true},
        {"quyết định 2634", "2634-qd", "2634.qd", false},
        {"quyet dinh so 2634", "2634-qd", "2634.qd", false},
        {"công văn 2265", "2265-cv", "2265.cv", false},
        {"công văn số 2265", "2265-cv", "2265.cv", false},
        {"cong van so 2265", "2265-cv", "2265.cv", false},
        {"Công văn 2265/SGDĐT-VP", "2265-sgddt-vp", "2265.sgdt 2265.vp 2265.cv", true},
        {"thông tư 05", "5-tt", "5.t", false},
        {"thong tu lien tich 05", "5-ttlt", "5.tlt", false},
        {"kế hoạch 12", "12-kh", "12.kh", false},
        {"nghị quyết 57", "57-nq", "57.nq", false},
        {"nghi quyet so 57", "57-nq", "57.nq", false},
        {"chỉ thị 05", "5-ct", "5.ct", false},
        {"thông báo 637", "637-tb", "637.tb", false},
        {"tờ trình 78", "78-ttr", "78.tr", false},
        {"báo cáo 12", "12-bc", "12.bc", false},
    };
    for (const auto& row : rows) {
        INFO(row.typed);
        const auto readings = read_document_number(row.typed);
        REQUIRE_FALSE(readings.empty());
        CHECK(readings.front().key() == row.key);
        CHECK(joined(readings.front().query_keys()) == row.pieces);
        CHECK(readings.front().complete == row.complete);
    }
}

TEST_CASE("a type name with several codes gives every reading", "[number][typed]") {
    const auto readings = read_document_number("quy định 05");
    std::vector<std::string> keys;
    for (const auto& r : readings) keys.push_back(r.key());
    CHECK(keys == std::vector<std::string>{"5-qyd", "5-qd"});
}

TEST_CASE("dates, years, articles and phone numbers are not read as numbers", "[number][typed]") {
    for (const char* typed :
         {"ngày 15 tháng 01", "ngay 15 thang 01 nam 2025", "2025", "năm 2025", "Điều 5", "dieu 5",
          "khoản 2", "khoan 2", "điểm a khoản 2 Điều 5", "0912345678", "0912 345 678",
          "024 3825 1234", "(024) 3825.1234", "15/01/2025", "10/2025", "tháng 10/2025",
          "giai đoạn 2021-2025", "168 2024", "Quý III/2025"}) {
        INFO(typed);
        CHECK(read_document_number(typed).empty());
        const std::string text(typed);
        CHECK(analyze(text, NumberMode::Query).numbers.empty());
    }
}

TEST_CASE("a complete number names itself only; a partial one every number with its pieces",
          "[number][typed]") {
    struct Row {
        const char* typed;
        const char* document_number;
        bool named;
    };
    const Row rows[] = {
        {"06/QĐ-TTg", "06/QĐ-TTg", true},
        {"06/QĐ-TTg", "06/2025/QĐ-TTg", false},
        {"06/2025/QĐ-TTg", "06/QĐ-TTg", false},
        {"168/2024", "168/2024/NĐ-CP", true},
        {"168/2024", "168/2024/QĐ-UBND", true},
        {"168/2024", "168/2025/NĐ-CP", false},
        {"nd 168 2024", "168/2024/NĐ-CP", true},
        {"168 2024 nd cp", "168/2024/NĐ-CP", true},
        {"168 2024 nd cp", "168/2024/QĐ-UBND", false},
        {"cv 2265 sgddt", "2265/SGDDĐT-VP", false},  // a công văn's number holds no CV...
        {"2265 SGDĐT", "2265/SGDDĐT-VP", true},      // ...its issuer's code it does
        {"QD TTg 2634", "2634/QĐ-TTg", true},
        {"2634 TTg", "2634/QĐ-TTg", true},
        {"quyết định 2634", "2634/QĐ-UBND", true},
        {"quyết định 2634", "2634/UBND-VP", false},
    };
    for (const auto& row : rows) {
        INFO(row.typed << " names " << row.document_number);
        const auto typed = parse_document_number(row.typed);
        const auto number = parse_document_number(row.document_number);
        REQUIRE(typed);
        REQUIRE(number);
        CHECK(typed->names(*number) == row.named);
    }
    // The document's type is one of its number's pieces: `cv 2265 sgddt` names a công văn's.
    CHECK(parse_document_number("cv 2265 sgddt")
              ->names(*parse_document_number("2265/SGDDĐT-VP"), "CV"));
}
