#include "searcher.hpp"

#include <algorithm>
#include <optional>

#include "field_filters.hpp"
#include "indexer/schema.hpp"
#include "indexer/stored_document.hpp"
#include "snippet.hpp"

namespace tracuu {
namespace {

// The best candidates of the first pass that the second re-ranks. Checking positions and exact
// marks means reading more postings per document: over all matches of a common word that is most
// of the cost of a search, over the best few hundred it is not.
constexpr Xapian::doccount kRescoreWindow = 100;
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

/// Adds the ids of `mset`'s documents to `ids`; false if one lacks its id value (a database
/// written before ids were values: then there is no re-ranking).
bool add_ids(const Xapian::MSet& mset, std::vector<Xapian::Query>& ids) {
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::string id = it.get_document().get_value(schema::kSlotId);
        if (id.empty()) return false;
        ids.emplace_back(schema::term(schema::kId, id));
    }
    return true;
}

Xapian::MSet top(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount first,
                 Xapian::doccount count, SortOrder sort = SortOrder::Relevance) {
    Xapian::Enquire enquire(db);
    set_sort(enquire, sort);
    enquire.set_query(query);
    return enquire.get_mset(first, count);
}

/// The page of results. First pass: BM25 over every match, documents with the query's exact
/// marks first, keeping the best `kRescoreWindow`. Second pass: those re-ranked with the tone
/// tier, exact-mark and phrase/proximity boosts, whose cost is per document.
Xapian::MSet rank(const Xapian::Database& db, const RankedQuery& query,
                  const SearchRequest& request, SortOrder sort) {
    const auto first = static_cast<Xapian::doccount>(request.offset);
    const auto count = static_cast<Xapian::doccount>(request.limit);
    const bool rescore =
        sort == SortOrder::Relevance && (!query.positional.empty() || !query.term_boosts.empty());
    if (!rescore) return top(db, query.ranking, first, count, sort);

    const Xapian::doccount window = std::max(kRescoreWindow, first + count);
    std::vector<Xapian::Query> ids;
    bool have_ids = true;
    if (query.tone.empty()) {
        have_ids = add_ids(top(db, query.ranking, 0, window), ids);
    } else {
        // Tiered: the documents with every exact mark, then (if they do not fill the window)
        // the others.
        const Xapian::MSet exact = top(db, query.exact_ranking, 0, window);
        have_ids = add_ids(exact, ids);
        if (have_ids && exact.size() < window) {
            const Xapian::Query rest(Xapian::Query::OP_AND_NOT, query.ranking, query.tone);
            have_ids = add_ids(top(db, rest, 0, window - exact.size()), ids);
        }
    }
    if (!have_ids) return top(db, query.ranking, first, count);
    const Xapian::Query candidates(Xapian::Query::OP_OR, ids.begin(), ids.end());
    return top(db, rescoring_query(query, candidates), first, count);
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
