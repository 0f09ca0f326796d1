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
