// The three systems the benchmark compares, behind one interface: tracuu, stock Xapian
// (TermGenerator + QueryParser with their defaults) and SQLite FTS5 (unicode61 remove_diacritics 2,
// bm25). Baselines index the files' text as it is, as a user of those tools would.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tracuu::bench {

/// One query of a mix: what tracuu is asked (URL parameters) and what a baseline is asked (text).
struct QueryCase {
    std::string kind;  ///< keyword, keyword_plain, number, issuer, cites...
    std::multimap<std::string, std::string> params;  ///< tracuu /api/search parameters
    std::string text;  ///< the same need as plain text for the baselines
};

/// Reads `kind<TAB>tracuu parameters<TAB>baseline text` rows; parameters as `q=chuyển đổi
/// số&issuer=...`.
std::vector<QueryCase> read_query_mix(const std::filesystem::path& file);

struct Hit {
    std::string id;
    std::string snippet;
};

class Engine {
  public:
    virtual ~Engine() = default;
    /// The top `limit` hits, with snippets, as the system would show them.
    virtual std::vector<Hit> search(const QueryCase& query, std::size_t limit) = 0;
    /// The whole answer as the server sends it, for a fair cost: by default the hits as JSON
    /// (the baselines' servers); tracuu sends its own /api/search body.
    virtual std::string answer(const QueryCase& query, std::size_t limit);
};

/// Opens a database built by index_files() for `engine` ("tracuu", "xapian" or "sqlite").
std::unique_ptr<Engine> open_engine(const std::string& engine, const std::filesystem::path& db);

struct IndexCount {
    std::size_t documents = 0;
    uint64_t bytes = 0;
};

/// Indexes every .txt under `inputs` with ids relative to `root` ("tracuu" goes through the same
/// library calls as tracuu-index, including the directive parser).
IndexCount index_files(const std::string& engine, const std::filesystem::path& db,
                       const std::filesystem::path& root,
                       const std::vector<std::filesystem::path>& inputs);

}  // namespace tracuu::bench
