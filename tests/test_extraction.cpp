// Directives as they arrive: the seed as DOCX, DOC, PDF, scan, image, HTML and legacy-encoded
// text (tests/fixtures/make-fixtures). Each gives the seed's number, subject and signer, and a
// search through the real index finds it; bad files are named with their reason.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>

#include <xapian.h>
#include <zip.h>

#include "analyzers/ocr_vocabulary.hpp"
#include "indexer.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/extractors.hpp"
#include "indexer/pdf_lines.hpp"
#include "indexer/source_extraction.hpp"
#include "server/api.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

namespace {

fs::path fixtures() {
    return fs::path(TRACUU_SOURCE_DIR) / "tests/fixtures/documents";
}

std::string field(const PreparedDocument& d, const char* name) {
    return d.record.fields.contains(name) ? d.record.fields[name].value("value", "") : "";
}

/// Collapses white space, for comparing texts laid out differently.
std::string squeezed(std::string_view text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::u32string code_points(const std::string& s) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto c = static_cast<unsigned char>(s[pos]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (int k = 1; k < n && pos + k < s.size(); ++k) cp = (cp << 6) | (s[pos + k] & 0x3F);
        out.push_back(cp);
        pos += n;
    }
    return out;
}

/// tracuu-index into `tmp`/db, ids relative to `tmp`.
test::Indexer indexer(const test::TempDir& tmp) {
    return test::Indexer(tmp / "db").root(tmp.path());
}

}  // namespace

TEST_CASE("every format of the seed gives its number, subject and signer", "[extraction]") {
    const PreparedDocument seed = prepare_document("seed", test::read_file(test::seed("000")));
    REQUIRE(field(seed, "number") == "2265/SGDDĐT-VP");
    REQUIRE(field(seed, "signer") == "Đặng Văn Phụng");
    const std::string subject = field(seed, "subject");
    struct Case {
        const char* file;
        SourceFormat format;
        const char* encoding;  // a prefix
    };
    for (const Case& c : {Case{"seed000.docx", SourceFormat::Docx, "UTF-8"},
                          Case{"seed000-tcvn3.docx", SourceFormat::Docx, "TCVN3 (fonts .VnTime"},
                          Case{"seed000-vni.docx", SourceFormat::Docx, "VNI (fonts VNI-Times"},
                          Case{"seed000.doc", SourceFormat::Doc, "UTF-8"},
                          Case{"seed000.pdf", SourceFormat::Pdf, "UTF-8"},
                          Case{"seed000.html", SourceFormat::Html, "UTF-8"},
                          Case{"seed000-utf16.txt", SourceFormat::Text, "UTF-16"},
                          Case{"seed000-windows1258.txt", SourceFormat::Text, "Windows-1258"},
                          Case{"seed000-tcvn3.txt", SourceFormat::Text, "TCVN3"},
                          Case{"seed000-vni.txt", SourceFormat::Text, "VNI"}}) {
        INFO(c.file);
        const Extraction e = extract_file(fixtures() / c.file, {});
        CHECK(e.format == c.format);
        CHECK(e.encoding.starts_with(c.encoding));
        CHECK(e.warnings.empty());
        const PreparedDocument d = prepare_document(c.file, e.text);
        CHECK(field(d, "number") == field(seed, "number"));
        CHECK(field(d, "subject") == subject);
        CHECK(field(d, "signer") == field(seed, "signer"));
        CHECK(field(d, "issuer") == "Sở Giáo dục và Đào tạo");
        // Footnotes are kept (each after the paragraph marking it).
        CHECK(d.record.text.find("Tăng tốc, bứt phá") != std::string::npos);
        CHECK(d.record.text.find("Người dân hướng thụ") != std::string::npos);
    }
}

TEST_CASE("HTML loses its markup, scripts and styles but keeps its text", "[extraction]") {
    const Extraction e = extract_file(fixtures() / "seed000.html", {});
    CHECK(e.text.find("<") == std::string::npos);
    CHECK(e.text.find("tracking") == std::string::npos);
    CHECK(e.text.find("vertical-align") == std::string::npos);
    CHECK(e.text.find("06 phương châm hành động¹, 03 mục tiêu²") != std::string::npos);
}

TEST_CASE("PDF lines are joined as a reader joins them", "[extraction]") {
    const Extraction e = extract_file(fixtures() / "seed000.pdf", {});
    CHECK(e.pages == 2);
    CHECK(e.ocr_pages == 0);
    // The two-column header: each column's lines whole, never glued to the other's.
    CHECK(e.text.find("\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n") != std::string::npos);
    CHECK(e.text.find("\nĐộc lập - Tự do - Hạnh phúc\n") != std::string::npos);
    CHECK(e.text.find("TẠOĐộc") == std::string::npos);
    CHECK(e.text.find("TẠO Độc") == std::string::npos);
    // A wrapped paragraph is one line again; list items stay apart.
    CHECK(e.text.find("chủ động phối hợp với các Sở, Vụ, Cục thuộc Bộ, ngành Trung ương để tổ "
                      "chức triển khai") != std::string::npos);
    CHECK(e.text.find("\n- Rà soát, tái cấu trúc") != std::string::npos);

    // Built by hand: `57-` at a line's end and `NQ/TW` on the next become one number.
    const std::vector<PdfWord> words = {
        {"Nghị", 72, 100, 95, 112, true},   {"quyết", 97, 100, 125, 112, true},
        {"số", 127, 100, 140, 112, true},   {"57-", 142, 100, 160, 112, false},
        {"NQ/TW", 72, 114, 110, 126, true}, {"ngày", 112, 114, 135, 126, false},
        {"UBND", 72, 60, 100, 72, true},    {"CỘNG", 300, 60, 330, 72, true},
        {"HÒA", 332, 60, 355, 72, false}};
    const std::string text = assemble_page_text(words);
    CHECK(text.find("Nghị quyết số 57-NQ/TW ngày") != std::string::npos);
    CHECK(text.find("UBND" + std::string(kColumnGap) + "CỘNG HÒA") != std::string::npos);
}

TEST_CASE("a scanned PDF is read by OCR, and its accuracy is measured", "[extraction][ocr]") {
    const Extraction layer = extract_file(fixtures() / "seed000.pdf", {});
    const auto started = std::chrono::steady_clock::now();
    const Extraction scan = extract_file(fixtures() / "seed000-scan.pdf", {});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(scan.pages == 2);
    CHECK(scan.ocr_pages == 2);
    CHECK(scan.extractor == "tesseract");
    const PreparedDocument d = prepare_document("scan", scan.text);
    CHECK(field(d, "number") == "2265/SGDDĐT-VP");
    CHECK(field(d, "signer") == "Đặng Văn Phụng");
    CHECK(d.record.text.find("triển khai Thông báo số") != std::string::npos);
    // Character accuracy: 1 - edit distance / length, against the text layer of the PDF the
    // scan was rendered from (the same pages, so the same reading order), white space squeezed.
    const auto truth = code_points(squeezed(layer.text));
    const auto read = code_points(squeezed(scan.text));
    const double accuracy = 1.0 - static_cast<double>(edit_distance(truth, read)) / truth.size();
    WARN("OCR character accuracy on the scanned seed: " << accuracy * 100 << "% (" << truth.size()
                                                        << " characters, " << seconds << " s)");
    CHECK(accuracy > 0.9);

    // --ocr never: a scan has no text to give.
    ExtractionOptions never;
    never.ocr = OcrMode::Never;
    CHECK_THROWS_WITH(extract_file(fixtures() / "seed000-scan.pdf", never),
                      Catch::Contains("no text layer"));
}

TEST_CASE("a folder mixing every format indexes in one run, and search finds each",
          "[extraction][cli][ocr]") {
    test::TempDir tmp;
    const auto inbox = tmp / "inbox";
    fs::create_directories(inbox);
    for (const auto& entry : fs::directory_iterator(fixtures())) {
        const std::string name = entry.path().filename().string();
        if (name.find("reference") != std::string::npos) continue;
        if (name.find("password") != std::string::npos) continue;
        fs::copy_file(entry.path(), inbox / name);
    }
    const test::IndexRun run = indexer(tmp).jobs(2).run({inbox});
    REQUIRE(run.status == 0);
    INFO(run);
    const std::string& out = run.err;
    CHECK(out.find("12 indexed (12 new, 0 replaced), 0 skipped, 0 failed") != std::string::npos);
    CHECK(out.find("OCR: 3 of 5 PDF/image pages (60%)") != std::string::npos);
    CHECK(out.find(", 0 warnings in ") != std::string::npos);
    CHECK(out.find("  warning: ") == std::string::npos);

    Xapian::Database db((tmp / "db").string());
    REQUIRE(db.get_doccount() == 12);
    // The image is page 1 only: it has the number and the footnotes, not the signature.
    for (const auto& [query, total] :
         {std::pair{"2265/SGDDĐT-VP", 12}, std::pair{"binh dan hoc vu so", 12},
          std::pair{"\"Đặng Văn Phụng\"", 11}}) {
        INFO(query);
        const ApiResponse r = handle_search(db, {{"q", query}, {"limit", "20"}});
        REQUIRE(r.status == 200);
        CHECK(r.json()["total"] == total);
    }
    const ApiResponse doc = handle_document(db, "inbox/seed000-tcvn3.docx");
    REQUIRE(doc.status == 200);
    CHECK(doc.body["extraction"]["format"] == "docx");
    CHECK(doc.body["extraction"]["encoding"] == "TCVN3 (fonts .VnTime, .VnTimeH)");
    CHECK(doc.body["source"]["url"] == "/api/documents/inbox/seed000-tcvn3.docx/source");
    CHECK(doc.body["source"]["content_type"] ==
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

/// `docx` (a package's bytes) with its word/document.xml replaced by `xml`.
std::string with_document_xml(const std::string& docx, const std::string& xml) {
    test::TempDir tmp;
    const fs::path path = tmp / "package.docx";
    test::write_file(path, docx);
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), 0, &error);
    REQUIRE(zip != nullptr);
    zip_source_t* source = zip_source_buffer(zip, xml.data(), xml.size(), 0);
    REQUIRE(source != nullptr);
    REQUIRE(zip_file_add(zip, "word/document.xml", source, ZIP_FL_OVERWRITE) >= 0);
    REQUIRE(zip_close(zip) == 0);
    return test::read_file(path);
}

/// A body whose text lies `depth` content controls deep.
std::string nested_body(int depth) {
    std::string xml =
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
        "wordprocessingml/2006/main\"><w:body>";
    for (int i = 0; i < depth; ++i) xml += "<w:sdt><w:sdtContent>";
    xml += "<w:p><w:r><w:t>Số: 12/UBND-VP</w:t></w:r></w:p>";
    for (int i = 0; i < depth; ++i) xml += "</w:sdtContent></w:sdt>";
    return xml + "</w:body></w:document>";
}

TEST_CASE("a DOCX nested past any directive's layout fails alone, with its reason",
          "[extraction][cli]") {
    const std::string docx = test::read_file(fixtures() / "seed000.docx");
    // Nested a little: read.
    CHECK(extract_docx(with_document_xml(docx, nested_body(20))).text.find("12/UBND-VP") !=
          std::string::npos);
    // Nested a hundred thousand deep, which walked the stack over and ended the whole run.
    test::TempDir tmp;
    const auto inbox = tmp / "inbox";
    test::write_file(inbox / "good.docx", docx);
    test::write_file(inbox / "nested.docx", with_document_xml(docx, nested_body(100000)));
    const test::IndexRun run = indexer(tmp).run({inbox});
    INFO(run);
    CHECK(run.status == 1);
    CHECK(run.err.find("nested.docx: extract: damaged DOCX: elements nested more than 256 deep") !=
          std::string::npos);
    CHECK(Xapian::Database((tmp / "db").string()).get_doccount() == 1);
}

TEST_CASE("bad files get one line each, the run goes on and nothing indexed is lost",
          "[extraction][cli]") {
    test::TempDir tmp;
    const auto inbox = tmp / "inbox";
    const std::string pdf = test::read_file(fixtures() / "seed000.pdf");
    const std::string docx = test::read_file(fixtures() / "seed000.docx");
    test::write_file(inbox / "good.docx", docx);
    REQUIRE(indexer(tmp).run({inbox}).status == 0);

    test::write_file(inbox / "password.pdf", test::read_file(fixtures() / "seed000-password.pdf"));
    test::write_file(inbox / "truncated.pdf", pdf.substr(0, pdf.size() / 2));
    test::write_file(inbox / "truncated.docx", docx.substr(0, docx.size() / 2));
    test::write_file(inbox / "zero.doc", "");
    test::write_file(inbox / "pdf-named.docx", pdf);
    test::write_file(inbox / "big.pdf", pdf + std::string(2 << 20, ' '));
    test::write_file(inbox / "hangs.doc", test::read_file(fixtures() / "seed000.doc"));
    // A converter that hangs: a fake antiword first on PATH.
    test::write_file(tmp / "bin" / "antiword", "#!/bin/sh\nsleep 30\n");
    fs::permissions(tmp / "bin" / "antiword", fs::perms::owner_all);
    // good.docx changed: replaced, while its old version stays until the new one is ready.
    test::write_file(inbox / "good.docx", test::read_file(fixtures() / "seed000-vni.docx"));

    const test::IndexRun run = indexer(tmp)
                                   .args({"--max-size", "1", "--converter-timeout", "1"})
                                   .env("PATH", (tmp / "bin").string() + ":" + std::getenv("PATH"))
                                   .run({inbox});
    INFO(run);
    CHECK(run.status == 1);
    const std::string& out = run.err;
    CHECK(out.find("1 indexed (0 new, 1 replaced), 0 skipped, 7 failed") != std::string::npos);
    CHECK(out.find("password.pdf: extract: password-protected PDF") != std::string::npos);
    CHECK(out.find("truncated.pdf: extract: truncated or damaged PDF") != std::string::npos);
    CHECK(out.find("truncated.docx: extract: damaged or truncated DOCX") != std::string::npos);
    CHECK(out.find("zero.doc: read: empty file (0 bytes)") != std::string::npos);
    CHECK(
        out.find("pdf-named.docx: extract: misnamed: the content is pdf but the name says .docx") !=
        std::string::npos);
    CHECK(out.find("big.pdf: read: file too large (2.0 MiB, limit 1.0 MiB; see --max-size)") !=
          std::string::npos);
    CHECK(out.find("hangs.doc: extract: antiword did not finish within 1.00 s and was stopped") !=
          std::string::npos);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 1);
    CHECK(handle_document(db, "inbox/good.docx").body["extraction"]["encoding"] ==
          "VNI (fonts VNI-Times)");

    // No converter installed at all: a clear message.
    const test::IndexRun bare = indexer(tmp).env("PATH", "/nonexistent").run({inbox / "hangs.doc"});
    CHECK(bare.status == 1);
    CHECK(bare.err.find("needs antiword or catdoc, and neither is installed") != std::string::npos);
}

TEST_CASE("re-running skips unchanged files, replaces changed ones, prunes and deletes",
          "[extraction][cli]") {
    test::TempDir tmp;
    const auto inbox = tmp / "inbox";
    test::write_file(inbox / "a.docx", test::read_file(fixtures() / "seed000.docx"));
    test::write_file(inbox / "sub/b.html", test::read_file(fixtures() / "seed000.html"));
    test::write_file(inbox / "c.txt", test::read_file(test::seed("003")));
    test::write_file(tmp / "other/d.txt", test::read_file(test::seed("004")));
    test::IndexRun run = indexer(tmp).run({inbox, tmp / "other"});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("4 indexed (4 new, 0 replaced)") != std::string::npos);

    // Touched but identical: not extracted again (the hash matches). Changed: replaced.
    fs::last_write_time(inbox / "a.docx", fs::file_time_type::clock::now());
    test::write_file(inbox / "c.txt", test::read_file(test::seed("001")));
    fs::remove(inbox / "sub/b.html");
    fs::remove(tmp / "other/d.txt");
    run = indexer(tmp).args({"--prune"}).run({inbox});
    REQUIRE(run.status == 0);
    INFO(run);
    // d.txt is gone too, but outside the folders given: --prune leaves it.
    CHECK(run.err.find("1 indexed (0 new, 1 replaced), 0 skipped, 0 failed, 1 unchanged, 1 pruned, "
                       "0 deleted") != std::string::npos);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 3);
    CHECK(db.term_exists("Qother/d.txt"));
    CHECK_FALSE(db.term_exists("Qinbox/sub/b.html"));

    run = indexer(tmp).args({"--delete"}).run({"other/d.txt", "inbox/a.docx"});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("2 deleted") != std::string::npos);
    run = indexer(tmp).args({"--delete"}).run({"no/such.txt"});
    CHECK(run.status == 1);
    CHECK(run.err.find("no/such.txt: --delete: no document with this id") != std::string::npos);
    db.reopen();
    CHECK(db.get_doccount() == 1);
}

TEST_CASE("the original file is served, only from inside the index root", "[extraction][http]") {
    test::TempDir tmp;
    const auto inbox = tmp / "inbox";
    test::write_file(inbox / "seed000.pdf", test::read_file(fixtures() / "seed000.pdf"));
    test::write_file(inbox / "gone.txt", test::read_file(test::seed("001")));
    test::TempDir elsewhere;  // outside the index root
    test::write_file(elsewhere / "secret.txt", test::read_file(test::seed("002")));
    fs::create_symlink(elsewhere / "secret.txt", inbox / "link.txt");
    REQUIRE(indexer(tmp).run({inbox}).status == 0);
    fs::remove(inbox / "gone.txt");
    std::string out;

    test::ServerProcess server(tmp / "db");
    const std::string base =
        "curl -s -o " + (tmp / "got").string() +
        " -w '%{http_code} %{content_type}' http://127.0.0.1:" + std::to_string(server.port());
    REQUIRE(test::run_command(base + "/api/documents/inbox/seed000.pdf/source", out) == 0);
    CHECK(out == "200 application/pdf");
    CHECK(test::read_file(tmp / "got") == test::read_file(inbox / "seed000.pdf"));
    REQUIRE(test::run_command(base + "/api/documents/inbox/gone.txt/source", out) == 0);
    CHECK(out.starts_with("404 application/json"));
    // Indexed through a link that leads outside the root: not served.
    REQUIRE(test::run_command(base + "/api/documents/inbox/link.txt/source", out) == 0);
    CHECK(out.starts_with("404 application/json"));
    CHECK(test::read_file(tmp / "got").find("is gone, or lies outside the index root") !=
          std::string::npos);
    REQUIRE(test::run_command(base + "/api/documents/inbox/..%2F..%2Fetc%2Fpasswd/source", out) ==
            0);
    CHECK(out.starts_with("400 application/json"));  // not an id at all (index/document_id.hpp)
}
