#include "searcher.hpp"

#include <algorithm>
#include <optional>

#include "field_filters.hpp"
#include "indexer/schema.hpp"
#include "indexer/stored_document.hpp"
#include "snippet.hpp"

namespace tracuu {
namespace {

// The best candidates of the cheap ranking that phrases and proximity re-rank. Checking positions
// means reading every candidate's position lists: over all matches of a common word that is
// most of the cost of a search, over the best few hundred it is not.
constexpr Xapian::doccount kRescoreWindow = 200;
// Matches counted exactly (and seen by the facet spies); beyond, the total is Xapian's estimate
// and the facets count this many matches.
constexpr Xapian::doccount kCountAtLeast = 1000;

void set_sort(Xapian::Enquire& enquire, SortOrder sort) {
    switch (sort) {
        case SortOrder::Relevance:
            break;
        case SortOrder::DateNewest:
            enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
            break;
        case SortOrder::DateOldest:
            enquire.set_sort_by_value_then_relevance(schema::kSlotDate, false);
            break;
    }
}

/// The ids of `mset`'s documents as a boolean query, or nothing if one lacks its id value
/// (a database written before ids were values): then there is no re-ranking.
std::optional<Xapian::Query> ids_of(const Xapian::MSet& mset) {
    std::vector<Xapian::Query> ids;
    ids.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::string id = it.get_document().get_value(schema::kSlotId);
        if (id.empty()) return std::nullopt;
        ids.emplace_back(schema::term(schema::kId, id));
    }
    return Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
}

/// The page of results: ranked cheaply over every match, then the best candidates re-ranked with
/// the phrase and proximity boosts.
Xapian::MSet rank(const Xapian::Database& db, const RankedQuery& query,
                  const SearchRequest& request, SortOrder sort) {
    const auto first = static_cast<Xapian::doccount>(request.offset);
    const auto count = static_cast<Xapian::doccount>(request.limit);
    Xapian::Enquire enquire(db);
    set_sort(enquire, sort);
    enquire.set_query(query.ranking);
    if (query.positional.empty() || sort != SortOrder::Relevance)
        return enquire.get_mset(first, count);

    const Xapian::MSet candidates = enquire.get_mset(0, std::max(kRescoreWindow, first + count));
    const auto ids = ids_of(candidates);
    if (!ids) return enquire.get_mset(first, count);
    // The candidates filter the ranking, and the boosts go around that: with the filter outside
    // the boosts, Xapian 1.4.22 credited a phrase tier to documents without the phrase.
    RankedQuery candidates_only = query;
    candidates_only.ranking = Xapian::Query(Xapian::Query::OP_FILTER, query.ranking, *ids);
    enquire.set_query(with_positional_boosts(candidates_only));
    return enquire.get_mset(first, count);
}

struct Counts {
    Xapian::doccount total = 0;
    bool exact = false;
    nlohmann::json facets = nlohmann::json::object();
    bool facets_complete = true;
};

/// How many documents match, and the facets: an unweighted pass over the matching query.
Counts count(const Xapian::Database& db, const RankedQuery& query, bool facets) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query.matching);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    FacetSpies spies;
    if (facets) spies.attach(enquire);
    const Xapian::MSet mset = enquire.get_mset(0, 0, kCountAtLeast);
    Counts c;
    c.total = mset.get_matches_estimated();
    c.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (facets) {
        c.facets = spies.to_json();
        c.facets_complete = c.exact && c.total <= kCountAtLeast;
    }
    return c;
}

}  // namespace

BuiltQuery build_search_query(const SearchRequest& request) {
    std::vector<QueryPart> parts = parse_query_syntax(request.q);
    parts.insert(parts.end(), request.filters.begin(), request.filters.end());
    BuiltQuery built = build_query(parts, field_filter_query);
    if (!request.date_from.empty() || !request.date_to.empty()) {
        const Xapian::Query dates = date_range_query(request.date_from, request.date_to);
        for (RankedQuery* q : {&built.strict, &built.relaxed}) {
            q->matching = Xapian::Query(Xapian::Query::OP_FILTER, q->matching, dates);
            q->ranking = Xapian::Query(Xapian::Query::OP_FILTER, q->ranking, dates);
        }
    }
    return built;
}

SearchResult search(const Xapian::Database& db, const SearchRequest& request) {
    const BuiltQuery built = build_search_query(request);
    // Only filters: every match weighs the same, so show the newest first.
    const SortOrder sort = !built.has_text && request.sort == SortOrder::Relevance
                               ? SortOrder::DateNewest
                               : request.sort;

    SearchResult result;
    const RankedQuery* query = &built.strict;
    Counts counts = count(db, *query, request.facets);
    if (counts.total == 0 && built.has_text) {
        // No document has every word: those with some of them, said so.
        const Counts relaxed = count(db, built.relaxed, request.facets);
        if (relaxed.total > 0) {
            query = &built.relaxed;
            counts = relaxed;
            result.relaxed = true;
        }
    }
    result.total = counts.total;
    result.total_exact = counts.exact;
    result.facets = counts.facets;
    result.facets_complete = counts.facets_complete;
    result.number_keys = built.number_keys;
    if (counts.total == 0) return result;

    const Xapian::MSet mset = rank(db, *query, request, sort);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        const std::string data = doc.get_data();
        StoredDocument stored = decode_stored_document(data);
        SearchHit hit;
        hit.docid = *it;
        hit.score = it.get_weight();
        hit.meta = std::move(stored.meta);
        hit.snippet = make_snippet(db, *it, stored.text, doc.get_value(schema::kSlotCheckpoints),
                                   built.highlight);
        result.hits.push_back(std::move(hit));
    }
    return result;
}

}  // namespace tracuu
