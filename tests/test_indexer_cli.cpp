// tracuu-index as a user runs it: adds, replaces, reports bad files by name and goes on.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <thread>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

TEST_CASE("indexing the same files again replaces them, never duplicates", "[cli][seeds]") {
    test::TempDir tmp;
    const auto indexer = test::Indexer(tmp / "db").root(test::bundled_corpus_dir());
    test::IndexRun run = indexer.run({test::seeds_dir()});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("5 indexed (5 new, 0 replaced), 0 skipped, 0 failed, 0 unchanged") !=
          std::string::npos);
    // Unchanged files are skipped; --force extracts them again and replaces their documents.
    run = indexer.run({test::seeds_dir()});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("0 indexed (0 new, 0 replaced), 0 skipped, 0 failed, 5 unchanged") !=
          std::string::npos);
    run = test::Indexer(indexer).args({"--force"}).run({test::seeds_dir()});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("5 indexed (0 new, 5 replaced), 0 skipped, 0 failed") != std::string::npos);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 5);
    CHECK(db.term_exists("Qseeds/004_883586d83ecb7309.txt"));
    // A single file later, named by another path to the same place: the same id.
    run = test::Indexer(tmp / "db")
              .args({"--force"})
              .run({test::seeds_dir() / ".." / "seeds" / "000_ad8cc43618a4a18a.txt"});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("1 indexed (0 new, 1 replaced)") != std::string::npos);
}

TEST_CASE("bad files are named with their reason, the run goes on, nothing indexed is lost",
          "[cli]") {
    test::TempDir tmp;
    const test::IndexRun outside =
        test::Indexer(tmp / "db").root(tmp.path()).run({test::seeds_dir()});
    REQUIRE(outside.status != 0);
    // Seeds outside the root are refused by name, so first index them with the right root.
    CHECK(outside.err.find("outside the index root") != std::string::npos);

    // Each bad file, its bytes, and the line that names it with its reason.
    struct BadFile {
        const char* name;
        std::string bytes;
        const char* reported;
    };
    const std::vector<BadFile> bad_files = {
        {"empty.txt", "", "empty.txt: read: empty file"},
        {"blank.txt", "  \n\n ", "blank.txt: extract: empty file (whitespace only)"},
        {"bom.txt", "\xEF\xBB\xBF", "bom.txt: extract: empty file (whitespace only)"},
        {"invisible.txt", "\xC2\xA0\xE2\x80\x8B\n\xC2\xA0\xE2\x80\x8B\n",
         "invisible.txt: extract: empty file (whitespace only)"},
        {"binary.txt", std::string("\x01\x02\0\0\x14\0", 6),
         "binary.txt: extract: binary file (NUL byte at offset 2)"},
        {"latin1.txt",
         "Le caf\xE9 est tr\xE8s bon, \xE0 c\xF4t\xE9 de la fen\xEAtre o\xF9 "
         "l'\xE9t\xE9 na\xEEt; voil\xE0 une r\xE9union d\xE9j\xE0 pr\xEAte.",
         "latin1.txt: extract: not valid UTF-8 (first bad byte at offset 6), and no legacy "
         "Vietnamese encoding reads it as Vietnamese"},
        {"odd-utf16.txt",
         std::string("\xFF\xFE"
                     "C\0\xF4",
                     5),
         "odd-utf16.txt: extract: truncated UTF-16 text"},
        {"notes.pdf", "%PDF-1.4", "notes.pdf: extract: truncated or damaged PDF"},
        {"ends.pdf", "%PDF-1.4\n%%EOF", "ends.pdf: extract: damaged PDF (poppler cannot open it)"},
        {"renamed.pdf", "Kế hoạch số 12/KH-UBND",
         "renamed.pdf: extract: not a pdf file: it does not start like one"},
        {"old.doc", "\xd0\xcf\x11\xe0garbage",
         "old.doc: extract: not a doc file: it does not start like one"},
        {"letter.docx", "PK\x03\x04garbage",
         "letter.docx: extract: damaged DOCX: the ZIP holds no word/document.xml"},
        {"page.html", "<html><body>", "page.html: extract: no text in the document"},
    };
    const auto inbox = tmp / "inbox";
    test::write_file(inbox / "good.txt", test::read_file(test::seed("003")));
    for (const auto& bad : bad_files) test::write_file(inbox / bad.name, bad.bytes);
    test::write_file(inbox / "archive.zip", "PK\x03\x04");
    const test::IndexRun run = test::Indexer(tmp / "db").run({inbox, tmp / "missing.txt"});
    CHECK(run.status == 1);
    INFO(run);
    const std::string& out = run.err;
    CHECK(out.find("1 indexed (1 new, 0 replaced), 1 skipped, 14 failed") != std::string::npos);
    for (const auto& bad : bad_files) {
        INFO(bad.name);
        CHECK(out.find(bad.reported) != std::string::npos);
    }
    CHECK(out.find("missing.txt: no such file or directory") != std::string::npos);
    CHECK(out.find("skipped: " + (inbox / "archive.zip").string()) != std::string::npos);

    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 1);
    CHECK(db.term_exists("Qinbox/good.txt"));
}

TEST_CASE("a different root on an existing database is refused with the reason", "[cli]") {
    test::TempDir tmp;
    REQUIRE(test::Indexer(tmp / "db")
                .root(test::bundled_corpus_dir())
                .run({test::seed("000")})
                .status == 0);
    const test::IndexRun other = test::Indexer(tmp / "db").root("/tmp").run({test::seed("000")});
    CHECK(other.status == 2);
    CHECK(other.err.find("holds ids relative to") != std::string::npos);
}

TEST_CASE("an interrupted run keeps its commits and the same command finishes the job",
          "[cli][corpus]") {
    const auto corpus = test::shared_corpus_dir();
    test::TempDir tmp;
    const std::string db = (tmp / "db").string();
    test::IndexProcess first = test::Indexer(db).root(corpus).batch(20).start({corpus});
    // Interrupt once the first batch is committed, however slow the build (sanitizers) or the
    // machine: a fixed delay would sometimes interrupt before any commit.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < give_up) {
        try {
            if (Xapian::Database(db).get_doccount() > 0) break;
        } catch (const Xapian::Error&) {
            // not created yet
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    first.signal(SIGINT);
    const test::IndexRun interrupted = first.wait();
    REQUIRE(interrupted.signal == 0);
    CHECK(interrupted.status == 1);  // interrupted: not everything was indexed
    const auto partial = Xapian::Database(db).get_doccount();
    CHECK(partial > 0);
    CHECK(partial < 555);
    REQUIRE(test::Indexer(db).run({corpus}).status == 0);
    CHECK(Xapian::Database(db).get_doccount() == 555);
}

TEST_CASE("a dry run prints the parsed fields as JSON and writes nothing", "[cli][seeds]") {
    const test::IndexRun run =
        test::Indexer().args({"--dry-run", "--json"}).run({test::seed("004")});
    REQUIRE(run.status == 0);
    const auto j = nlohmann::json::parse(run.out);
    CHECK(j["fields"]["signer"]["value"] == "Lê Trường Sơn");
    CHECK(j["fields"]["issuer"]["source"] == "header");
}

TEST_CASE("a new database keeps document texts compressed", "[cli][corpus]") {
    // Guards the way a database is created (indexer/database_creation.cpp): one way of writing
    // the first commit makes Xapian store all later document data uncompressed.
    const auto corpus = test::shared_corpus_dir();
    test::TempDir tmp;
    const std::string db = (tmp / "db").string();
    test::Indexer(db).quiet().root(corpus).run({corpus});
    std::uintmax_t text_bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus))
        if (entry.is_regular_file()) text_bytes += entry.file_size();
    const auto docdata = std::filesystem::file_size(std::filesystem::path(db) / "docdata.glass");
    INFO("texts " << text_bytes << " bytes, docdata.glass " << docdata << " bytes");
    REQUIRE(Xapian::Database(db).get_doccount() > 500);
    CHECK(docdata * 2 < text_bytes);
}

namespace {

std::uintmax_t folder_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) total += e.file_size();
    }
    return total;
}

}  // namespace

TEST_CASE("a run that creates the database ends by compacting it, small later runs do not",
          "[cli][compact]") {
    test::TempDir tmp, plain;
    fs::copy(test::bundled_corpus_dir(), tmp / "docs", fs::copy_options::recursive);
    const std::string corpus = (tmp / "docs").string();
    test::IndexRun run = test::Indexer(tmp / "db").root(corpus).run({corpus});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("compacting the database") != std::string::npos);
    run = test::Indexer(plain / "db").args({"--no-compact"}).root(corpus).run({corpus});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("compacting") == std::string::npos);

    Xapian::Database compacted((tmp / "db").string());
    Xapian::Database as_written((plain / "db").string());
    CHECK(compacted.get_doccount() == 41);
    CHECK(compacted.get_doccount() == as_written.get_doccount());
    CHECK(compacted.get_lastdocid() == as_written.get_lastdocid());  // document numbers kept
    // Readers never see the revision go back because the database was compacted.
    CHECK(compacted.get_revision() >= as_written.get_revision());
    CHECK(folder_bytes(tmp / "db") * 10 < folder_bytes(plain / "db") * 9);
    for (auto t = as_written.allterms_begin("XP"); t != as_written.allterms_end("XP"); ++t)
        CHECK(compacted.get_termfreq(*t) == t.get_termfreq());
    // No staging folder is left beside the database.
    for (const auto& e : fs::directory_iterator(tmp.path()))
        CHECK(e.path().filename().string().find("compacting") == std::string::npos);

    // One new file into 41 documents: not worth rewriting the database.
    const fs::path extra = tmp / "docs" / "extra" / "note.txt";
    test::write_file(extra, test::read_file(test::seed("002")));
    run = test::Indexer(tmp / "db").run({extra});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("1 indexed (1 new, 0 replaced)") != std::string::npos);
    CHECK(run.err.find("compacting") == std::string::npos);
    run = test::Indexer(tmp / "db").args({"--compact"}).run({extra});
    REQUIRE(run.status == 0);
    CHECK(run.err.find("compacting the database") != std::string::npos);
    CHECK(Xapian::Database((tmp / "db").string()).get_doccount() == 42);
}
