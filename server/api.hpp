// The JSON API as free functions: parsed request in, status + JSON out. No sockets here, so
// every endpoint is tested directly; http_server.cpp only adapts cpp-httplib to these.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "search/searcher.hpp"
#include "search/value_table.hpp"

namespace tracuu {

using Params = std::multimap<std::string, std::string>;

struct ApiResponse {
    ApiResponse() = default;
    ApiResponse(int status, nlohmann::json body) : status(status), body(std::move(body)) {}

    int status = 200;
    nlohmann::json body;
    /// The body already rendered as JSON text (search results splice stored lines); when set,
    /// `body` is unused.
    std::string rendered;
    /// The body gzip-compressed, when that was done already (the result cache keeps both).
    std::string gzipped;
    /// Served from the server's result cache.
    bool cached = false;
    /// Whether the answer may be kept as its revision's (SearchResult::statuses_current).
    bool cacheable = true;
    /// A 200 that says nothing was found (references of a number no document has or cites):
    /// with shards missing it may be on them, as a 404 may (mark_partial).
    bool found_nothing = false;

    /// The body as sent.
    std::string text() const;
    /// The body as JSON (parsed again when it was rendered).
    nlohmann::json json() const;
};

/// Limits on what a request may ask for.
/// `q` and each filter, in characters (code points).
inline constexpr std::size_t kMaxQueryCharacters = 1000;
inline constexpr std::size_t kDefaultLimit = 10;
inline constexpr std::size_t kMaxLimit = 100;
inline constexpr std::size_t kMaxOffset = 10000;
/// Rows of a CSV export (`format=csv`): its default and largest `limit`.
inline constexpr std::size_t kMaxCsvRows = 10000;

/// {"error": {"code", "message", "parameter"?}} with `status`.
ApiResponse error_response(int status, const std::string& code, const std::string& message,
                           const std::string& parameter = {});

/// 503 `shard_unavailable`: remote shards that do not answer, their addresses in `shards`.
ApiResponse shard_unavailable_response(const std::string& message,
                                       const std::vector<std::string>& shards);

/// Marks an answer searched without some shards: `"partial": true` and `"missing_shards"` (their
/// addresses) in its JSON object. A 404, or an answer that found nothing, becomes a 503 naming
/// them: what was not found may be on a missing shard.
void mark_partial(ApiResponse& answer, const std::vector<std::string>& missing);

/// The parameters of GET /api/search, checked: the search, and whether CSV was asked for.
struct SearchQuery {
    SearchRequest request;
    bool csv = false;
};
/// The search `params` ask for, or the 400 answer naming the parameter that is wrong.
std::variant<SearchQuery, ApiResponse> read_search_query(const Params& params);

/// GET /api/search. `values`: a ValueTable read from `db` at its revision, or null. `remote`:
/// what the caller keeps of `db`'s shards when some are remote (search()), or null.
ApiResponse handle_search(const Xapian::Database& db, const Params& params,
                          const std::shared_ptr<const ValueTable>& values = nullptr,
                          RemoteShards* remote = nullptr);

class ResultCache;

/// GET /api/search through `cache`: the answer kept for the same parameters (in any order) on
/// database `version` (DatabaseSet::version(); empty: nothing is reused or kept), else searched,
/// and kept when it is a 200. A reused answer is marked `cached`.
ApiResponse handle_search(const Xapian::Database& db, const Params& params,
                          const std::shared_ptr<const ValueTable>& values, ResultCache& cache,
                          const std::string& version, RemoteShards* remote = nullptr);

/// The 400 for a parameter given to an endpoint that takes none (a document, its source, the
/// statistics), as /api/search answers one it does not know; nullopt when none is given.
std::optional<ApiResponse> refuse_parameters(const Params& params);

/// GET /api/documents/{id}
ApiResponse handle_document(const Xapian::Database& db, const std::string& id);

/// GET /api/references/{number}?offset=&limit= (limit 1–100, default 100; offset up to 10 000)
ApiResponse handle_references(const Xapian::Database& db, const std::string& number,
                              const Params& params = {});

/// GET /api/stats
ApiResponse handle_stats(const Xapian::Database& db);

}  // namespace tracuu
