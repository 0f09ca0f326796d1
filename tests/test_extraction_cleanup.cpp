#include <catch2/catch.hpp>

#include "indexer/document_preparation.hpp"
#include "support.hpp"

using namespace tracuu;

TEST_CASE("DOCX markers go, footnote text stays", "[cleanup][seeds]") {
    const std::string text = stored_text(test::read_file(test::seed("002")));
    CHECK(text.find("[bookmark:") == std::string::npos);
    CHECK(text.find("[footnoteRef:") == std::string::npos);
    CHECK(text.find("Theo hướng dẫn tại Công văn số 472/SKHCN-BCVT&CĐS") != std::string::npos);
    CHECK(text.find("[1:") == std::string::npos);
}

TEST_CASE("signature timestamps are not body text", "[cleanup][seeds]") {
    const std::string raw = test::read_file(test::seed("004"));
    REQUIRE(raw.find("2025-10-14T17:40:48+0700") != std::string::npos);
    const std::string text = stored_text(raw);
    CHECK(text.find("2025-10-14T17:40:48") == std::string::npos);
    CHECK(text.find("Lê Trường Sơn") != std::string::npos);
}

TEST_CASE("markdown and table residue is removed, words kept", "[cleanup]") {
    CHECK(stored_text("**CỘNG HÒA XÃ\nHỘI**") == "CỘNG HÒA XÃ\nHỘI");
    CHECK(stored_text("*Căn cứ Luật số 72/2025/QH15;*") == "Căn cứ Luật số 72/2025/QH15;");
    CHECK(stored_text("\\- Báo cáo") == "- Báo cáo");
    CHECK(stored_text("a\n-------\nb") == "a\n\nb");
    CHECK(stored_text("Số hiệu:|5348/CT-CS") == "Số hiệu:\n5348/CT-CS");
    CHECK(stored_text("ghi chú (*) ở đây") == "ghi chú (*) ở đây");
}

// Issue 17: crawled pages kept `## Phụ lục I`, `_(…)_` and `<br>` as text, and a pipe table
// became one cell per line (a 3,321-row table, a page of 448,000 px).
TEST_CASE("markdown headings, emphasis, line breaks and pipe tables", "[cleanup]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"## **Phụ lục I DANH MỤC**", "Phụ lục I DANH MỤC"},
        {"###### Mục 6", "Mục 6"},
        {"####### not a heading", "####### not a heading"},
        {"#hashtag", "#hashtag"},
        {"_(Ban hành kèm theo Công văn số 1027/CTK-CSCL)_",
         "(Ban hành kèm theo Công văn số 1027/CTK-CSCL)"},
        {"tên_tệp_(1).txt", "tên_tệp_(1).txt"},
        {"Phường Văn Miếu -<br>Quốc Tử Giám", "Phường Văn Miếu -\nQuốc Tử Giám"},
        {"a<br/>b<br />c", "a\nb\nc"},
        {"| Stt | Mã số | Tên đơn vị hành chính |", "\tStt\tMã số\tTên đơn vị hành chính"},
        {"| --- | ----- | :---: |", ""},
        {"|     |       | THÀNH PHỐ HÀ NỘI |                  |", "\t\t\tTHÀNH PHỐ HÀ NỘI\t"},
        {"| 11  | 00226 | Phường Văn Miếu -<br>Quốc Tử Giám | Thành phố Hà Nội |",
         "\t11\t00226\tPhường Văn Miếu - Quốc Tử Giám\tThành phố Hà Nội"},
        {"|   |   |", ""},
        {"|", "\n"},  // a lone bar (page residue): a line break, as before
        {"Số hiệu:|5348/CT-CS", "Số hiệu:\n5348/CT-CS"},
    };
    for (const auto& [raw, stored] : cases) {
        INFO(raw);
        CHECK(stored_text(raw) == stored);
    }
}
