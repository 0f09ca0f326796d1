// The JSON of what the search library answers: search/ returns plain values (SearchResult,
// DocumentLinks, References) and their JSON is written here, as server/openapi.json describes it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/citations_lookup.hpp"
#include "search/searcher.hpp"

namespace tracuu {

/// `j` as the API sends it: compact, invalid UTF-8 replaced.
std::string json_text(const nlohmann::json& j);

/// /api/search's `facets`: {"issuer": [{"value", "count"}...], "status": [...], ...}.
nlohmann::json facets_json(const std::vector<Facet>& facets);

/// /api/search's answer as JSON text. Each result is its snippet and score, then its stored result
/// line as it is (stored_document.hpp), then its status of force when there is one.
std::string search_json(const SearchRequest& request, const SearchResult& result, double took_ms);

/// Moves fields.citations of a document's JSON `body` (its stored metadata) to `cites`, each with
/// the indexed document it refers to (`document: {id, title, ...}`) when there is one, and adds
/// `cited_by` (the indexed documents citing it, each with the citing sentence), `status` (what
/// the indexed documents say of it: replaced, repealed, partly repealed, amended, each with the
/// citing document and sentence; else its own dates: in force, not yet, expired, or unknown),
/// `effective_from` / `effective_until` when its text states them, and `relations`: its
/// citations both ways grouped by relation.
void add_document_links(nlohmann::json& body, const DocumentLinks& links);

/// GET /api/references/{number}'s answer (openapi.json `References`).
nlohmann::json references_json(const std::string& number, const References& found,
                               std::size_t offset, std::size_t limit, const std::string& relation);

}  // namespace tracuu
