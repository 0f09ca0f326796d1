// Runs a search on any Xapian::Database: one local database, several shards combined with
// add_database(), or remote shards opened with Xapian::Remote.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "document_links.hpp"
#include "facets.hpp"
#include "query_builder.hpp"
#include "remote_shards.hpp"
#include "value_table.hpp"

namespace tracuu {

enum class SortOrder { Relevance, DateNewest, DateOldest };

struct SearchRequest {
    std::string q;
    std::size_t offset = 0;
    std::size_t limit = 10;
    SortOrder sort = SortOrder::Relevance;
    /// Filters as field:value parts (from URL parameters), ANDed with the query.
    std::vector<QueryPart> filters;
    /// With a `cites` filter: only documents citing it with this relation (`amends`).
    std::string relation;
    /// Only documents with one of these statuses of force (status_table.hpp status_names()).
    std::vector<std::string> statuses;
    std::string date_from;  ///< YYYY[-MM[-DD]], inclusive
    std::string date_to;
    bool facets = false;
    bool snippets = true;  ///< false: results without snippets (CSV export)
    /// Matches counted exactly and seen by the facets; beyond, the total is an estimate and the
    /// facets count about this many matches (facets_complete false).
    Xapian::doccount count_at_least = 1000;
};

struct SearchHit {
    Xapian::docid docid = 0;
    double score = 0;
    std::string id;
    /// The stored result line (stored_document.hpp): JSON object members without braces.
    std::string result_members;
    /// Its status of force as a result card shows it (status_table.hpp), with facets or a status
    /// filter.
    std::optional<ForceStatus> status;
    std::string snippet;  ///< HTML, see snippet.hpp
};

struct SearchResult {
    Xapian::doccount total = 0;  ///< estimated number of matches
    bool total_exact = false;
    bool relaxed = false;  ///< no document had every word; these have some of them
    /// No document had a number as given in full: these have its numeral and codes, with
    /// another year or none (BuiltQuery::numbers_without_year).
    bool numbers_without_year = false;
    /// The query with a mistyped syllable put right (spelling_suggestion.hpp): offered, or, when
    /// no document has every word as typed and some have every word put right, searched.
    std::optional<std::string> did_you_mean;
    bool did_you_mean_searched = false;  ///< these are the results of did_you_mean
    std::vector<SearchHit> hits;
    std::vector<std::string> numbers;  ///< the document numbers of the query as typed
    /// The query as searched when it was typed without an input method (`chuyeenr ddooir soos`
    /// searched as `chuyển đổi số`); empty when it was searched as typed.
    std::string interpreted_as;
    /// issuer, type, year and (with a status table) status; none when not asked for.
    std::vector<Facet> facets;
    /// false when there were more matches than the facets counted (they count the first ones).
    bool facets_complete = true;
    /// false when the statuses are the last ones read while this revision's were being read
    /// (status_table): right for now, but not to be kept as this revision's answer.
    bool statuses_current = true;
};

/// Searches `db`. `values`, when given, must have been read from `db` at its current revision
/// (from its shards, in the order they are combined): facets, date sorts and compound filters
/// then read it instead of Xapian's value streams (same answers, faster). It is ignored when it
/// does not read as many shards as `db` has. `remote`, when given, is what the caller keeps of
/// `db`'s shards when some are remote (RemoteShards). Throws QueryError for a query that cannot
/// be run, Xapian errors otherwise.
SearchResult search(const Xapian::Database& db, const SearchRequest& request,
                    const ValueTablePtr& values = nullptr, RemoteShards* remote = nullptr);

/// The query of `request` (typed text, URL filters, relation, dates), built as search() builds
/// it but for the statuses and the filter cache: exposed for tests and tools. With `index`, an
/// unfinished last word is completed (build_query).
BuiltQuery build_search_query(const SearchRequest& request, const IndexEvidence* index = nullptr);

}  // namespace tracuu
