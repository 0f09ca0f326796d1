// Real office files as they reach an office (tests/fixtures/real-files: a born-digital công văn
// and two scans of signed paper whose text layer is only the signature box), read end to end
// and judged against the truth read by eye. The full set of 19 is measured by
// tracuu-fields-report (bench/README.md); these three keep the test run short (two OCR pages).
#include <catch2/catch.hpp>

#include <leptonica/allheaders.h>

#include "bench/field_judging.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/ocr_pool.hpp"
#include "indexer/source_extraction.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

namespace {

fs::path real_files() {
    return fs::path(TRACUU_SOURCE_DIR) / "tests/fixtures/real-files";
}

std::string field(const PreparedDocument& d, const char* name) {
    return d.record.fields.contains(name) ? d.record.fields[name].value("value", "") : "";
}

}  // namespace

TEST_CASE("a scan whose text layer is only the signature box is read by OCR", "[ocr][real]") {
    const Extraction e = extract_file(real_files() / "r05.pdf", {});
    CHECK(e.pages == 1);
    CHECK(e.ocr_pages == 1);
    // The signing record is kept, after the document, and not read into its header.
    const auto box = e.text.find("Thời gian ký: 07/01/2025");
    REQUIRE(box != std::string::npos);
    CHECK(e.text.find("TỜ TRÌNH") < box);
    CHECK(e.text.find("Ký bởi") > e.text.find("Nơi nhận"));
    const PreparedDocument d = prepare_document("r05", e.text);
    CHECK(field(d, "type") == "Tờ trình");
    CHECK(field(d, "issuer") == "Ủy ban nhân dân tỉnh Quảng Ngãi");
    // The number was written by hand: its printed codes are kept, no digits invented.
    CHECK(field(d, "number").empty());
    CHECK(field(d, "number_codes") == "TTr-UBND");
    // The day too: no day is read off the page but the true one; the issuer's signing date in
    // the printed month may stand for it, said to come from the signature.
    const std::string date = field(d, "date");
    const std::string source =
        d.record.fields.contains("date") ? d.record.fields["date"].value("source", "") : "";
    CHECK((date.empty() || date == "2025-01-06" ||
           (source == "signature" && date.starts_with("2025-01-"))));
    CHECK(field(d, "year") == "2025");
    // The signer's name under the red seal is read (the seal dropped with the red channel), its
    // tone marks too (read on the page, then again as one line: `Tuần` on the page).
    CHECK(field(d, "signer") == "Trần Hoàng Tuấn");
    CHECK(field(d, "signer_authority") == "KT. CHỦ TỊCH");
}

TEST_CASE("a born-digital file keeps its text layer, its header is read from its blocks",
          "[ocr][real]") {
    const Extraction e = extract_file(real_files() / "r04.pdf", {});
    CHECK(e.ocr_pages == 0);
    // The publisher's stamp is set apart at the end, not above the issuer.
    CHECK(e.text.find("ttcbth@quangngai.gov.vn") > e.text.find("Phùng Tô Long"));
    const PreparedDocument d = prepare_document("r04", e.text);
    CHECK(field(d, "number") == "507/UBND-KGVX");
    CHECK(field(d, "type") == "Công văn");
    CHECK(field(d, "date") == "2025-01-24");
    CHECK(field(d, "signer") == "Phùng Tô Long");
    CHECK(field(d, "subject").starts_with("góp ý dự thảo Quyết định sửa đổi"));
}

TEST_CASE("pages read in parallel give the text read one by one", "[ocr][real]") {
    ExtractionOptions parallel;
    parallel.ocr_pool = std::make_shared<OcrPool>(2);
    const fs::path scan = fs::path(TRACUU_SOURCE_DIR) / "tests/fixtures/documents/seed000-scan.pdf";
    const Extraction one = extract_file(scan, {});
    const Extraction two = extract_file(scan, parallel);
    CHECK(two.ocr_pages == 2);
    CHECK(two.text == one.text);
}

TEST_CASE("the real files' fields against the truth read by eye", "[ocr][real]") {
    using namespace tracuu::judging;
    const TruthTable table = read_truth(real_files() / "truth.tsv");
    const Report report = judge_table(table, {});
    WARN(format_report(report, true));
    const GroupReport& all = report.group("all");
    CHECK(all.failed == 0);
    CHECK(all.fields.at("type").right == 3);
    CHECK(all.fields.at("issuer").right == 3);
    // Hand-written numbers are missing, never wrong, their printed codes kept (missing-ok);
    // printed ones right.
    CHECK(all.fields.at("number").wrong == 0);
    CHECK(all.fields.at("number").right == 1);
    CHECK(all.fields.at("number").missing_ok == 2);
    // A hand-written day gives the printed month, or the signing date (source signature).
    CHECK(all.fields.at("date").right + all.fields.at("date").missing_ok +
              all.fields.at("date").from_signature ==
          3);
    CHECK(all.fields.at("signer").right == 3);
    for (const auto& name : judged_fields()) CHECK(all.fields.at(name).invented == 0);
    CHECK(all.citations.recall() >= 0.9);
}

TEST_CASE("a page stored on its side is turned upright before OCR", "[ocr][real]") {
    // The seed's page image turned a quarter clockwise, as a scanner may store it.
    const std::string jpeg =
        test::read_file(fs::path(TRACUU_SOURCE_DIR) / "tests/fixtures/documents/seed000-page1.jpg");
    Pix* page = pixReadMem(reinterpret_cast<const l_uint8*>(jpeg.data()), jpeg.size());
    REQUIRE(page != nullptr);
    Pix* turned = pixRotateOrth(page, 1);
    l_uint8* png = nullptr;
    size_t size = 0;
    REQUIRE(pixWriteMem(&png, &size, turned, IFF_PNG) == 0);
    const std::string bytes(reinterpret_cast<const char*>(png), size);
    lept_free(png);
    pixDestroy(&turned);
    pixDestroy(&page);
    const std::string text = extract_source("turned.png", bytes, {}).text;
    const PreparedDocument d = prepare_document("turned", text);
    CHECK(field(d, "number") == "2265/SGDDĐT-VP");
    CHECK(text.find("Kính gửi") != std::string::npos);
}

TEST_CASE("scan-like pages drawn from judged corpus pages are read as the real scans",
          "[ocr][real]") {
    // tests/render-scans draws pages of ../shared/corpus judged by eye as scans of signed paper:
    // number and day written by hand, a red seal over the signer, a pen's stroke, a slight skew.
    // Two pages keep the run short; bench/scan-like-report judges 32.
    using namespace tracuu::judging;
    test::TempDir dir;
    const fs::path pages = dir.path() / "pages";
    std::string output;
    const int status = test::run_command(
        (fs::path(TRACUU_SOURCE_DIR) / "tests/render-scans").string() + " --count 2 --corpus '" +
            test::shared_corpus_dir().string() + "' '" + pages.string() + "'",
        output);
    INFO(output);
    REQUIRE(status == 0);
    const Report report = judge_table(read_truth(pages / "truth.tsv"), {});
    WARN(format_report(report, true));
    const GroupReport& all = report.group("all");
    REQUIRE(all.documents == 2);
    CHECK(all.failed == 0);
    CHECK(all.fields.at("type").right == 2);
    CHECK(all.fields.at("issuer").right == 2);
    CHECK(all.fields.at("signer").right == 2);
    // The hand-written parts: the printed part kept, no digits made up where nothing was read.
    CHECK(all.fields.at("number").right + all.fields.at("number").missing_ok == 2);
    CHECK(all.fields.at("date").right + all.fields.at("date").missing_ok == 2);
    for (const auto& name : judged_fields()) CHECK(all.fields.at(name).invented == 0);
}
