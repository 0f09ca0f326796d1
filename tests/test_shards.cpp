// Shards (issue 19): the bundled corpus indexed as one database and as three shards (a stub
// folder written by `tracuu-index --shards 3`), served locally and through xapian-tcpsrv, gives
// the same answers on every endpoint; a remote shard that stops answering gives 503 naming it.
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <thread>

#include "analyzers/code_tables.hpp"
#include "generated_documents.hpp"
#include "index/schema.hpp"
#include "index/stub_database.hpp"
#include "indexer.hpp"
#include "indexer/index_command.hpp"
#include "indexer/sharded_writer.hpp"
#include "search/page_documents.hpp"
#include "search/parallel_shards.hpp"
#include "search/searcher.hpp"
#include "server/api.hpp"
#include "server/database_set.hpp"
#include "shard_fixtures.hpp"
#include "support.hpp"

using namespace tracuu;
using test::Layouts;
using test::layouts;
using test::TcpServer;
namespace fs = std::filesystem;

namespace {

/// The answer without what may differ: the time taken; scores apart (compared within float
/// noise). With `ties_as_sets`, results of equal score are compared as sets (remote shards order
/// them by document number, which differs between layouts).
struct Comparable {
    nlohmann::json body;
    std::vector<double> scores;
};
Comparable comparable(const ApiResponse& response, bool ties_as_sets = false) {
    Comparable c;
    c.body = response.json();
    c.body.erase("took_ms");
    if (!c.body.contains("results")) return c;
    auto& results = c.body["results"];
    for (auto& r : results) {
        c.scores.push_back(r.value("score", 0.0));
        r.erase("score");
    }
    if (ties_as_sets) {
        std::size_t start = 0;
        for (std::size_t i = 1; i <= results.size(); ++i) {
            if (i < results.size() &&
                std::abs(c.scores[i] - c.scores[start]) <= 1e-12 * std::abs(c.scores[start]))
                continue;
            std::sort(results.begin() + static_cast<long>(start),
                      results.begin() + static_cast<long>(i),
                      [](const auto& a, const auto& b) { return a.dump() < b.dump(); });
            start = i;
        }
    }
    return c;
}

void check_same(const ApiResponse& want, const ApiResponse& got, bool ties_as_sets = false) {
    REQUIRE(want.status == got.status);
    const Comparable a = comparable(want, ties_as_sets), b = comparable(got, ties_as_sets);
    CHECK(a.body == b.body);
    REQUIRE(a.scores.size() == b.scores.size());
    for (std::size_t i = 0; i < a.scores.size(); ++i)
        CHECK(b.scores[i] == Approx(a.scores[i]).epsilon(1e-9).margin(1e-12));
}

/// Judged queries, then random ones: words of the corpus, filters on its stored values, every
/// order, paging.
std::vector<Params> requests(const Xapian::Database& db) {
    std::vector<Params> out;
    const std::string table =
        test::read_file(fs::path(TRACUU_SOURCE_DIR) / "tests" / "judged_queries.tsv");
    for (const auto& row : parse_tsv(table)) out.push_back({{"q", std::string(row[0])}});

    std::vector<std::string> words;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        const unsigned char first = static_cast<unsigned char>(term[0]);
        if (term.size() >= 2 && (std::islower(first) || first >= 0x80) && t.get_termfreq() >= 2)
            words.push_back(term);
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> filters = {
        {"issuer", {}}, {"type", {}}, {"year", {}}};
    const Xapian::valueno slots[] = {schema::kSlotIssuer, schema::kSlotType, schema::kSlotYear};
    for (std::size_t f = 0; f < filters.size(); ++f) {
        std::set<std::string> seen;
        for (auto v = db.valuestream_begin(slots[f]); v != db.valuestream_end(slots[f]); ++v)
            seen.insert(*v);
        filters[f].second.assign(seen.begin(), seen.end());
    }
    REQUIRE(words.size() > 100);
    std::mt19937 random(19);
    auto pick = [&](const auto& list) { return list[random() % list.size()]; };
    const char* sorts[] = {"relevance", "newest", "oldest"};
    for (int i = 0; i < 150; ++i) {
        Params p;
        std::string q;
        for (unsigned w = random() % 4; w > 0; --w) q += (q.empty() ? "" : " ") + pick(words);
        if (!q.empty()) p.emplace("q", q);
        if (random() % 3 == 0 || q.empty()) {
            const auto& [name, values] = filters[random() % filters.size()];
            if (!values.empty()) p.emplace(name, pick(values));
        }
        if (random() % 8 == 0) p.emplace("cites", "57-NQ/TW");
        p.emplace("sort", sorts[random() % 3]);
        p.emplace("limit", std::to_string(1 + random() % 15));
        p.emplace("offset", std::to_string(random() % 30));
        out.push_back(std::move(p));
    }
    return out;
}

/// Every endpoint on `want` and `got`: searches, every document, the references of every number
/// and of a few cited ones, and the statistics.
void check_equivalent(DatabaseSet& want_set, DatabaseSet& got_set, bool ties_as_sets,
                      bool with_values = true) {
    Xapian::Database& want = want_set.current();
    Xapian::Database& got = got_set.current();
    const auto want_values = with_values ? want_set.values() : nullptr;
    const auto got_values = with_values ? got_set.values() : nullptr;
    // Remote shards as the server gives them: a page's documents read from each in parallel.
    RemoteShards* got_shards = got_set.remote_shards();
    std::size_t searches = 0;
    for (Params params : requests(want)) {
        if (ties_as_sets) {
            // A page boundary may cut a group of ties, whose members then differ: whole lists.
            params.erase("offset");
            params.erase("limit");
            params.emplace("limit", "100");
        }
        std::string shown;
        for (const auto& [k, v] : params) shown += k + "=" + v + " ";
        INFO("search " << shown);
        check_same(handle_search(want, params, want_values),
                   handle_search(got, params, got_values, got_shards), ties_as_sets);
        ++searches;
    }
    CHECK(searches > 150);
    // Paging: pages of 7 put together are the whole list, in each layout.
    for (const char* sort : {"relevance", "newest", "oldest"}) {
        for (const std::string q : {"", "xã", "nghị quyết", "chuyển đổi số"}) {
            Params all = {{"limit", "100"}, {"sort", sort}};
            if (!q.empty()) all.emplace("q", q);
            if (q.empty()) all.emplace("year", "2025");
            const auto whole = comparable(handle_search(got, all, got_values, got_shards));
            nlohmann::json pages = nlohmann::json::array();
            for (int offset = 0; offset < 50; offset += 7) {
                Params page = all;
                page.erase("limit");
                page.emplace("limit", "7");
                page.emplace("offset", std::to_string(offset));
                const ApiResponse answer = handle_search(got, page, got_values, got_shards);
                REQUIRE(answer.status == 200);
                const Comparable part = comparable(answer);
                for (const auto& r : part.body["results"]) pages.push_back(r);
            }
            INFO("paging q=" << q << " sort=" << sort);
            CHECK(pages == whole.body["results"]);
        }
    }
    std::set<std::string> numbers = {"57-NQ/TW", "57-NQ-TW", "60-NQ/TW", "1656/NQ-UBTVQH15"};
    std::size_t documents = 0;
    for (auto t = want.allterms_begin(std::string(schema::kId));
         t != want.allterms_end(std::string(schema::kId)); ++t) {
        const std::string id = (*t).substr(schema::kId.size());
        INFO("document " << id);
        const ApiResponse a = handle_document(want, id), b = handle_document(got, id);
        REQUIRE(a.status == 200);
        check_same(a, b);
        const nlohmann::json doc = a.json();
        if (doc.contains("fields") && doc["fields"].contains("number") &&
            doc["fields"]["number"].is_string())
            numbers.insert(doc["fields"]["number"].get<std::string>());
        ++documents;
    }
    CHECK(documents == 41);
    for (const std::string& number : numbers) {
        INFO("references " << number);
        check_same(handle_references(want, number), handle_references(got, number));
    }
    const nlohmann::json a = handle_stats(want).json(), b = handle_stats(got).json();
    CHECK(a["documents"] == b["documents"]);
    CHECK(a["average_length"].get<double>() == Approx(b["average_length"].get<double>()));
}

}  // namespace

TEST_CASE("a stub database is read into its shards, Xapian's stub format", "[shards]") {
    test::TempDir tmp;
    fs::create_directories(tmp / "stub");
    test::write_file(tmp / "stub" / "XAPIANDB",
                     "# comment\n\nauto shard-0\nglass /abs/shard-1\nremote 127.0.0.1:8100\n"
                     "remote [::1]:8101\nremote :xapian-progsrv /srv/db\n");
    const auto shards = read_stub(stub_file_of(tmp / "stub"));
    REQUIRE(shards.size() == 5);
    CHECK(shards[0].spec() == (tmp / "stub" / "shard-0").string());  // relative to the stub
    CHECK(shards[1].spec() == "/abs/shard-1");
    CHECK(shards[2].spec() == "tcp://127.0.0.1:8100");
    CHECK(shards[3].spec() == "tcp://[::1]:8101");
    CHECK(shards[4].spec() == "prog:xapian-progsrv /srv/db");
    test::write_file(tmp / "bad", "auto a\ntcp 127.0.0.1 8100\n");
    CHECK_THROWS_AS(read_stub(tmp / "bad"), StubError);
    // A database folder is no stub, even with a stray XAPIANDB.
    CHECK(stub_file_of(layouts().one).empty());
    CHECK(stub_file_of(layouts().three) == layouts().three / "XAPIANDB");
}

TEST_CASE("a page's documents read shard by shard in parallel are the documents asked",
          "[shards][search]") {
    std::vector<Xapian::Database> shards;
    Xapian::Database combined;
    for (const auto& s : read_stub(layouts().three / "XAPIANDB")) {
        shards.emplace_back(s.spec());
        combined.add_database(shards.back());
    }
    std::vector<Xapian::docid> present;
    for (auto p = combined.postlist_begin(""); p != combined.postlist_end(""); ++p)
        present.push_back(*p);
    REQUIRE(present.size() > 20);
    std::mt19937 random(19);
    for (int round = 0; round < 50; ++round) {
        // Any documents, repeated or not, of any shard, in any order.
        std::vector<Xapian::docid> docids(random() % 12);
        for (auto& d : docids) d = present[random() % present.size()];
        INFO("round " << round);
        const auto read = page_documents(combined, docids, shards);
        REQUIRE(read.size() == docids.size());
        for (std::size_t i = 0; i < docids.size(); ++i) {
            CHECK(read[i].get_data() == combined.get_document(docids[i]).get_data());
            CHECK(read[i].get_value(schema::kSlotId) ==
                  combined.get_document(docids[i]).get_value(schema::kSlotId));
        }
    }
}

TEST_CASE("shards asked in parallel: each once, and an error only after every one has ended",
          "[shards][search]") {
    std::vector<std::atomic<int>> asked(5);
    ask_in_parallel({0, 1, 2, 3, 4}, [&](std::size_t shard) { ++asked[shard]; });
    for (const auto& a : asked) CHECK(a == 1);

    std::vector<std::atomic<bool>> ended(5);
    CHECK_THROWS_AS(ask_in_parallel({0, 1, 2, 3, 4},
                                    [&](std::size_t shard) {
                                        if (shard == 2) throw std::runtime_error("shard 2");
                                        // the others still at work when shard 2 fails
                                        std::this_thread::sleep_for(std::chrono::milliseconds(20));
                                        ended[shard] = true;
                                    }),
                    std::runtime_error);
    for (std::size_t shard : {0, 1, 3, 4}) CHECK(ended[shard]);
    ask_in_parallel({}, [](std::size_t) { FAIL("no shard to ask"); });
}

TEST_CASE("tracuu-index --shards writes each document once, on the shard of its id",
          "[shards][indexer]") {
    const Layouts& l = layouts();
    const auto shards = read_stub(l.three / "XAPIANDB");
    REQUIRE(shards.size() == 3);
    Xapian::Database one(l.one.string());
    std::size_t total = 0;
    std::vector<Xapian::Database> opened;
    for (const auto& s : shards) {
        opened.emplace_back(s.path);
        CHECK(opened.back().get_doccount() > 0);  // 41 documents spread over all three
        total += opened.back().get_doccount();
    }
    CHECK(total == one.get_doccount());
    ShardedWriter router(l.three, std::nullopt, 0);  // opens (and locks) the set
    CHECK(router.shard_count() == 3);
    const std::string prefix(schema::kId);
    for (auto t = one.allterms_begin(prefix); t != one.allterms_end(prefix); ++t) {
        const std::string id = (*t).substr(prefix.size());
        INFO(id);
        for (std::size_t i = 0; i < opened.size(); ++i)
            CHECK(opened[i].term_exists(*t) == (i == router.shard_of(id)));
    }
    // The set is locked while a writer has it.
    CHECK_THROWS_AS(ShardedWriter(l.three, std::nullopt, 0), IndexError);
}

TEST_CASE("a sharded index keeps its shard count and is updated shard by shard",
          "[shards][indexer]") {
    test::TempDir tmp;
    const fs::path corpus = test::bundled_corpus_dir();
    fs::create_directories(tmp / "files");
    fs::copy(corpus / "seeds", tmp / "files" / "seeds", fs::copy_options::recursive);
    const fs::path db = tmp / "db";
    auto indexer = [&](const fs::path& at) {
        return test::Indexer(at).root(tmp / "files").quiet();
    };
    REQUIRE(indexer(db).shards(2).run({tmp / "files"}).status == kExitOk);
    CHECK(Xapian::Database(db.string()).get_doccount() == 5);  // Xapian opens the stub itself
    // Without --shards: the stored count; a different one is refused, as is --shards on a plain
    // database.
    REQUIRE(indexer(db).run({tmp / "files"}).status == kExitOk);
    CHECK(indexer(db).shards(3).run({tmp / "files"}).status == kExitFatal);
    REQUIRE(indexer(tmp / "plain").run({tmp / "files"}).status == kExitOk);
    CHECK(indexer(tmp / "plain").shards(2).run({tmp / "files"}).status == kExitFatal);
    {
        ShardedWriter writer(db, std::nullopt, 0);
        CHECK(writer.shard_count() == 2);
        const std::string first =
            (*fs::directory_iterator(tmp / "files" / "seeds")).path().filename();
        // Unchanged files are known to their shard; a removed one is pruned from it.
        CHECK(writer.source_facts("seeds/" + first).has_value());
        fs::remove(tmp / "files" / "seeds" / first);
    }
    REQUIRE(indexer(db).args({"--prune"}).run({tmp / "files"}).status == kExitOk);
    CHECK(Xapian::Database(db.string()).get_doccount() == 4);
    {
        ShardedWriter writer(db, std::nullopt, 0);
        const auto ids = writer.ids_with_prefix("seeds/");
        REQUIRE(ids.size() == 4);
        CHECK(writer.remove(ids.front()));
        CHECK_FALSE(writer.remove(ids.front()));
        writer.commit();
        CHECK(writer.document_count() == 3);
    }
}

TEST_CASE("one database and three local shards answer alike on every endpoint",
          "[shards][search]") {
    DatabaseSet one({layouts().one.string()}), three({layouts().three.string()});
    one.load_values();
    three.load_values();
    one.current();
    three.current();
    REQUIRE(one.values());
    const auto table = three.values();
    REQUIRE(table);
    CHECK(table->shard_count() == 3);  // the value table serves the shards
    SECTION("with the value tables") {
        check_equivalent(one, three, false);
        CHECK(table->filters().entries() >= 1);  // compound issuer filters kept per shard
    }
    SECTION("reading Xapian's values") {
        check_equivalent(one, three, false, false);
    }
}

TEST_CASE("one database and three remote shards (xapian-tcpsrv) answer alike",
          "[shards][search][remote]") {
    const auto shards = read_stub(layouts().three / "XAPIANDB");
    std::vector<std::unique_ptr<TcpServer>> servers;
    std::string stub;
    for (const auto& s : shards) {
        servers.push_back(std::make_unique<TcpServer>(s.path));
        stub += "remote 127.0.0.1:" + std::to_string(servers.back()->port()) + "\n";
    }
    test::TempDir tmp;
    test::write_file(tmp / "XAPIANDB", stub);
    DatabaseSet one({layouts().one.string()}), remote({(tmp / "XAPIANDB").string()});
    one.load_values();
    one.current();
    remote.current();
    CHECK(remote.values() == nullptr);  // values are read remotely
    // Remote shards order equal scores by document number.
    check_equivalent(one, remote, true);
}

TEST_CASE("remote shards: statuses keyed by a revision read once between commits, at once after",
          "[shards][search][remote][status]") {
    test::TempDir dir;
    const fs::path root = dir / "docs";
    test::write_replaced_and_replacing(root);  // makes the folder
    const fs::path db = dir / "db";
    auto index = [&](const fs::path& file) {
        const test::IndexRun run = test::Indexer(db).quiet().shards(2).root(root).run({file});
        INFO(run);
        REQUIRE(run.status == 0);
    };
    index(root / "a.txt");
    std::vector<std::unique_ptr<TcpServer>> servers;
    std::string stub;
    for (const auto& s : read_stub(db / "XAPIANDB")) {
        servers.push_back(std::make_unique<TcpServer>(s.spec()));
        stub += "remote 127.0.0.1:" + std::to_string(servers.back()->port()) + "\n";
    }
    test::write_file(dir / "XAPIANDB", stub);
    DatabaseSet remote({(dir / "XAPIANDB").string()});
    auto replaced = [&] {
        Xapian::Database& db = remote.current();
        RemoteShards* kept = remote.remote_shards();
        REQUIRE(kept != nullptr);
        const ApiResponse r = handle_search(db, {{"status", "replaced"}}, nullptr, kept);
        REQUIRE(r.status == 200);
        return r.json()["total"].get<int>();
    };
    CHECK(replaced() == 0);
    const std::string first = remote.remote_shards()->revision;
    CHECK_FALSE(first.empty());
    CHECK(replaced() == 0);
    CHECK(remote.remote_shards()->revision == first);  // no commit: kept, not read again

    index(root / "b.txt");  // a.txt is not indexed again: only the table says it is replaced
    remote.current();
    CHECK(remote.remote_shards()->revision.empty());  // the reopen saw the commit
    CHECK(replaced() == 1);
    CHECK_FALSE(remote.remote_shards()->revision.empty());
    CHECK(remote.remote_shards()->revision != first);
}

TEST_CASE("remote shards past count_at_least: totals scaled from how far their first matches reach",
          "[shards][search][remote]") {
    // Each remote shard stops early; Xapian's own estimate then multiplies term frequencies as
    // if independent, which words that go together (an issuer's) are not. The total is scaled
    // from how far into the documents the first matches reach (searcher.cpp count_pass). 600
    // generated documents (the bundled texts over and over, so every word is spread evenly) and
    // a count_at_least of 60 make each shard stop early.
    test::TempDir dir;
    const fs::path docs = dir / "docs";
    test::generate_documents(docs, 600, 1);
    const fs::path one_path = dir / "one", three_path = dir / "three";
    REQUIRE(test::Indexer(one_path).root(docs).quiet().run({docs}).status == 0);
    REQUIRE(test::Indexer(three_path).root(docs).shards(3).quiet().run({docs}).status == 0);
    std::vector<std::unique_ptr<TcpServer>> servers;
    std::string stub;
    for (const auto& s : read_stub(three_path / "XAPIANDB")) {
        servers.push_back(std::make_unique<TcpServer>(s.path));
        stub += "remote 127.0.0.1:" + std::to_string(servers.back()->port()) + "\n";
    }
    test::write_file(dir / "XAPIANDB", stub);
    Xapian::Database one(one_path.string());
    Xapian::Database remote((dir / "XAPIANDB").string());
    const std::vector<std::pair<std::string, std::vector<QueryPart>>> searches = {
        {"nghị quyết", {}},
        {"ban hành", {}},
        {"quy dinh", {}},
        {"thủ tục hành chính", {}},
        {"", {{"nghị quyết", QueryField::Type}}},
        {"", {{"Ủy ban Thường vụ Quốc hội", QueryField::Issuer}}},
        {"", {{"Sở Giáo dục và Đào tạo", QueryField::Issuer}}},
        {"", {{"Ủy ban nhân dân", QueryField::Issuer}}},
    };
    constexpr Xapian::doccount kAtLeast = 60;
    std::size_t estimated_past = 0;
    for (const auto& [q, filters] : searches) {
        SearchRequest request;
        request.q = q;
        request.filters = filters;
        request.facets = true;
        request.count_at_least = kAtLeast;
        SearchRequest whole = request;
        whole.count_at_least = one.get_doccount();
        const SearchResult truth = search(one, whole);
        const SearchResult estimated = search(remote, request);
        INFO("q=" << q << " filters=" << filters.size() << ": truth " << truth.total << ", remote "
                  << estimated.total << (estimated.total_exact ? " exact" : ""));
        REQUIRE(truth.total_exact);
        if (estimated.total_exact || truth.total <= kAtLeast) {
            CHECK(estimated.total == truth.total);
            continue;
        }
        ++estimated_past;
        CHECK(2 * estimated.total >= truth.total);
        CHECK(estimated.total <= 2 * truth.total);
    }
    CHECK(estimated_past >= 3);
}

TEST_CASE("a remote shard that stops answering gives 503 naming it, and serving resumes",
          "[shards][remote][server]") {
    const auto shards = read_stub(layouts().three / "XAPIANDB");
    std::vector<std::unique_ptr<TcpServer>> servers;
    std::string stub;
    for (const auto& s : shards) {
        servers.push_back(std::make_unique<TcpServer>(s.path));
        stub += "remote 127.0.0.1:" + std::to_string(servers.back()->port()) + "\n";
    }
    test::TempDir tmp;
    fs::create_directories(tmp / "remote");
    test::write_file(tmp / "remote" / "XAPIANDB", stub);
    test::ServerProcess server(tmp / "remote");
    httplib::Client client("127.0.0.1", server.port());
    auto search = [&] { return client.Get("/api/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt"); };
    auto ok = search();
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(nlohmann::json::parse(ok->body)["total"] == 41);

    const int port = servers[1]->port();
    servers[1]->stop();
    for (int i = 0; i < 3; ++i) {  // the open connection fails, then reconnecting does
        auto down = search();
        REQUIRE(down);
        INFO(down->body);
        CHECK(down->status == 503);
        const auto error = nlohmann::json::parse(down->body)["error"];
        CHECK(error["code"] == "shard_unavailable");
        CHECK(error["message"].get<std::string>().find(std::to_string(port)) != std::string::npos);
        CHECK(error["shards"] ==
              nlohmann::json::array({"tcp://127.0.0.1:" + std::to_string(port)}));
    }
    auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 503);

    servers[1]->start(port);  // back: asked again within a second (ShardHealth's retry)
    CHECK(test::poll_until(std::chrono::seconds(60), [&] {
        auto again = search();
        return again && again->status == 200 && nlohmann::json::parse(again->body)["total"] == 41;
    }));
}

TEST_CASE("a stub database never answers 500", "[shards][server]") {
    // The lead's reproduction: two databases listed in a stub folder.
    test::TempDir tmp;
    const fs::path corpus = test::bundled_corpus_dir();
    REQUIRE(test::Indexer(tmp / "dbA").root(corpus).quiet().run({corpus / "seeds"}).status ==
            kExitOk);
    REQUIRE(test::Indexer(tmp / "dbB").root(corpus).quiet().run({corpus / "ubtvqh-2025"}).status ==
            kExitOk);
    fs::create_directories(tmp / "stub2");
    test::write_file(tmp / "stub2" / "XAPIANDB",
                     "auto ../dbA\nauto " + (tmp / "dbB").string() + "\n");
    test::ServerProcess server(tmp / "stub2");
    httplib::Client client("127.0.0.1", server.port());
    for (const char* path : {"/api/search?q=xa", "/api/search?issuer=UBTVQH&sort=oldest",
                             "/api/stats", "/healthz", "/metrics", "/api/references/57-NQ-TW"}) {
        auto res = client.Get(path);
        REQUIRE(res);
        INFO(path << ": " << res->body);
        CHECK(res->status == 200);
    }
    auto metrics = client.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->body.find("tracuu_index_shards 2\n") != std::string::npos);
    auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(nlohmann::json::parse(health->body)["shards"] == 2);
    // A stub that cannot be read: 503 with the reason.
    test::write_file(tmp / "stub2" / "XAPIANDB", "nonsense line\n");
    auto bad = client.Get("/api/search?q=xa");
    REQUIRE(bad);
    CHECK(bad->status == 503);
    CHECK(nlohmann::json::parse(bad->body)["error"]["code"] == "unavailable");
}

TEST_CASE("a replica kept by xapian-replicate is served and follows the master's commits",
          "[shards][replica]") {
    REQUIRE(fs::exists("/usr/bin/xapian-replicate-server"));  // xapian-tools
    test::TempDir tmp;
    const fs::path corpus = test::bundled_corpus_dir();
    // The indexer keeps changesets for replicas to pull; a compacted database is a new one (a
    // full copy), so it never compacts.
    const auto master_indexer = test::Indexer(tmp / "master" / "db")
                                    .root(corpus)
                                    .quiet()
                                    .args({"--no-compact"})
                                    .env("XAPIAN_MAX_CHANGESETS", "10");
    REQUIRE(master_indexer.run({corpus / "seeds"}).status == kExitOk);

    // xapian-replicate-server publishes the master's folder, in its own process group.
    const int port = test::free_port();
    const pid_t publisher = ::fork();
    REQUIRE(publisher >= 0);
    if (publisher == 0) {
        ::setpgid(0, 0);
        const std::string port_text = std::to_string(port);
        const std::string folder = (tmp / "master").string();
        ::execl("/usr/bin/xapian-replicate-server", "xapian-replicate-server", "--interface",
                "127.0.0.1", "--port", port_text.c_str(), folder.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::setpgid(publisher, publisher);
    struct Stop {
        pid_t pid;
        ~Stop() {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    } stop{publisher};
    // It says nothing when ready: its port accepting a connection is the sign.
    bool listening = false;
    for (int attempt = 0; attempt < 2000 && !listening; ++attempt) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        listening = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        ::close(fd);
        if (!listening) ::usleep(5000);
    }
    REQUIRE(listening);

    const std::string pull = "xapian-replicate --host 127.0.0.1 --port " + std::to_string(port) +
                             " --master db --reader-time 0 --one-shot " +
                             (tmp / "replica" / "db").string();
    fs::create_directories(tmp / "replica");  // xapian-replicate makes the last folder only
    std::string output;
    const int pulled = test::run_command(pull, output);
    INFO(pull << ": " << output);
    REQUIRE(pulled == 0);
    DatabaseSet replica({(tmp / "replica" / "db").string()});
    CHECK(replica.current().get_doccount() == 5);

    // A commit on the master reaches the replica at its next pull; the same server follows.
    REQUIRE(master_indexer.run({corpus / "ubtvqh-2025"}).status == kExitOk);
    const int pulled_again = test::run_command(pull, output);
    INFO(pull << ": " << output);
    REQUIRE(pulled_again == 0);
    Xapian::Database& db = replica.current();
    CHECK(db.get_doccount() == 41);
    DatabaseSet master({(tmp / "master" / "db").string()});
    check_same(handle_search(master.current(), {{"q", "nghị quyết"}, {"limit", "50"}}),
               handle_search(db, {{"q", "nghị quyết"}, {"limit", "50"}}));
}

TEST_CASE("kill -9 of an indexer writing 4 shards: every shard opens, each document once",
          "[shards][crash]") {
    test::TempDir tmp;
    const fs::path root = fs::canonical(tmp.path());
    const auto names = test::generate_documents(root / "inbox", 200, 1);
    const fs::path db = root / "db";
    const auto indexer = test::Indexer(db).root(root).shards(4).batch(10).quiet();
    // Every id once over all shards, with its text whole.
    auto check = [&](std::size_t at_most) {
        if (!fs::exists(db)) return std::size_t{0};  // killed before the folder was whole
        Xapian::Database reader(db.string());        // every shard opens
        REQUIRE(reader.size() == 4);
        const std::string prefix(schema::kId);
        std::size_t ids = 0;
        for (auto t = reader.allterms_begin(prefix); t != reader.allterms_end(prefix); ++t) {
            INFO(*t);
            CHECK(t.get_termfreq() == 1);
            ++ids;
        }
        CHECK(ids == reader.get_doccount());
        CHECK(ids <= at_most);
        for (auto p = reader.postlist_begin(""); p != reader.postlist_end(""); ++p)
            CHECK(!reader.get_document(*p).get_data().empty());
        return ids;
    };
    std::mt19937 random(19);
    for (int attempt = 0; attempt < 8; ++attempt) {
        if (attempt % 4 == 0) fs::remove_all(db);  // some kills while the folder is made
        test::IndexProcess run = indexer.start({root / "inbox"});
        // The moment of the kill is the fault injected, not a wait for anything.
        std::this_thread::sleep_for(std::chrono::milliseconds(random() % 400));
        run.signal(SIGKILL);
        run.wait();
        check(names.size());
    }
    const test::IndexRun last = indexer.run({root / "inbox"});
    INFO(last);
    REQUIRE(last.signal == 0);
    CHECK(last.status == 0);
    CHECK(check(names.size()) == names.size());
}
