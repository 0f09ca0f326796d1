#include "engines.hpp"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <xapian.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "analyzers/code_tables.hpp"
#include "analyzers/utf8.hpp"
#include "index/stored_document.hpp"
#include "index/stub_database.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/source_extraction.hpp"
#include "indexer/source_files.hpp"
#include "search/searcher.hpp"
#include "server/api.hpp"

namespace tracuu::bench {
namespace fs = std::filesystem;

std::vector<QueryCase> read_query_mix(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::stringstream s;
    s << in.rdbuf();
    const std::string table = s.str();
    std::vector<QueryCase> mix;
    for (const auto& row : parse_tsv(table)) {
        if (row.size() < 3) continue;
        QueryCase q{std::string(row[0]), {}, std::string(row[2])};
        std::string_view params = row[1];
        while (!params.empty()) {
            const auto amp = params.find('&');
            const std::string_view pair = params.substr(0, amp);
            const auto eq = pair.find('=');
            if (eq != std::string_view::npos)
                q.params.emplace(pair.substr(0, eq), pair.substr(eq + 1));
            params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
        }
        mix.push_back(std::move(q));
    }
    return mix;
}

std::string Engine::answer(const QueryCase& query, std::size_t limit) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& h : search(query, limit))
        results.push_back({{"id", h.id}, {"snippet", h.snippet}});
    return nlohmann::json{{"results", results}}.dump(-1, ' ', false,
                                                     nlohmann::json::error_handler_t::replace);
}

namespace {

constexpr std::size_t kCommitEvery = 1000;

// --- tracuu ----------------------------------------------------------------------------------

class TracuuEngine : public Engine {
  public:
    // The value table as the server keeps it: read once for the database's revision, one part
    // per local shard of a stub (a table of the combined database would not be used).
    explicit TracuuEngine(const fs::path& db) : db_(db.string()), values_(read_values(db)) {}

    std::vector<Hit> search(const QueryCase& query, std::size_t limit) override {
        const nlohmann::json body = run(query, limit).json();
        std::vector<Hit> hits;
        for (const auto& r : body.value("results", nlohmann::json::array())) {
            hits.push_back({r["id"].get<std::string>(), r["snippet"].get<std::string>()});
        }
        return hits;
    }

    std::string answer(const QueryCase& query, std::size_t limit) override {
        return run(query, limit).text();
    }

  private:
    ApiResponse run(const QueryCase& query, std::size_t limit) {
        Params params(query.params.begin(), query.params.end());
        params.erase("limit");
        params.emplace("limit", std::to_string(limit));
        return handle_search(db_, params, values_);
    }
    static std::shared_ptr<const ValueTable> read_values(const fs::path& db) {
        const fs::path stub = stub_file_of(db);
        if (stub.empty()) return std::make_shared<const ValueTable>(Xapian::Database(db.string()));
        std::vector<Xapian::Database> shards;
        for (const StubShard& shard : read_stub(stub)) {
            if (shard.kind != StubShard::Kind::Local) return nullptr;  // as the server: none
            shards.emplace_back(shard.path);
        }
        return std::make_shared<const ValueTable>(shards);
    }

    Xapian::Database db_;
    std::shared_ptr<const ValueTable> values_;
};

// --- stock Xapian ----------------------------------------------------------------------------

class XapianEngine : public Engine {
  public:
    explicit XapianEngine(const fs::path& db) : db_(db.string()) { parser_.set_database(db_); }

    std::vector<Hit> search(const QueryCase& query, std::size_t limit) override {
        std::vector<Hit> hits;
        Xapian::Query q = parser_.parse_query(query.text);
        Xapian::Enquire enquire(db_);
        enquire.set_query(q);
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const Xapian::Document doc = it.get_document();
            const std::string data = doc.get_data();
            const auto eol = data.find('\n');
            hits.push_back({data.substr(0, eol), mset.snippet(data.substr(eol + 1), 200)});
        }
        return hits;
    }

  private:
    Xapian::Database db_;
    Xapian::QueryParser parser_;
};

// --- SQLite FTS5 -----------------------------------------------------------------------------

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
    }
}

/// What a user would pass to MATCH: the words of the query, each quoted (FTS5 syntax would
/// choke on `57-NQ/TW`), ANDed by juxtaposition.
std::string fts5_match(std::string_view text) {
    std::string out, word;
    std::size_t pos = 0;
    auto flush = [&] {
        if (word.empty()) return;
        if (!out.empty()) out.push_back(' ');
        out += "\"" + word + "\"";
        word.clear();
    };
    while (pos < text.size()) {
        const std::size_t start = pos;
        const auto c = static_cast<UChar32>(utf8::next(text, pos));
        if (u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK) {
            word.append(text.substr(start, pos - start));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

class SqliteEngine : public Engine {
  public:
    explicit SqliteEngine(const fs::path& db) {
        check(sqlite3_open_v2(db.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr), db_, "open");
        check(sqlite3_prepare_v2(
                  db_,
                  "SELECT id, snippet(docs, 1, '<mark>', '</mark>', '…', 30) FROM docs "
                  "WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT ?2",
                  -1, &stmt_, nullptr),
              db_, "prepare");
    }
    ~SqliteEngine() override {
        sqlite3_finalize(stmt_);
        sqlite3_close(db_);
    }

    std::vector<Hit> search(const QueryCase& query, std::size_t limit) override {
        std::vector<Hit> hits;
        const std::string match = fts5_match(query.text);
        if (match.empty()) return hits;
        sqlite3_reset(stmt_);
        sqlite3_bind_text(stmt_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(stmt_, 2, static_cast<int>(limit));
        while (sqlite3_step(stmt_) == SQLITE_ROW) {
            hits.push_back({reinterpret_cast<const char*>(sqlite3_column_text(stmt_, 0)),
                            reinterpret_cast<const char*>(sqlite3_column_text(stmt_, 1))});
        }
        return hits;
    }

  private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

template <class Each>
IndexCount for_each_file(const fs::path& root, const std::vector<fs::path>& inputs, Each each) {
    IndexCount count;
    const Discovery found = discover_sources(inputs, fs::absolute(root).lexically_normal());
    for (const SourceFile& file : found.files) {
        std::string text;
        try {
            text = extract_file(file.path, {}).text;
        } catch (const SourceError&) {
            continue;
        }
        each(file.id, text);
        ++count.documents;
        count.bytes += text.size();
    }
    return count;
}

}  // namespace

std::unique_ptr<Engine> open_engine(const std::string& engine, const fs::path& db) {
    if (engine == "tracuu") return std::make_unique<TracuuEngine>(db);
    if (engine == "xapian") return std::make_unique<XapianEngine>(db);
    if (engine == "sqlite") return std::make_unique<SqliteEngine>(db);
    throw std::runtime_error("unknown engine '" + engine + "' (tracuu, xapian, sqlite)");
}

IndexCount index_files(const std::string& engine, const fs::path& db, const fs::path& root,
                       const std::vector<fs::path>& inputs) {
    if (engine == "tracuu") {
        IndexWriter writer(db, root);
        std::size_t pending = 0;
        const IndexCount count =
            for_each_file(root, inputs, [&](const std::string& id, const std::string& text) {
                writer.put(prepare_document(id, text));
                if (++pending == kCommitEvery) {
                    writer.commit();
                    pending = 0;
                }
            });
        writer.commit();
        // As tracuu-index ends a run that created the database.
        if (writer.should_compact(count.documents)) writer.compact();
        return count;
    }
    if (engine == "xapian") {
        Xapian::WritableDatabase out(db.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator generator;  // defaults: no stemmer, positions on
        std::size_t pending = 0;
        const IndexCount count =
            for_each_file(root, inputs, [&](const std::string& id, const std::string& text) {
                Xapian::Document doc;
                generator.set_document(doc);
                generator.index_text(text);
                doc.set_data(id + "\n" + text);
                doc.add_boolean_term("Q" + id);
                out.replace_document("Q" + id, doc);
                if (++pending == kCommitEvery) {
                    out.commit();
                    pending = 0;
                }
            });
        out.commit();
        return count;
    }
    if (engine == "sqlite") {
        fs::remove(db);
        sqlite3* out = nullptr;
        check(sqlite3_open(db.c_str(), &out), out, "open");
        check(sqlite3_exec(out,
                           "PRAGMA journal_mode=WAL;"
                           "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, "
                           "tokenize='unicode61 remove_diacritics 2');",
                           nullptr, nullptr, nullptr),
              out, "create");
        sqlite3_stmt* insert = nullptr;
        check(sqlite3_prepare_v2(out, "INSERT INTO docs(id, body) VALUES (?1, ?2)", -1, &insert,
                                 nullptr),
              out, "prepare");
        check(sqlite3_exec(out, "BEGIN", nullptr, nullptr, nullptr), out, "begin");
        std::size_t pending = 0;
        const IndexCount count =
            for_each_file(root, inputs, [&](const std::string& id, const std::string& text) {
                sqlite3_reset(insert);
                sqlite3_bind_text(insert, 1, id.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(insert, 2, text.c_str(), static_cast<int>(text.size()),
                                  SQLITE_TRANSIENT);
                check(sqlite3_step(insert), out, "insert");
                if (++pending == kCommitEvery) {
                    check(sqlite3_exec(out, "COMMIT; BEGIN", nullptr, nullptr, nullptr), out,
                          "commit");
                    pending = 0;
                }
            });
        check(sqlite3_exec(out, "COMMIT", nullptr, nullptr, nullptr), out, "commit");
        sqlite3_finalize(insert);
        sqlite3_close(out);
        return count;
    }
    throw std::runtime_error("unknown engine '" + engine + "' (tracuu, xapian, sqlite)");
}

}  // namespace tracuu::bench
