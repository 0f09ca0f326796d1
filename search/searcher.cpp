#include "searcher.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "analyzers/text_normalizer.hpp"
#include "field_filters.hpp"
#include "index/schema.hpp"
#include "index/stored_document.hpp"
#include "page_documents.hpp"
#include "query_interpretation.hpp"
#include "snippet.hpp"
#include "spelling_suggestion.hpp"
#include "status_table.hpp"

namespace tracuu {
namespace {

// The best candidates of the first pass that the second re-ranks. Checking positions and exact
// marks means reading more postings per document: over all matches of a common word that is most
// of the cost of a search, over the best few hundred it is not.
constexpr Xapian::doccount kRescoreWindow = 20;
// Fewer first matches than this are too few to scale a total from (count_pass): a handful can
// all sit at the start by chance.
constexpr Xapian::doccount kMinScanned = 32;
// Values listed per facet.
constexpr std::size_t kFacetValues = 20;
// Sorts after every "YYYYMMDD" key.
constexpr std::string_view kUndatedKey = "\xff";

/// The value table a search reads, with where the ShardTracker of its queries says which shard
/// Xapian is matching (value_table.hpp).
struct Table {
    ValueTablePtr values;
    std::shared_ptr<std::size_t> shard = std::make_shared<std::size_t>(0);
    /// Documents of one date follow their ids: for searches where every match weighs the same.
    bool by_id = false;
    explicit operator bool() const { return values != nullptr; }
    /// `query` as it must be run for spies and sort keys reading the table.
    Xapian::Query tracked(const Xapian::Query& query) const {
        return ShardTracker::wrap(query, values, shard);
    }
};

/// How a date order is computed: from the value table, by a KeyMaker reading the date and id
/// slots, or (remote shards, which cannot run a KeyMaker in Xapian 1.4) by the date slot alone.
enum class SortBy { Table, Keys, Slot };

void set_sort(Xapian::Enquire& enquire, SortOrder sort, const Table& values,
              SortBy by = SortBy::Keys) {
    const bool then_id = values.by_id;
    if (sort == SortOrder::Relevance) {
        // Equal weights by id, not by document number: the same order however the files are
        // sharded (Xapian numbers documents per shard and interleaves them).
        enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);
        return;
    }
    const bool newest_first = sort == SortOrder::DateNewest;
    // Undated documents last in both orders: a key below every date when the order is reversed,
    // above every date when it is not.
    const std::string undated = newest_first ? "" : std::string(kUndatedKey);
    if (values) {
        enquire.set_sort_by_key_then_relevance(
            (new TableDateKey(values.values, undated, values.shard, then_id, newest_first))
                ->release(),
            newest_first);
    } else if (by == SortBy::Keys) {
        auto* key = new Xapian::MultiValueKeyMaker;
        key->add_value(schema::kSlotDate, false, undated);
        // Ids ascending in both orders (Xapian reverses the whole key for newest first).
        if (then_id) key->add_value(schema::kSlotId, newest_first);
        enquire.set_sort_by_key_then_relevance(key->release(), newest_first);
    } else {
        // A missing date sorts first, which is last when newest come first; oldest first,
        // sorted_page() puts the undated after the dated. Ties follow document numbers.
        enquire.set_sort_by_value_then_relevance(schema::kSlotDate, newest_first);
    }
}

/// The candidates of a first pass, by document number (local databases with a value table, which
/// tells shards apart) or by id term.
class Candidates {
  public:
    explicit Candidates(const ValueTablePtr& values)
        : by_docid_(values != nullptr), values_(values) {}
    Xapian::doccount size() const { return found_; }
    /// Adds the documents of `mset`; false if one lacks its id value (a database written before
    /// ids were values: then there is no re-ranking).
    bool add(const Xapian::MSet& mset) {
        for (auto it = mset.begin(); it != mset.end(); ++it, ++found_) {
            if (by_docid_) {
                docids_.push_back(*it);
                continue;
            }
            // The first pass sorts ties by id, so the id is the item's sort key: no document is
            // fetched (a round trip each on a remote shard).
            const std::string id = it.get_sort_key();
            if (id.empty()) return false;
            ids_.emplace_back(schema::term(schema::kId, id));
        }
        return true;
    }
    Xapian::Query query() const {
        if (by_docid_) return documents_numbered(values_, docids_);
        return Xapian::Query(Xapian::Query::OP_OR, ids_.begin(), ids_.end());
    }

  private:
    bool by_docid_;
    ValueTablePtr values_;
    Xapian::doccount found_ = 0;
    std::vector<Xapian::docid> docids_;
    std::vector<Xapian::Query> ids_;
};

Xapian::MSet top(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount first,
                 Xapian::doccount count, SortOrder sort = SortOrder::Relevance,
                 const Table& values = Table{}, SortBy by = SortBy::Keys) {
    Xapian::Enquire enquire(db);
    set_sort(enquire, sort, values, by);
    enquire.set_query(sort != SortOrder::Relevance && values ? values.tracked(query) : query);
    // Counting every match it skipped makes the total exact whenever the page runs past the end.
    // No document is read here: only the page's, once it is known (page_documents).
    return enquire.get_mset(first, count, first + count);
}

/// A result of rank(): its document number and final score.
struct Ranked {
    Xapian::docid docid;
    double score;
    std::string id;  ///< read for tie-breaks only
};

void append_ranked(std::vector<Ranked>& out, const Xapian::MSet& mset, double bonus = 0) {
    for (auto it = mset.begin(); it != mset.end(); ++it)
        out.push_back({*it, it.get_weight() + bonus, {}});
}

std::vector<Ranked> ranked(const Xapian::MSet& mset) {
    std::vector<Ranked> out;
    append_ranked(out, mset);
    return out;
}

/// A page of `query` in the order asked. For remote shards, oldest first is two passes: the
/// dated documents by the slot, then the undated (a missing value sorts before every date).
std::vector<Ranked> sorted_page(const Xapian::Database& db, const Xapian::Query& query,
                                Xapian::doccount first, Xapian::doccount count, SortOrder sort,
                                const Table& values) {
    if (values || sort == SortOrder::Relevance) {
        return ranked(top(db, query, first, count, sort, values));
    }
    try {
        return ranked(top(db, query, first, count, sort, values, SortBy::Keys));
    } catch (const Xapian::UnimplementedError&) {
        // a remote shard: by the slot, below
    }
    if (sort == SortOrder::DateNewest)
        return ranked(top(db, query, first, count, sort, values, SortBy::Slot));
    const Xapian::Query has_date(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, "0");
    const Xapian::MSet dated = top(db, Xapian::Query(Xapian::Query::OP_FILTER, query, has_date),
                                   first, count, sort, values, SortBy::Slot);
    std::vector<Ranked> page = ranked(dated);
    if (dated.size() == count) return page;
    // The page ran past the dated ones, so their count is exact (top() counted that far).
    const Xapian::doccount dated_total = dated.get_matches_lower_bound();
    const Xapian::doccount skip = first > dated_total ? first - dated_total : 0;
    append_ranked(
        page, top(db, Xapian::Query(Xapian::Query::OP_AND_NOT, query, has_date), skip,
                  count - static_cast<Xapian::doccount>(page.size()), sort, values, SortBy::Slot));
    return page;
}

/// The page of results, cut from one total order that depends only on the query (never on the
/// page asked), so pages concatenate without repeats or gaps:
///   1. the window: the best `kRescoreWindow` candidates of the first pass (BM25, tier by tier,
///      RankedQuery::first_pass), re-ranked with every boost, whose cost is per document, plus
///      the bonus of the tier each came from; ties by document number;
///   2. then every other match in first-pass order: the rest of the tier the window stopped in,
///      then the later tiers, each by its own weight plus its bonus (ties by document number).
/// A document's score is thus the same on every page.
std::vector<Ranked> rank(const Xapian::Database& db, const RankedQuery& query,
                         const SearchRequest& request, SortOrder sort, const Table& values) {
    const auto first = static_cast<Xapian::doccount>(request.offset);
    const auto count = static_cast<Xapian::doccount>(request.limit);
    const bool rescore =
        sort == SortOrder::Relevance && (!query.boosts.empty() || !query.phrase_tiers.empty());
    if (!rescore) return sorted_page(db, query.ranking, first, count, sort, values);

    // A value table is only given for local databases.
    Candidates candidates(values.values);
    std::unordered_map<Xapian::docid, double> bonus;
    std::size_t tier = 0;              // the tier the window stopped in
    Xapian::doccount taken_there = 0;  // how many of its documents the window took
    for (; tier < query.first_pass.size(); ++tier) {
        const FirstPassTier& part = query.first_pass[tier];
        const Xapian::MSet mset = top(db, part.query, 0, kRescoreWindow - candidates.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) bonus[*it] = part.bonus;
        if (!candidates.add(mset)) return ranked(top(db, query.ranking, first, count));
        taken_there = mset.size();
        if (candidates.size() >= kRescoreWindow) break;
    }
    std::vector<Ranked> page;
    if (first < candidates.size()) {
        const Xapian::MSet rescored =
            top(db, rescoring_query(query, candidates.query()), 0, candidates.size());
        // Ties by id, not document number: the same order however the files are sharded. The
        // id is each item's sort key (ties sort by it): no document is read for it.
        for (auto it = rescored.begin(); it != rescored.end(); ++it)
            page.push_back({*it, it.get_weight() + bonus[*it], it.get_sort_key()});
        std::sort(page.begin(), page.end(), [](const Ranked& a, const Ranked& b) {
            return a.score != b.score ? a.score > b.score : a.id < b.id;
        });
        page.erase(page.begin(), page.begin() + first);
        if (page.size() > count) page.resize(count);
    }
    // After the window: `skip` more documents of the first-pass order, then the rest of the page.
    Xapian::doccount skip = first > candidates.size() ? first - candidates.size() : 0;
    for (; tier < query.first_pass.size() && page.size() < count; ++tier, taken_there = 0) {
        const FirstPassTier& part = query.first_pass[tier];
        const Xapian::doccount wanted = count - static_cast<Xapian::doccount>(page.size());
        const Xapian::MSet mset = top(db, part.query, taken_there + skip, wanted);
        append_ranked(page, mset, part.bonus);
        if (mset.size() == wanted) break;
        // The tier ran out: its count is exact (top() counted up to the page's end).
        const Xapian::doccount left = mset.get_matches_lower_bound() - taken_there;
        skip = skip > left ? skip - left : 0;
    }
    return page;
}

struct Counts {
    Xapian::doccount total = 0;
    bool exact = false;
    std::vector<Facet> facets;
    bool facets_complete = true;
};

/// The documents numbered 1 to `limit` in each database Xapian matches (each shard counts its
/// own numbers), present or not: a window on the first documents of every shard.
class FirstDocuments : public Xapian::PostingSource {
  public:
    explicit FirstDocuments(Xapian::docid limit) : limit_(limit) {}
    void init(const Xapian::Database& db) override {
        last_ = std::min(limit_, db.get_lastdocid());
        docid_ = 0;
    }
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return last_; }
    Xapian::doccount get_termfreq_max() const override { return last_; }
    void next(double) override { ++docid_; }
    void skip_to(Xapian::docid did, double) override { docid_ = std::max(docid_, did); }
    bool at_end() const override { return docid_ > last_; }
    Xapian::docid get_docid() const override { return docid_; }
    FirstDocuments* clone() const override { return new FirstDocuments(limit_); }

  private:
    Xapian::docid limit_, last_ = 0, docid_ = 0;
};

/// One unweighted pass over `matching`, with the facet spies when asked. With `scanned` (remote
/// shards), the pass also lists its first `scanned` matches, so a total past an early stop is
/// scaled from how far into the documents they reach.
Counts count_pass(const Xapian::Database& db, const Xapian::Query& matching, bool facets,
                  const Table& values, const StatusTablePtr& statuses, Xapian::doccount at_least,
                  Xapian::doccount scanned = 0) {
    Xapian::Enquire enquire(db);
    enquire.set_query(facets && values ? values.tracked(matching) : matching);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    FacetSpies spies;
    std::optional<TableFacetSpy> table_spy;
    if (facets && values) {
        table_spy.emplace(values.values, values.shard);
        enquire.add_matchspy(&*table_spy);
    } else if (facets) {
        spies.attach(enquire);
    }
    std::optional<StatusFacet> status_facet;
    if (facets && statuses) {
        status_facet.emplace(statuses, values.values);
        status_facet->attach(enquire);
    }
    const Xapian::MSet mset = enquire.get_mset(0, scanned, at_least);
    Counts c;
    c.total = mset.get_matches_estimated();
    c.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (!c.exact && scanned >= kMinScanned && mset.size() == scanned) {
        // In document order, the first `scanned` matches reach document number `reached` of
        // `last`: the total is scaled from that, as local shards' window is. Xapian's own
        // estimate from each shard's early stop multiplies term frequencies as if independent:
        // `issuer=Bộ Tài chính` (three words that go together) was "about 2 000" at 1M where
        // one database counts 42 993; scaled, 45 846, which Xapian's upper bound caps to 42 993.
        const Xapian::docid reached = *mset[scanned - 1];
        const double scaled = static_cast<double>(scanned) * db.get_lastdocid() / reached;
        c.total = std::clamp(static_cast<Xapian::doccount>(scaled), mset.get_matches_lower_bound(),
                             mset.get_matches_upper_bound());
    }
    if (facets) {
        c.facets = table_spy ? table_spy->facets(kFacetValues) : spies.facets(kFacetValues);
        if (status_facet) c.facets.push_back(status_facet->facet(db, matching));
    }
    return c;
}

/// How many documents match, and the facets: an unweighted pass over the matching query.
Counts count(const Xapian::Database& db, const RankedQuery& query, bool facets, const Table& values,
             const StatusTablePtr& statuses, Xapian::doccount at_least) {
    Counts c;
    if (db.size() > 1 && values) {
        // Xapian 1.4 examines every match of several databases combined, whatever check_at_least
        // says (its early stop needs one database): at 1M documents in 4 shards, the 124 385
        // documents of a year instead of 1 000. So local shards are counted in a window on their
        // first documents, widened until it holds `at_least` matches or every document; the
        // total beyond it is the window's count scaled to the whole, as Xapian estimates. (A
        // remote shard cannot run a posting source of ours; each runs its own match, below.)
        const Xapian::docid last = db.get_lastdocid();  // the combined numbering's last
        const auto shards = static_cast<Xapian::docid>(db.size());
        const Xapian::docid per_shard = last / shards + 1;
        // Sized by Xapian's estimate from term statistics (no match read) for about twice
        // `at_least` matches; a query with few matches is counted whole at once.
        Xapian::Enquire probe(db);
        probe.set_query(query.matching);
        probe.set_weighting_scheme(Xapian::BoolWeight());
        const double estimate =
            std::max<double>(1, probe.get_mset(0, 0, Xapian::doccount{0}).get_matches_estimated());
        Xapian::docid window =
            estimate <= 4.0 * at_least
                ? per_shard
                : std::max<Xapian::docid>(
                      at_least / shards + 1,
                      static_cast<Xapian::docid>(per_shard * 2.0 * at_least / estimate));
        while (true) {
            const bool whole = window >= per_shard;
            const Xapian::Query windowed =
                whole ? query.matching
                      : Xapian::Query(Xapian::Query::OP_FILTER, query.matching,
                                      Xapian::Query((new FirstDocuments(window))->release()));
            // The window is counted to its end (it holds about twice `at_least`): stopped at
            // `at_least`, Xapian's estimate of the window's rest ran 1.5 times high at 1M, and the
            // scaling multiplied it (`cites=57-NQ/TW`: 12 975 where one database counts 8 650).
            c = count_pass(db, windowed, facets, values, statuses, whole ? at_least : 4 * at_least);
            if (whole) break;
            if (c.total > at_least) {  // more than at_least: never exact in one database either
                c.total = static_cast<Xapian::doccount>(static_cast<double>(c.total) * per_shard /
                                                        window);
                c.exact = false;
                break;
            }
            window = window > per_shard / 4 ? per_shard : window * 4;
        }
    } else if (db.size() > 1) {
        // Remote shards (no value table): each runs its own match and stops at the
        // check_at_least it is sent, so `at_least` as it is would have each examine that many,
        // and their facet spies read the values of shards times as many documents as one
        // database's. Each is sent its even share and a margin (hash routing spreads a total of
        // `at_least` within a few percent), so a total up to `at_least` stays exact.
        const auto shards = static_cast<Xapian::doccount>(db.size());
        const Xapian::doccount share =
            std::min(at_least, at_least / shards + at_least / (4 * shards) + 16);
        c = count_pass(db, query.matching, facets, values, statuses, share, share);
    } else {
        c = count_pass(db, query.matching, facets, values, statuses, at_least);
    }
    if (facets) c.facets_complete = c.exact && c.total <= at_least;
    return c;
}

/// The parts of `request`: the text typed, then the URL's filters.
std::vector<QueryPart> query_parts(const SearchRequest& request) {
    // Normalised first, so that the syntax reads fullwidth `：`, `＂`, `－` as typed from an
    // East Asian input method, and NFD as NFC.
    std::vector<QueryPart> parts = parse_query_syntax(normalize_text(request.q));
    parts.insert(parts.end(), request.filters.begin(), request.filters.end());
    return parts;
}

/// The statuses asked, as indexes into status_names().
std::vector<std::size_t> status_indexes(const std::vector<std::string>& asked) {
    std::vector<std::size_t> out;
    const auto& names = status_names();
    for (const auto& name : asked) {
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end()) throw QueryError("status", "unknown status '" + name + "'");
        out.push_back(static_cast<std::size_t>(it - names.begin()));
    }
    return out;
}

/// The filters of `request`, as written (no filter cache): its field:value `parts`, the
/// relation to the number it cites, the dates and, with `statuses`, the statuses asked.
QueryFilters request_filters(const SearchRequest& request, const std::vector<QueryPart>& parts,
                             const StatusTablePtr& statuses = nullptr) {
    QueryFilters filters;
    for (const QueryPart& part : parts) {
        if (part.field == QueryField::None) continue;
        try {
            (part.negated ? filters.excluded : filters.required)
                .push_back(field_filter_query(part.field, part.text));
        } catch (const QueryError& e) {
            // A `nam:2` typed in q is q's fault, not that of a year= nobody sent.
            if (part.end == 0) throw;
            throw QueryError("q", std::string("in q: ") + e.what());
        }
    }
    if (!request.relation.empty())
        filters.required.push_back(relation_filter_query(request.relation, request.filters));
    if (!request.date_from.empty() || !request.date_to.empty())
        filters.required.push_back(date_range_query(request.date_from, request.date_to));
    if (statuses && !request.statuses.empty()) {
        // The documents of those statuses now: a filter like the others, on every pass, so
        // totals are exact and pages concatenate.
        filters.required.push_back(statuses->filter(status_indexes(request.statuses)));
    }
    return filters;
}

/// The search of `request.q` as it is (see search()).
SearchResult search_text(const Xapian::Database& db, const SearchRequest& request,
                         const ValueTablePtr& given_values, const IndexEvidence& index,
                         const StatusTablePtr& statuses, const RemoteShards* remote) {
    // A table of these shards (one for each), else none: Xapian's values are read.
    Table values;
    if (given_values && given_values->shard_count() == db.size()) values.values = given_values;
    const std::vector<QueryPart> parts = query_parts(request);
    QueryFilters filters = request_filters(request, parts, statuses);
    if (values) {
        // Compound filters (an issuer's words) from the revision's remembered lists; the cache
        // returns the others as they are (filter_cache.hpp).
        for (auto* list : {&filters.required, &filters.excluded}) {
            for (Xapian::Query& filter : *list)
                filter = values.values->filters().query(db, filter, values.values);
        }
    }
    BuiltQuery built = build_query(parts, filters, &index);
    // Only filters: every match weighs the same, so show the newest first.
    const SortOrder sort = !built.has_text && request.sort == SortOrder::Relevance
                               ? SortOrder::DateNewest
                               : request.sort;
    values.by_id = !built.has_text;

    SearchResult result;
    const RankedQuery* query = &built.strict;
    Counts counts = count(db, *query, request.facets, values, statuses, request.count_at_least);
    if (counts.total == 0 && built.numbers_without_year) {
        // No document has a number as given in full: those with it in some year (a year left
        // out) or without its year (one added), said so.
        const Counts loose = count(db, *built.numbers_without_year, request.facets, values,
                                   statuses, request.count_at_least);
        if (loose.total > 0) {
            query = &*built.numbers_without_year;
            counts = loose;
            result.numbers_without_year = true;
        }
    }
    if (counts.total == 0 && built.has_text) {
        // No document has every word: those with some of them, said so.
        const Counts relaxed =
            count(db, built.relaxed, request.facets, values, statuses, request.count_at_least);
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
    result.numbers = built.numbers;
    if (counts.total == 0) return result;

    const std::vector<Ranked> page = rank(db, *query, request, sort, values);
    std::vector<Xapian::docid> docids;
    for (const Ranked& r : page) docids.push_back(r.docid);
    static const std::vector<Xapian::Database> kNoShards;
    const std::vector<Xapian::Document> documents =
        page_documents(db, docids, remote ? remote->databases : kNoShards);
    for (std::size_t i = 0; i < page.size(); ++i) {
        const Ranked& r = page[i];
        const Xapian::Document& doc = documents[i];
        const std::string data = doc.get_data();
        const StoredParts stored = split_stored_document(data);
        SearchHit hit;
        hit.docid = r.docid;
        hit.score = r.score;
        hit.id = doc.get_value(schema::kSlotId);
        hit.result_members = stored.result;
        if (statuses) hit.status = statuses->card_status(doc);
        if (request.snippets) {
            SnippetOptions options;
            // Without a value table the shards may be remote: positions from the text.
            options.positions_from_text = !values;
            hit.snippet =
                make_snippet(db, r.docid, stored.text, doc.get_value(schema::kSlotCheckpoints),
                             built.highlight, options);
        }
        result.hits.push_back(std::move(hit));
    }
    return result;
}

}  // namespace

BuiltQuery build_search_query(const SearchRequest& request, const IndexEvidence* index) {
    const std::vector<QueryPart> parts = query_parts(request);
    return build_query(parts, request_filters(request, parts), index);
}

SearchResult search(const Xapian::Database& db, const SearchRequest& request,
                    const ValueTablePtr& values, RemoteShards* remote) {
    // Without a value table the shards may be remote: words' frequencies read in one pass.
    const IndexEvidence index(db, values == nullptr);
    // Statuses for the filter, the facet and each result's badge (not for a CSV export).
    bool statuses_current = true;
    const StatusTablePtr statuses =
        request.facets || !request.statuses.empty()
            ? status_table(db, &statuses_current, remote ? &remote->revision : nullptr)
            : nullptr;
    // A query typed without an input method is searched as what it spells, instead of as typed:
    // a word is reinterpreted only when the index does not hold it as typed, so with the words
    // as typed no document has them all; an OR of both would add nothing to the matches and
    // only let the strays weigh in the any-word fallback. When the interpretation finds nothing
    // either, the words as typed are searched (the any-word fallback, the page's suggestions).
    auto searched = [&]() -> SearchResult {
        if (auto meant = interpret_query(request.q, &index)) {
            SearchRequest interpreted = request;
            interpreted.q = *meant;
            try {
                SearchResult result = search_text(db, interpreted, values, index, statuses, remote);
                if (result.total > 0) {
                    result.interpreted_as = std::move(*meant);
                    return result;
                }
            } catch (const QueryError&) {
                // Split words made it longer than a query may be: the words as typed decide.
            }
        }
        return search_text(db, request, values, index, statuses, remote);
    };
    SearchResult result = searched();
    result.statuses_current = statuses_current;
    const auto suggestion = suggest_spelling(request.q, index);
    if (suggestion) result.did_you_mean = suggestion->query;
    // No document has every word as typed, a slip is sure (SpellingSuggestion::sure), and every
    // word of the query put right is in some document: its results instead (the any-word results
    // of a slip are mostly strays), said so. So too when a word was read as Telex keys in a query
    // typed with marks (`khen tưhởng`, `Turng tâm`): there the keys are a slip
    // (spelling_suggestion.hpp doubts them only then).
    if (suggestion && suggestion->sure &&
        (result.relaxed || result.total == 0 || !result.interpreted_as.empty())) {
        SearchRequest corrected = request;
        corrected.q = suggestion->query;
        try {
            SearchResult better = search_text(db, corrected, values, index, statuses, remote);
            if (better.total > 0 && !better.relaxed) {
                better.statuses_current = statuses_current;
                better.did_you_mean = std::move(result.did_you_mean);
                better.did_you_mean_searched = true;
                return better;
            }
        } catch (const QueryError&) {
            // Put right, it is read otherwise (a field it now names): the words as typed decide.
        }
    }
    return result;
}

}  // namespace tracuu
