#include "searcher.hpp"

#include "field_filters.hpp"
#include "indexer/schema.hpp"
#include "indexer/stored_document.hpp"
#include "snippet.hpp"

namespace tracuu {
namespace {

// Matches examined beyond the page so that totals (and facets) are exact for ordinary searches.
constexpr Xapian::doccount kCheckAtLeast = 2000;

Xapian::MSet run(Xapian::Enquire& enquire, const Xapian::Query& query,
                 const SearchRequest& request) {
    enquire.set_query(query);
    return enquire.get_mset(
        static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit),
        static_cast<Xapian::doccount>(request.offset + request.limit) + kCheckAtLeast);
}

}  // namespace

BuiltQuery build_search_query(const SearchRequest& request) {
    std::vector<QueryPart> parts = parse_query_syntax(request.q);
    parts.insert(parts.end(), request.filters.begin(), request.filters.end());
    BuiltQuery built = build_query(parts, field_filter_query);
    if (!request.date_from.empty() || !request.date_to.empty()) {
        const Xapian::Query dates = date_range_query(request.date_from, request.date_to);
        built.strict = Xapian::Query(Xapian::Query::OP_FILTER, built.strict, dates);
        built.relaxed = Xapian::Query(Xapian::Query::OP_FILTER, built.relaxed, dates);
    }
    return built;
}

SearchResult search(const Xapian::Database& db, const SearchRequest& request) {
    const BuiltQuery built = build_search_query(request);
    Xapian::Enquire enquire(db);
    // Only filters: every match weighs the same, so show the newest first.
    const SortOrder sort = !built.has_text && request.sort == SortOrder::Relevance
                               ? SortOrder::DateNewest
                               : request.sort;
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
    FacetSpies spies;
    if (request.facets) spies.attach(enquire);

    SearchResult result;
    Xapian::MSet mset = run(enquire, built.strict, request);
    if (mset.get_matches_estimated() == 0 && built.has_text) {
        if (request.facets) {
            spies = FacetSpies();  // counts of the failed strict run must not leak in
            spies.attach(enquire);
        }
        mset = run(enquire, built.relaxed, request);
        result.relaxed = mset.size() > 0;
    }
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    result.number_keys = built.number_keys;
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
    if (request.facets) result.facets = spies.to_json();
    return result;
}

}  // namespace tracuu
