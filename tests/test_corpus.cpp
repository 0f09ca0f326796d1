// The whole shared corpus (555 real documents) indexes without a failure, and what it holds is
// found: NFD resolutions by NFC queries, numbers by their key.
#include <catch2/catch.hpp>

#include <set>

#include "indexer.hpp"
#include "search/searcher.hpp"
#include "server/api.hpp"
#include "support.hpp"

using namespace tracuu;

TEST_CASE("every document of the shared corpus indexes, and NFD text is found by NFC queries",
          "[corpus]") {
    const auto corpus = test::shared_corpus_dir();
    test::TempDir tmp;
    const auto db_path = tmp / "corpus";
    // Not compacted: what was written is read (compaction has its test in test_indexer_cli).
    const test::IndexRun run =
        test::Indexer(db_path).quiet().root(corpus).args({"--no-compact"}).run({corpus});
    INFO(run);               // each failed file, named with its stage and reason
    CHECK(run.status == 0);  // no file failed, found or read
    CHECK(run.err.find(" 0 failed") != std::string::npos);
    CHECK(run.err.find("555 indexed (555 new, 0 replaced)") != std::string::npos);

    Xapian::Database db(db_path.string());
    CHECK(db.get_doccount() == 555);
    SearchRequest request;
    request.limit = 5;
    // 1656/NQ-UBTVQH15 is stored decomposed; the query is composed.
    request.q = "sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội";
    auto r = search(db, request);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits.front().id == "ubtvqh-2025/docs/1656_NQ-UBTVQH15.txt");
    request.q = "1656/NQ-UBTVQH15";
    r = search(db, request);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits.front().id == "ubtvqh-2025/docs/1656_NQ-UBTVQH15.txt");
    // Every NFD resolution is reachable by its own number typed loosely.
    for (int n = 1654; n <= 1687; ++n) {
        request.q = "nghị quyết " + std::to_string(n);
        r = search(db, request);
        INFO(request.q);
        REQUIRE_FALSE(r.hits.empty());
        CHECK(r.hits.front().id == "ubtvqh-2025/docs/" + std::to_string(n) + "_NQ-UBTVQH15.txt");
    }

    // Citations between real documents: Công điện 217/CĐ-TTg is indexed and four others cite it.
    const std::string cited = "legal-2025/docs/a328fbb46798c2b5.txt";
    const std::set<std::string> citing = {
        "legal-2025/docs/15e6fb3d3f3b2644.txt", "legal-2025/docs/3143124c69d932d4.txt",
        "legal-2025/docs/858c0de43c18ce78.txt", "legal-2025/docs/ac3686f6b1d64932.txt"};
    const ApiResponse refs = handle_references(db, "217/CĐ-TTg");
    REQUIRE(refs.status == 200);
    CHECK(refs.body["document"]["id"] == cited);
    std::set<std::string> found;
    for (const auto& c : refs.body["cited_by"]) {
        found.insert(c["id"].get<std::string>());
        CHECK(c["context"].get<std::string>().find("217/CĐ-TTg") != std::string::npos);
    }
    CHECK(found == citing);
    const ApiResponse doc = handle_document(db, cited);
    REQUIRE(doc.status == 200);
    CHECK(doc.body["cited_by"].size() == citing.size());
    // And from a citing document, its citation links to the indexed document.
    const ApiResponse from = handle_document(db, "legal-2025/docs/3143124c69d932d4.txt");
    bool linked = false;
    for (const auto& c : from.body["cites"]) {
        if (c["key"] == "217-cd-ttg")
            linked = c.contains("document") && c["document"]["id"] == cited;
    }
    CHECK(linked);
}
