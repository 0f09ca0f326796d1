#include "api.hpp"

#include <chrono>
#include <set>

#include "analyzers/utf8.hpp"
#include "gzip.hpp"
#include "index/document_id.hpp"
#include "index/find_document.hpp"
#include "index/stored_citations.hpp"
#include "index/stored_document.hpp"
#include "result_cache.hpp"
#include "search/citations_lookup.hpp"
#include "search/status_table.hpp"
#include "search_json.hpp"
#include "source_file.hpp"

namespace tracuu {
namespace {

class BadParameter : public std::runtime_error {
  public:
    BadParameter(std::string parameter, const std::string& message)
        : std::runtime_error(message), parameter(std::move(parameter)) {}
    std::string parameter;
};

/// The single value of `name`, or `fallback`; a repeated parameter is an error.
std::string single(const Params& params, const std::string& name,
                   const std::string& fallback = {}) {
    const auto count = params.count(name);
    if (count == 0) return fallback;
    if (count > 1) throw BadParameter(name, "'" + name + "' is given more than once");
    const std::string& value = params.find(name)->second;
    if (!utf8::is_valid(value)) throw BadParameter(name, "'" + name + "' is not valid UTF-8");
    return value;
}

std::size_t bounded_number(const Params& params, const std::string& name, std::size_t fallback,
                           std::size_t low, std::size_t high) {
    const std::string text = single(params, name);
    if (text.empty()) return fallback;
    std::size_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || value > high) {
            throw BadParameter(name, "'" + name + "' must be a whole number from " +
                                         std::to_string(low) + " to " + std::to_string(high));
        }
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    if (value < low || value > high) {
        throw BadParameter(name, "'" + name + "' must be a whole number from " +
                                     std::to_string(low) + " to " + std::to_string(high));
    }
    return value;
}

/// `relation=`: one of citation_relation_names(), or empty.
std::string relation_parameter(const Params& params) {
    const std::string value = single(params, "relation");
    if (value.empty()) return value;
    const auto& names = citation_relation_names();
    if (std::find(names.begin(), names.end(), value) == names.end()) {
        throw BadParameter("relation",
                           "'relation' must be basis, implements, guides, amends, replaces, "
                           "repeals, corrects, consolidates or mentions");
    }
    return value;
}

/// `status=`: status_names(), comma-separated (any of them), or empty.
std::vector<std::string> status_parameter(const Params& params) {
    const std::string value = single(params, "status");
    std::vector<std::string> out;
    if (value.empty()) return out;
    const auto& names = status_names();
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t end = std::min(value.find(',', start), value.size());
        const std::string name = value.substr(start, end - start);
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            throw BadParameter("status",
                               "'status' must be in_force, not_yet_in_force, amended, "
                               "partly_repealed, replaced, repealed, expired or unknown (several "
                               "separated by commas)");
        }
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        start = end + 1;
    }
    return out;
}

void reject_unknown(const Params& params, const std::set<std::string>& known) {
    for (const auto& [name, value] : params) {
        if (!known.count(name)) throw BadParameter(name, "unknown parameter '" + name + "'");
    }
}

SearchQuery read_search(const Params& params) {
    std::set<std::string> known = {"q",  "limit",  "offset",   "sort",  "from",
                                   "to", "format", "relation", "status"};
    for (const auto& row : query_field_names()) known.emplace(row.parameter);
    reject_unknown(params, known);

    SearchQuery query;
    // Empty means the default, as for every other parameter (a form's empty select sends it).
    std::string format = single(params, "format");
    if (format.empty()) format = "json";
    if (format != "json" && format != "csv")
        throw BadParameter("format", "'format' must be json or csv");
    query.csv = format == "csv";
    SearchRequest& request = query.request;
    request.q = single(params, "q");
    if (utf8::code_points(request.q) > kMaxQueryCharacters) {
        throw BadParameter(
            "q", "'q' is longer than " + std::to_string(kMaxQueryCharacters) + " characters");
    }
    request.limit = query.csv ? bounded_number(params, "limit", kMaxCsvRows, 1, kMaxCsvRows)
                              : bounded_number(params, "limit", kDefaultLimit, 1, kMaxLimit);
    request.offset = bounded_number(params, "offset", 0, 0, kMaxOffset);
    const std::string sort = single(params, "sort");
    if (sort.empty() || sort == "relevance") {
        request.sort = SortOrder::Relevance;
    } else if (sort == "date" || sort == "newest") {
        request.sort = SortOrder::DateNewest;
    } else if (sort == "oldest") {
        request.sort = SortOrder::DateOldest;
    } else {
        throw BadParameter("sort", "'sort' must be relevance, date (newest first) or oldest");
    }
    for (const auto& row : query_field_names()) {
        const std::string name(row.parameter);
        const std::string value = single(params, name);
        if (utf8::code_points(value) > kMaxQueryCharacters)
            throw BadParameter(name, "'" + name + "' is longer than " +
                                         std::to_string(kMaxQueryCharacters) + " characters");
        if (!value.empty()) request.filters.push_back({value, row.field});
    }
    request.relation = relation_parameter(params);
    if (!request.relation.empty() && single(params, "cites").empty()) {
        throw BadParameter("relation",
                           "'relation' needs 'cites': the documents related so to that number");
    }
    request.statuses = status_parameter(params);
    request.date_from = single(params, "from");
    request.date_to = single(params, "to");
    request.facets = !query.csv;
    request.snippets = !query.csv;
    return query;
}

/// The parameters in one order: the same search asked with its parameters in any order.
std::string cache_key(const Params& params) {
    std::string key;
    for (const auto& [name, value] : params) {
        key += name;
        key += '\x1f';
        key += value;
        key += '\x1e';
    }
    return key;
}

}  // namespace

std::string ApiResponse::text() const {
    return rendered.empty() ? json_text(body) : rendered;
}

nlohmann::json ApiResponse::json() const {
    return rendered.empty() ? body : nlohmann::json::parse(rendered);
}

ApiResponse error_response(int status, const std::string& code, const std::string& message,
                           const std::string& parameter) {
    nlohmann::json error = {{"code", code}, {"message", message}};
    if (!parameter.empty()) error["parameter"] = parameter;
    return {status, {{"error", error}}};
}

ApiResponse shard_unavailable_response(const std::string& message,
                                       const std::vector<std::string>& shards) {
    ApiResponse answer = error_response(503, "shard_unavailable", message);
    answer.body["error"]["shards"] = shards;
    return answer;
}

void mark_partial(ApiResponse& answer, const std::vector<std::string>& missing) {
    if (missing.empty()) return;
    std::string names;
    for (const auto& shard : missing) names += (names.empty() ? "" : ", ") + shard;
    if (answer.status == 404 || (answer.status == 200 && answer.found_nothing)) {
        answer = shard_unavailable_response(
            "not found on the shards that answer; missing: " + names, missing);
        return;
    }
    if (answer.status != 200) return;  // an error says what it says whatever the shards
    answer.gzipped.clear();
    if (answer.rendered.empty()) {
        answer.body["partial"] = true;
        answer.body["missing_shards"] = missing;
        return;
    }
    // Rendered search answers are one JSON object: the marks go first in it.
    const std::string marks =
        "\"partial\":true,\"missing_shards\":" + nlohmann::json(missing).dump() +
        (answer.rendered.size() > 2 ? "," : "");
    answer.rendered.insert(answer.rendered.find('{') + 1, marks);
}

std::variant<SearchQuery, ApiResponse> read_search_query(const Params& params) {
    try {
        return read_search(params);
    } catch (const BadParameter& e) {
        return error_response(400, "bad_parameter", e.what(), e.parameter);
    }
}

ApiResponse handle_search(const Xapian::Database& db, const Params& params,
                          const std::shared_ptr<const ValueTable>& values, RemoteShards* remote) {
    const auto started = std::chrono::steady_clock::now();
    try {
        const SearchQuery query = read_search(params);
        if (query.csv) {
            return error_response(400, "bad_parameter", "CSV is sent by the HTTP server only",
                                  "format");
        }
        const SearchRequest& request = query.request;
        const SearchResult result = search(db, request, values, remote);
        const double took_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        ApiResponse response;
        response.rendered = search_json(request, result, took_ms);
        response.cacheable = result.statuses_current;
        return response;
    } catch (const BadParameter& e) {
        return error_response(400, "bad_parameter", e.what(), e.parameter);
    } catch (const QueryError& e) {
        return error_response(400, "bad_parameter", e.what(), e.parameter());
    }
}

ApiResponse handle_search(const Xapian::Database& db, const Params& params,
                          const std::shared_ptr<const ValueTable>& values, ResultCache& cache,
                          const std::string& version, RemoteShards* remote) {
    if (version.empty() || !cache.enabled()) return handle_search(db, params, values, remote);
    const std::string key = cache_key(params);
    if (auto kept = cache.find(version, key)) {
        ApiResponse answer;
        answer.rendered = std::move(kept->text);
        answer.gzipped = std::move(kept->gzipped);
        answer.cached = true;
        return answer;
    }
    ApiResponse answer = handle_search(db, params, values, remote);
    if (answer.status == 200 && answer.cacheable) {
        if (answer.rendered.size() >= kCompressAtLeast)
            answer.gzipped = gzip_compress(answer.rendered);
        cache.store(version, key, {answer.rendered, answer.gzipped});
    }
    return answer;
}

ApiResponse handle_document(const Xapian::Database& db, const std::string& id) {
    if (const std::string problem = document_id_problem(id); !problem.empty()) {
        return error_response(400, "bad_parameter", problem, "id");
    }
    const auto docid = find_document(db, id);
    if (!docid) return error_response(404, "not_found", "no document with id '" + id + "'", "id");
    const Xapian::Document doc = db.get_document(*docid);
    const std::string data = doc.get_data();
    StoredDocument stored = decode_stored_document(data);
    nlohmann::json body = std::move(stored.meta);
    if (body.contains("fields") && body["fields"].contains("citations")) {
        add_citation_contexts(body["fields"]["citations"], stored.text);
    }
    body["text"] = std::string(stored.text);
    if (nlohmann::json source = source_link(db, id, body); !source.is_null()) {
        body["source"] = std::move(source);
    }
    add_document_links(body, document_links(db, *docid, data));
    return {200, std::move(body)};
}

ApiResponse handle_references(const Xapian::Database& db, const std::string& number,
                              const Params& params) {
    try {
        reject_unknown(params, {"offset", "limit", "relation"});
        const std::size_t limit = bounded_number(params, "limit", kMaxLimit, 1, kMaxLimit);
        const std::size_t offset = bounded_number(params, "offset", 0, 0, kMaxOffset);
        const std::string relation = relation_parameter(params);
        const References found = find_references(db, number, offset, limit, relation);
        ApiResponse answer{200, references_json(number, found, offset, limit, relation)};
        answer.found_nothing = found.documents.empty() && found.total == 0;
        return answer;
    } catch (const BadParameter& e) {
        return error_response(400, "bad_parameter", e.what(), e.parameter);
    } catch (const QueryError& e) {
        return error_response(400, "bad_parameter", e.what(), e.parameter());
    }
}

std::optional<ApiResponse> refuse_parameters(const Params& params) {
    try {
        reject_unknown(params, {});
    } catch (const BadParameter& e) {
        return error_response(400, "bad_parameter", e.what(), e.parameter);
    }
    return std::nullopt;
}

ApiResponse handle_stats(const Xapian::Database& db) {
    nlohmann::json body = {{"documents", db.get_doccount()},
                           {"average_length", db.get_avlength()},
                           {"has_positions", db.has_positions()}};
    try {
        body["revision"] = db.get_revision();
    } catch (const Xapian::Error&) {
        body["revision"] = nullptr;  // several shards have no single revision
    }
    return {200, std::move(body)};
}

}  // namespace tracuu
