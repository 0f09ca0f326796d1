// The server's in-memory value table (search/value_table.hpp): searches that read it give what
// searches reading Xapian's value streams give, on one database and on shards combined, and the
// server reads it again for each new revision.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

#include "index/schema.hpp"
#include "indexer.hpp"
#include "search/filter_cache.hpp"
#include "search/searcher.hpp"
#include "server/database_set.hpp"
#include "shard_fixtures.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

namespace {

SearchRequest request_for(const std::string& q, std::vector<QueryPart> filters = {},
                          SortOrder sort = SortOrder::Relevance, std::size_t limit = 20) {
    SearchRequest r;
    r.q = q;
    r.filters = std::move(filters);
    r.sort = sort;
    r.limit = limit;
    r.facets = true;
    return r;
}

/// The searches compared: words with and without marks, numbers, filters, filters alone (sorted
/// by date), and explicit date sorts both ways.
std::vector<SearchRequest> requests() {
    return {request_for("chuyển đổi số"), request_for("chuyen doi so"),
            request_for("sắp xếp đơn vị hành chính cấp xã"), request_for("thủ tục hành chính"),
            request_for("57-NQ/TW"), request_for("nghị quyết 1656"),
            request_for("", {{"57-NQ/TW", QueryField::Cites}}),
            request_for("", {{"nghị quyết", QueryField::Type}}),
            request_for("", {{"2025", QueryField::Year}}, SortOrder::DateOldest),
            request_for("xã", {}, SortOrder::DateNewest, 50),
            request_for("xã", {}, SortOrder::DateOldest, 50),
            request_for("kế hoạch", {{"Sở GDĐT", QueryField::Issuer}}),
            // compound filters alone, then again (read from the remembered list)
            request_for("", {{"Sở Giáo dục và Đào tạo", QueryField::Issuer}}),
            request_for("", {{"Sở Giáo dục và Đào tạo", QueryField::Issuer}}),
            request_for("xã", {{"Ủy ban Thường vụ Quốc hội", QueryField::Issuer}})};
}

void check_same_answers(const Xapian::Database& db, const std::shared_ptr<const ValueTable>& t) {
    for (const SearchRequest& request : requests()) {
        INFO("q=" << request.q << " filters=" << request.filters.size());
        const SearchResult streams = search(db, request);
        const SearchResult table = search(db, request, t);
        REQUIRE(streams.hits.size() == table.hits.size());
        CHECK(streams.total == table.total);
        CHECK(streams.facets == table.facets);
        for (std::size_t i = 0; i < streams.hits.size(); ++i) {
            INFO("rank " << i + 1);
            CHECK(streams.hits[i].id == table.hits[i].id);
            CHECK(streams.hits[i].score == Approx(table.hits[i].score));
        }
    }
}

/// Indexes `inputs` into `db` with tracuu-index, without compacting: each run one commit.
void index_into(const fs::path& db, const fs::path& root, const std::vector<fs::path>& inputs) {
    const test::IndexRun run =
        test::Indexer(db).quiet().root(root).args({"--no-compact"}).run(inputs);
    INFO(run);
    REQUIRE(run.status == 0);
}

}  // namespace

TEST_CASE("the value table holds every document's date and facet values", "[values]") {
    Xapian::Database db(test::bundled_index().string());
    const ValueTable table(db);
    CHECK(table.documents_read() == db.get_doccount());
    std::size_t dated = 0;
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
        const Xapian::Document doc = db.get_document(did);
        INFO("document " << doc.get_value(schema::kSlotId));
        CHECK(table.date_key(did) == doc.get_value(schema::kSlotDate));
        dated += table.date_key(did).empty() ? 0 : 1;
        CHECK(table.labels(ValueTable::kIssuer)[table.label_id(ValueTable::kIssuer, did)] ==
              doc.get_value(schema::kSlotIssuer));
        CHECK(table.labels(ValueTable::kType)[table.label_id(ValueTable::kType, did)] ==
              doc.get_value(schema::kSlotType));
        CHECK(table.labels(ValueTable::kYear)[table.label_id(ValueTable::kYear, did)] ==
              doc.get_value(schema::kSlotYear));
    }
    CHECK(dated > 30);  // the bundled directives are dated
}

TEST_CASE("searches reading the value table answer as searches reading Xapian's values",
          "[values][search]") {
    Xapian::Database db(test::bundled_index().string());
    const auto table = std::make_shared<const ValueTable>(db);
    check_same_answers(db, table);
    CHECK(table->filters().entries() >= 2);  // the issuer filters were remembered
}

TEST_CASE("the filter cache keeps selective compound filters and leaves broad ones to Xapian",
          "[values][filters]") {
    Xapian::Database db(test::bundled_index().string());
    // The most common word and a word in a few documents, both searchable text.
    std::string common, rare;
    Xapian::doccount common_freq = 0, rare_freq = db.get_doccount();
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        if (term.empty() || !std::islower(static_cast<unsigned char>(term[0]))) continue;
        if (t.get_termfreq() > common_freq) common = term, common_freq = t.get_termfreq();
        if (t.get_termfreq() >= 2 && t.get_termfreq() < rare_freq)
            rare = term, rare_freq = t.get_termfreq();
    }
    REQUIRE(common_freq > db.get_doccount() / 2);
    REQUIRE(rare_freq <= db.get_doccount() / FilterCache::kSelectiveShare);

    FilterCache cache(1 << 20, /*always_selective=*/0);
    const Xapian::Query broad(Xapian::Query::OP_AND, Xapian::Query(common), Xapian::Query(common));
    CHECK(cache.query(db, broad).get_type() == Xapian::Query::OP_AND);
    CHECK(cache.entries() == 0);

    const Xapian::Query narrow(Xapian::Query::OP_AND, Xapian::Query(common), Xapian::Query(rare));
    Xapian::Enquire direct(db), cached(db);
    direct.set_query(narrow);
    cached.set_query(cache.query(db, narrow));
    CHECK(cache.entries() == 1);
    std::vector<Xapian::docid> want, got;
    for (const auto& [enquire, out] : {std::pair{&direct, &want}, std::pair{&cached, &got}}) {
        const Xapian::MSet mset = enquire->get_mset(0, db.get_doccount());
        for (auto m = mset.begin(); m != mset.end(); ++m) out->push_back(*m);
        std::sort(out->begin(), out->end());
    }
    CHECK(!want.empty());
    CHECK(got == want);
}

TEST_CASE("shards combined: the value table read per shard gives the same answers",
          "[values][shards]") {
    // Xapian hands a spy each shard's own document numbers: a table of the combined database
    // is not used, a table of the shards is (a ShardTracker says which shard is matched).
    test::TempDir tmp;
    const fs::path corpus = test::bundled_corpus_dir();
    index_into(tmp / "seeds", corpus, {corpus / "seeds"});
    index_into(tmp / "resolutions", corpus, {corpus / "ubtvqh-2025"});
    Xapian::Database combined;
    combined.add_database(Xapian::Database((tmp / "seeds").string()));
    combined.add_database(Xapian::Database((tmp / "resolutions").string()));
    REQUIRE(combined.size() == 2);
    check_same_answers(combined, std::make_shared<const ValueTable>(combined));
    DatabaseSet shards({(tmp / "seeds").string(), (tmp / "resolutions").string()});
    shards.load_values();
    const Xapian::Database& db = shards.current();
    const auto table = shards.values();
    REQUIRE(table);
    CHECK(table->shard_count() == 2);
    check_same_answers(db, table);
    CHECK(table->filters().entries() >= 2);
}

TEST_CASE(
    "local shards counted in a window: same results, totals exact or estimated, as one "
    "database",
    "[values][shards]") {
    // Xapian 1.4 reads every match of several databases when counting, so local shards are
    // counted in a window on their first documents (searcher.cpp count). A small count_at_least
    // makes the bundled corpus exercise the window: results never depend on it, a total said
    // exact is, a small total is right, and an estimate stays near the truth.
    const test::Layouts& layouts = test::layouts();
    Xapian::Database one(layouts.one.string());
    DatabaseSet shards({layouts.three.string()});
    shards.load_values();
    const Xapian::Database& three = shards.current();
    REQUIRE(three.size() == 3);
    REQUIRE(shards.values());
    for (const Xapian::doccount at_least : {Xapian::doccount{2}, Xapian::doccount{5}}) {
        for (SearchRequest request : requests()) {
            INFO("q=" << request.q << " filters=" << request.filters.size()
                      << " count_at_least=" << at_least);
            request.count_at_least = at_least;
            SearchRequest whole = request;
            whole.count_at_least = one.get_doccount();
            const SearchResult truth = search(one, whole);
            const SearchResult sharded = search(three, request, shards.values());
            REQUIRE(truth.hits.size() == sharded.hits.size());
            for (std::size_t i = 0; i < truth.hits.size(); ++i) {
                INFO("rank " << i + 1);
                CHECK(truth.hits[i].id == sharded.hits[i].id);
            }
            INFO("truth " << truth.total << (truth.total_exact ? " exact" : "") << " relaxed "
                          << truth.relaxed << ", shards " << sharded.total
                          << (sharded.total_exact ? " exact" : "") << " relaxed "
                          << sharded.relaxed);
            if (sharded.total_exact) CHECK(sharded.total == truth.total);
            if (truth.total <= at_least) CHECK(sharded.total == truth.total);
            CHECK(sharded.facets_complete == (sharded.total_exact && sharded.total <= at_least));
            CHECK((sharded.total > 0) == (truth.total > 0));
            CHECK(sharded.total <= 4 * truth.total + 4 * at_least);
        }
    }
}

TEST_CASE("the server reads the value table again after a commit", "[values][server]") {
    test::TempDir tmp;
    const fs::path corpus = test::bundled_corpus_dir();
    index_into(tmp / "db", corpus, {corpus / "seeds"});
    DatabaseSet databases({(tmp / "db").string()});
    databases.load_values();
    databases.current();
    const auto first = databases.values();
    REQUIRE(first);
    CHECK(first->documents_read() == 5);

    index_into(tmp / "db", corpus, {corpus / "ubtvqh-2025"});
    // The new revision's table is read in the background; until then searches do without.
    std::shared_ptr<const ValueTable> fresh;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        databases.current();
        fresh = databases.values();
        if (fresh && fresh != first) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE(fresh);
    CHECK(fresh != first);
    CHECK(fresh->documents_read() == 41);
}
