// Any real folder indexes to the end: a document can fail, a run cannot; text is cut by code
// point; every string stored is valid UTF-8; damaged input is read with a warning; mojibake is
// flagged only on text meant to be Vietnamese; a chaos corpus indexes with every document whole.
#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "analyzers/legacy_encoding.hpp"
#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"
#include "analyzers/vietnamese_syllables.hpp"
#include "bench/chaos_corpus.hpp"
#include "index/stored_document.hpp"
#include "indexer.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/index_command.hpp"
#include "indexer/outgoing_utf8.hpp"
#include "indexer/source_extraction.hpp"
#include "server/source_file.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

namespace {

/// What a run printed on its error stream.
struct Captured {
    std::FILE* file = std::tmpfile();
    ~Captured() { std::fclose(file); }
    std::string text() const {
        std::rewind(file);
        std::string s;
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) s.append(buf, n);
        return s;
    }
};

std::vector<std::string> seed_texts() {
    std::vector<std::string> texts;
    for (const auto& entry : fs::directory_iterator(test::seeds_dir()))
        texts.push_back(test::read_file(entry.path()));
    std::sort(texts.begin(), texts.end());
    return texts;
}

}  // namespace

TEST_CASE("a document can fail at any stage, the others are indexed and the run goes on",
          "[ingest]") {
    test::TempDir tmp;
    const auto inbox = tmp / "inbox";
    // One file per stage fails there (an exception as a bug would throw it); `ok.txt` does not.
    const std::vector<std::pair<std::string, Stage>> failing = {
        {"read.txt", Stage::Read},   {"extract.txt", Stage::Extract},
        {"parse.txt", Stage::Parse}, {"serialise.txt", Stage::Serialise},
        {"build.txt", Stage::Build}, {"write.txt", Stage::Write}};
    const auto seeds = seed_texts();
    for (std::size_t i = 0; i < failing.size(); ++i)
        test::write_file(inbox / failing[i].first, seeds[i % seeds.size()]);
    test::write_file(inbox / "ok.txt", seeds[0]);

    for (const std::size_t jobs : {1, 2}) {
        DYNAMIC_SECTION("--jobs " << jobs) {
            IndexOptions options;
            options.db = tmp / ("db" + std::to_string(jobs));
            options.root = tmp.path();
            options.inputs = {inbox};
            options.jobs = jobs;
            options.quiet = true;
            options.fault_hook = [&](Stage stage, const SourceFile& file) {
                for (const auto& [name, at] : failing) {
                    if (stage == at && file.id == "inbox/" + name)
                        throw std::runtime_error("injected at " + std::string(stage_name(stage)));
                }
            };
            Captured err;
            CHECK(run_index(options, stdout, err.file) == kExitSomeFailed);
            const std::string out = err.text();
            INFO(out);
            CHECK(out.find("1 indexed (1 new, 0 replaced), 0 skipped, 6 failed") !=
                  std::string::npos);
            // One line per file: the file, the stage, the reason.
            for (const auto& [name, stage] : failing) {
                const std::string line = "  failed: " + (inbox / name).string() + ": " +
                                         std::string(stage_name(stage)) + ": injected at " +
                                         std::string(stage_name(stage)) + "\n";
                CHECK(out.find(line) != std::string::npos);
            }
            {
                Xapian::Database db(options.db.string());
                CHECK(db.get_doccount() == 1);
                CHECK(db.term_exists("Qinbox/ok.txt"));
            }
            // The same command again, the fault gone: the job is completed, nothing is lost.
            options.fault_hook = {};
            Captured again;
            CHECK(run_index(options, stdout, again.file) == kExitOk);
            CHECK(again.text().find("6 indexed (6 new, 0 replaced), 0 skipped, 0 failed, "
                                    "1 unchanged") != std::string::npos);
            CHECK(Xapian::Database(options.db.string()).get_doccount() == 7);
        }
    }
}

TEST_CASE("a dry run of one bad file reports it and shows the others", "[ingest]") {
    test::TempDir tmp;
    test::write_file(tmp / "a.txt", test::read_file(test::seed("000")));
    test::write_file(tmp / "b.txt", test::read_file(test::seed("001")));
    IndexOptions options;
    options.inputs = {tmp.path()};
    options.dry_run = true;
    options.json = true;
    options.fault_hook = [&](Stage stage, const SourceFile& file) {
        if (stage == Stage::Parse && file.path.filename() == "a.txt")
            throw std::runtime_error("injected");
    };
    Captured out, err;
    CHECK(run_dry_run(options, out.file, err.file) == kExitSomeFailed);
    CHECK(err.text().find("a.txt: parse: injected") != std::string::npos);
    CHECK(out.text().find("b.txt") != std::string::npos);
}

TEST_CASE("the 12-byte file of issue 14 is read, not fatal", "[ingest][cli]") {
    test::TempDir tmp;
    test::write_file(tmp / "x.txt", "Kính gửi: …\n");
    const test::IndexRun run = test::Indexer().args({"--dry-run", "--json"}).run({tmp / "x.txt"});
    CHECK(run.status == 0);
    const auto shown = nlohmann::json::parse(run.out);
    CHECK(utf8::is_valid(shown.dump()));
}

TEST_CASE("file names in NFD, or not UTF-8: nothing lost unsaid, nothing live pruned",
          "[ingest][cli]") {
    test::TempDir tmp;
    const auto inbox = tmp / "inbox";
    const auto texts = seed_texts();
    const std::string nfc = "C\xC3\xB4ng v\xC4\x83n.txt";    // Công văn.txt
    const std::string nfd = "Co\xCC\x82ng va\xCC\x86n.txt";  // the same, as macOS writes it
    test::write_file(inbox / nfd, texts[0]);
    test::write_file(inbox / "only" / ("Quye\xCC\x82\xCC\x81t \xC4\x91i\xCC\xA3nh.txt"),
                     texts[1]);                         // Quyết định.txt, NFD alone
    test::write_file(inbox / "C\xF4ng.txt", texts[2]);  // Latin-1
    const auto db_path = tmp / "db";
    test::IndexRun run = test::Indexer(db_path).root(tmp.path()).run({inbox});
    INFO(run);
    CHECK(run.status == 1);
    CHECK(run.err.find("inbox/C\\xF4ng.txt: the file name is not UTF-8 text; rename the file") !=
          std::string::npos);
    CHECK(utf8::is_valid(run.err));
    {
        Xapian::Database db(db_path.string());
        CHECK(db.get_doccount() == 2);
        // The original is found by its id (NFC) although its name on disk is NFD.
        const SourceFileAnswer source = find_source_file(db, "inbox/only/Quyết định.txt");
        CHECK(source.path.has_value());
    }
    // The same name in NFC beside it: one id for two files, the second said so.
    test::write_file(inbox / nfc, texts[3]);
    run = test::Indexer(db_path).root(tmp.path()).args({"--prune"}).run({inbox});
    INFO(run);
    CHECK(run.err.find("another file has the same id 'inbox/Công văn.txt'") != std::string::npos);
    CHECK(run.err.find(", 0 pruned") != std::string::npos);
    CHECK(Xapian::Database(db_path.string()).get_doccount() == 2);
}

TEST_CASE("text past 16 MiB is cut whole, with a warning, not analysed into gigabytes",
          "[ingest]") {
    std::string text;
    while (text.size() <= kMaxTextBytes) text += "Điều khoản thi hành. ";
    const Extraction e = extract_source("big.txt", text, ExtractionOptions{});
    CHECK(e.text.size() <= kMaxTextBytes);
    CHECK(e.text.size() > kMaxTextBytes - 8);
    CHECK(utf8::is_valid(e.text));
    REQUIRE_FALSE(e.warnings.empty());
    CHECK(e.warnings.back().starts_with("text cut at 16 MiB of 16.0 MiB extracted"));
}

TEST_CASE("multi-byte characters are stripped and cut whole, never byte by byte", "[utf8]") {
    CHECK(utf8::strip("…Kính gửi…", "…") == "Kính gửi");
    CHECK(utf8::strip(" …", " ;.,·•-–+") == "…");  // `…` shares no character with the set
    CHECK(utf8::strip("–·•", " ;.,·•-–+").empty());
    CHECK(utf8::strip("ả", "ạ").size() == std::string_view("ả").size());  // same first bytes
    // Cutting at every byte of real text gives valid UTF-8 at most 3 bytes short.
    const std::string text = normalize_text(test::read_file(test::seed("000"))).substr(0, 3000);
    for (std::size_t n = 0; n <= text.size(); ++n) {
        const std::string_view cut = utf8::cut(text, n);
        CHECK((utf8::is_valid(cut) && cut.size() <= n && cut.size() + 3 >= n));
        CHECK(utf8::floor_boundary(text, n) == cut.size());
    }
    std::string broken =
        "a\xC3\xE1\xBA"
        "b\xFF";
    CHECK(utf8::repair(broken) == 3);
    CHECK(broken == "a\uFFFD\uFFFDb\uFFFD");
}

TEST_CASE("a string broken on the way out is repaired with a warning, never fatal", "[ingest]") {
    PreparedDocument doc = prepare_document("a.txt", test::read_file(test::seed("000")));
    CHECK(repair_outgoing_utf8(doc) == 0);  // real text: nothing to do
    doc.record.title += "\xE2\x80";
    doc.record.fields["recipients"]["value"].push_back("Kính gửi: \xA6");
    doc.record.source.warnings.push_back("\xFF");
    REQUIRE(doc.directive.issuer);
    doc.directive.issuer->value += "\xC3";
    CHECK_THROWS(encode_stored_document(doc.record));  // what issue 14's run died of
    CHECK(repair_outgoing_utf8(doc) == 4);
    const Xapian::Document built = build_document(doc.record, doc.analysis, doc.directive);
    CHECK(utf8::is_valid(built.get_data()));
    CHECK(decode_stored_document(built.get_data())
              .meta["title"]
              .get<std::string>()
              .ends_with("\uFFFD"));
    // A broken text is repaired and read again, so offsets point into what is stored.
    doc.record.text.insert(10, "\xF0\x9F");
    CHECK(repair_outgoing_utf8(doc) == 1);
    CHECK(utf8::is_valid(doc.record.text));
    CHECK(doc.directive.issuer);  // prepared again: the fields are back
}

TEST_CASE("damaged UTF-8 is read as UTF-8 with a warning", "[ingest][encoding]") {
    const std::string seed = test::read_file(test::seed("000"));
    // Cut inside a character, a stray byte, a BOM before broken bytes.
    std::size_t mid = 200;
    while ((static_cast<unsigned char>(seed[mid]) & 0xC0) != 0x80) ++mid;
    const std::size_t eol = seed.find('\n', 500);
    for (const std::string& damaged :
         {seed.substr(0, mid), seed.substr(0, eol) + "\xA6" + seed.substr(eol),
          "\xEF\xBB\xBF" + seed.substr(0, eol) + "\xFF"}) {
        const DecodedText d = decode_text(damaged);
        CHECK(d.encoding == TextEncoding::Utf8);
        CHECK(d.replaced == 1);
        CHECK(utf8::is_valid(d.text));
    }
    // A short file cut in its last character (one of the chaos corpus's 25 000).
    const DecodedText short_cut = decode_text("Nghị quyết 62/2025/NQ-H\xC4");
    CHECK(short_cut.replaced == 1);
    CHECK(short_cut.text == "Nghị quyết 62/2025/NQ-H\uFFFD");
    test::TempDir tmp;
    test::write_file(tmp / "cut.txt", seed.substr(0, mid));
    const Extraction e = extract_file(tmp / "cut.txt", {});
    REQUIRE(e.warnings.size() == 1);
    CHECK(e.warnings[0] == "damaged UTF-8: 1 invalid byte sequences read as U+FFFD");
    // A page that declares UTF-8 and has a broken byte: UTF-8 still, not Latin-1 everywhere.
    test::write_file(tmp / "cut.html", "<html><head><meta charset=\"utf-8\"></head><body><p>" +
                                           seed.substr(0, mid) + "</p></body></html>");
    const Extraction h = extract_file(tmp / "cut.html", {});
    REQUIRE(h.warnings.size() == 1);
    CHECK(h.warnings[0] == "damaged UTF-8: 1 invalid byte sequences read as U+FFFD");
    CHECK(h.text.find("Gia Lai, ngày 29 tháng 10 năm 2025") != std::string::npos);
}

TEST_CASE("mojibake is flagged only on text meant to be Vietnamese", "[ingest][encoding]") {
    const std::string french =
        "Le préfet a présenté à l'assemblée réunie à Hué les éléments du dossier; après la "
        "séance, les élus ont décidé d'étudier la création d'un comité chargé de préparer "
        "l'événement. Les résultats seront publiés dès réception des données économiques.";
    const std::string names =
        "Zoë Saldaña, Björk Guðmundsdóttir, Søren Kierkegaard, José Martí, Antonín Dvořák, "
        "Bohuslav Martinů, Frédéric Chopin, Sławomir Mrożek, Mikuláš Dzurinda, Željko Ražnatović, "
        "Ólafur Arnalds, Nguyễn Văn An, Jürgen Klopp, Gonçalo Ramos, Łukasz Fabiański.";
    for (const std::string& text : {french, names}) {
        INFO(text);
        CHECK(vietnamese_syllable_stats(text).ratio() < kMojibakeBelow);  // reads badly...
        CHECK_FALSE(meant_as_vietnamese(text));                           // ...but is not ours
        CHECK_FALSE(looks_like_mojibake(text));
    }
    test::TempDir tmp;
    test::write_file(tmp / "fr.txt", french);
    CHECK(extract_file(tmp / "fr.txt", {}).warnings.empty());
    // Vietnamese seen through Windows-1252 is meant to be Vietnamese, and flagged.
    const std::string seed = normalize_text(test::read_file(test::seed("000")));
    std::string garbled;
    for (const unsigned char c : seed) {
        if (c < 0x80) {
            garbled.push_back(static_cast<char>(c));
        } else {
            garbled += c < 0xC0 ? "\xC2" : "\xC3";
            garbled.push_back(static_cast<char>(c < 0xC0 ? c : c - 0x40));
        }
    }
    CHECK(count_function_words(seed).enough());
    CHECK(meant_as_vietnamese(garbled));
    CHECK(looks_like_mojibake(garbled));
}

TEST_CASE("HTML nested deeper than 256 elements keeps its text", "[ingest][extraction]") {
    for (const std::size_t depth : {10, 300, 5000}) {
        std::string html = "<html><body>";
        for (std::size_t i = 0; i < depth; ++i) html += "<div>";
        html += "<p>Văn bản ở tầng sâu</p><script>không đọc</script>";
        for (std::size_t i = 0; i < depth; ++i) html += "</div>";
        html += "<p>Sau các tầng</p></body></html>";
        test::TempDir tmp;
        test::write_file(tmp / "deep.html", html);
        const Extraction e = extract_file(tmp / "deep.html", {});
        INFO(depth);
        CHECK(e.text.find("Văn bản ở tầng sâu") != std::string::npos);
        CHECK(e.text.find("Sau các tầng") != std::string::npos);
        CHECK(e.text.find("không đọc") == std::string::npos);
    }
}

TEST_CASE("bidirectional marks are dropped like other invisible characters", "[analyzer]") {
    CHECK(normalize_text("S\u200Eố: 12\u202B3/\u2066QĐ\u2069-UBND\u200F") == "Số: 123/QĐ-UBND");
}

TEST_CASE("a chaos corpus indexes to the end and every stored document reads back",
          "[ingest][chaos]") {
    // The benchmark's generator (bench/chaos_corpus.hpp) on the seeds and the shared corpus:
    // 300 files, one of them 1 MB, with every mutation.
    std::vector<std::string> sources = seed_texts();
    for (const auto& entry : fs::recursive_directory_iterator(test::shared_corpus_dir())) {
        if (entry.path().extension() == ".txt") sources.push_back(test::read_file(entry.path()));
    }
    std::sort(sources.begin(), sources.end());
    constexpr std::size_t kFiles = 300;
    chaos::ChaosOptions options;
    options.huge_bytes = 1u << 20;
    options.blank_every = 50;
    test::TempDir tmp;
    for (std::size_t i = 0; i < kFiles; ++i) {
        const chaos::ChaosFile f = chaos::make_chaos_file(sources, i, options);
        test::write_file(tmp / "chaos" / f.name, f.bytes);
    }
    const test::IndexRun run =
        test::Indexer(tmp / "db").quiet().jobs(2).root(tmp.path()).run({tmp / "chaos"});
    INFO(run);
    CHECK((run.status == 0 || run.status == 1));
    const std::string& out = run.err;
    std::smatch m;
    REQUIRE(std::regex_search(
        out, m,
        std::regex(R"((\d+) indexed \((\d+) new, 0 replaced\), (\d+) skipped, (\d+) failed)")));
    const std::size_t indexed = std::stoul(m[1]), skipped = std::stoul(m[3]),
                      failed = std::stoul(m[4]);
    CHECK(indexed + skipped + failed == kFiles);
    CHECK(failed >= kFiles / options.blank_every);  // the blank files at least
    // Failures are files refused at reading or extraction, never a later stage (a bug).
    std::size_t lines = 0;
    for (std::size_t at = out.find("  failed: "); at != std::string::npos;
         at = out.find("  failed: ", at + 1)) {
        const std::string line = out.substr(at, out.find('\n', at) - at);
        CHECK(std::regex_search(line, std::regex(R"(\.(txt|html): (read|extract): )")));
        ++lines;
    }
    CHECK(lines == failed);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == indexed);
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        const std::string data = db.get_document(*p).get_data();
        REQUIRE(utf8::is_valid(data));
        const StoredDocument doc = decode_stored_document(data);
        CHECK(utf8::is_valid(doc.meta.dump()));
        CHECK_FALSE(doc.text.empty());
    }
}
