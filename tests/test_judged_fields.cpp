// The directive parser on pages it was not written for: 155 pages of ../shared/corpus/legal-2025
// judged by eye (tests/data/judged_fields.tsv), read as tracuu-fields-report
// --without-page-metadata reads them (the site's metadata table removed, so the parser reads the
// directive itself), and 30 more kept apart (judged_fields_heldout.tsv) that the parser was not
// tuned on. The floors are what the parser reached when they were set (bench/README.md): a
// change that loses fields on these layouts fails here.
#include <catch2/catch.hpp>

#include "bench/field_judging.hpp"
#include "support.hpp"

using namespace tracuu;
using namespace tracuu::judging;
namespace fs = std::filesystem;

namespace {

Report judged(const char* table) {
    JudgeOptions options;
    options.root = test::shared_corpus_dir();
    options.without_page_metadata = true;
    options.ocr = false;  // text pages: nothing to OCR
    return judge_table(read_truth(fs::path(TRACUU_SOURCE_DIR) / "tests/data" / table), options);
}

struct Floor {
    const char* field;
    double right;  ///< least right / expected
};

}  // namespace

TEST_CASE("the judged legal-2025 pages: fields right on pages with a header, none invented",
          "[parser][judged]") {
    const Report report = judged("judged_fields.tsv");
    WARN(format_report(report, true));
    REQUIRE(report.failures.empty());
    const GroupReport& header = report.group("with header");
    CHECK(header.documents >= 120);
    // 133/133 but for one issuer the page itself garbled (`CHỦ TỊCH NHÂN DÂN THÀNH PHỐ HUẾ`).
    for (const Floor& f : {Floor{"number", 1.0}, Floor{"type", 1.0}, Floor{"issuer", 0.99},
                           Floor{"date", 1.0}, Floor{"signer", 1.0}}) {
        INFO("field " << f.field);
        const FieldTally& t = header.fields.at(f.field);
        CHECK(t.right_share() >= f.right);
        CHECK(t.invented == 0);
    }
    // All pages, those without a header too: fields the text does not give are not invented,
    // and what is given is right (the number, type and day of a page without its header from
    // the site's title or an annex's note).
    const GroupReport& all = report.group("all");
    for (const auto& name : judged_fields()) {
        INFO("field " << name);
        CHECK(all.fields.at(name).invented == 0);
        CHECK(all.fields.at(name).wrong <= (name == "issuer" ? 1u : 0u));
    }
}

TEST_CASE("the held-out legal-2025 pages: the same floors on pages the parser was not tuned on",
          "[parser][judged]") {
    const Report report = judged("judged_fields_heldout.tsv");
    WARN(format_report(report, true));
    REQUIRE(report.failures.empty());
    const GroupReport& header = report.group("with header");
    for (const auto& name : judged_fields()) {
        INFO("field " << name);
        CHECK(header.fields.at(name).right_share() >= 1.0);
        CHECK(report.group("all").fields.at(name).invented == 0);
    }
}

TEST_CASE("a hand-written part left out, the printed part right, is missing-ok", "[judged]") {
    const nlohmann::json codes = {{"number_codes", {{"value", "TTr-UBND"}}}};
    CHECK(judge_printed_part("number", codes, "239/TTr-UBND", "number,day") == Verdict::MissingOk);
    CHECK(judge_printed_part("number", codes, "239/TTr-UBND", "") == Verdict::Missing);
    CHECK(judge_printed_part("number", codes, "239/BC-UBND", "number") == Verdict::Missing);
    CHECK(judge_printed_part("number", {{"number", {{"value", "23/TTr-UBND"}}}}, "239/TTr-UBND",
                             "number") == Verdict::Wrong);  // digits made up stay wrong
    const nlohmann::json month = {{"month", {{"value", "2024-12"}, {"source", "header"}}}};
    CHECK(judge_printed_part("date", month, "2024-12-20", "number,day") == Verdict::MissingOk);
    CHECK(judge_printed_part("date", month, "2024-12-20", "") == Verdict::Wrong);
    const nlohmann::json year = {{"year", {{"value", "2021"}, {"source", "header"}}}};
    CHECK(judge_printed_part("date", year, "2021-01-04", "day") == Verdict::Wrong);
    CHECK(judge_printed_part("date", year, "2021-01-04", "day,month") == Verdict::MissingOk);
}
