// Turns what was typed into a Xapian query: the matching rule and the ranking tiers.
//
// Matching: every syllable (accent-free) and every document number of the query must match.
// Ranking, strongest first, all Xapian machinery:
//   1. the query names a document's own number (FixedWeightPostingSource tier), exactly, then
//      with every piece typed (`168/2024`), then the documents citing or mentioning it;
//   2. every syllable typed with marks is present with exactly those marks (tier): `hòa` never
//      ranks a document with only `hóa` above one with `hòa`;
//   3. the query's syllables occur as a phrase (tier): words are several syllables;
//   3b. the document's title (subject) has them in order too (tier);
//   4. within a tier, BM25 on the syllables, plus exact marks per syllable, adjacent-pair phrases
//      and proximity as weighted OP_AND_MAYBE boosts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "query_syntax.hpp"

namespace tracuu {

/// Tier weights. Each is larger than everything below it can add up to (BM25 on at most
/// kMaxQueryTokens syllables stays far below kPhraseTier).
inline constexpr double kOwnNumberTier = 1e9;
/// Below it: documents whose own number has every piece typed (`168/2024`, `cv 2265`), then those
/// citing or mentioning the number. Each tier is larger than everything below it adds up to.
inline constexpr double kPartialNumberTier = 3e8;
inline constexpr double kCitingNumberTier = 1e8;
inline constexpr double kToneTier = 1e7;
inline constexpr double kPhraseTier = 1e5;
inline constexpr double kTitleTier = 1e4;

/// Most syllables and number parts a query may have.
inline constexpr std::size_t kMaxQueryTokens = 48;

/// A part of the first pass, and the tier weight its documents have in the final ranking (which
/// the second pass need not compute again: membership is known).
struct FirstPassTier {
    Xapian::Query query;
    double bonus = 0;
};

/// One way of running a query, in the parts the searcher needs. Ranking runs in two passes (see
/// searcher.cpp): a cheap one picks the best candidates tier by tier, the second re-ranks only
/// those with every boost.
struct RankedQuery {
    /// Which documents match: every clause, the filters, the exclusions. Unweighted use: counts
    /// and facets.
    Xapian::Query matching;
    /// `matching` weighted: BM25 plus the own-number tier (cheap: number terms are rare).
    Xapian::Query ranking;
    /// `ranking` without the filters and exclusions: how the second pass weighs candidates,
    /// which meet them already (not reading the filters' posting lists again).
    Xapian::Query scoring;
    /// The first pass: disjoint parts of `matching`, weighted, best first (documents with every
    /// exact mark and every syllable pair of the query in their title, then in the text only,
    /// then exact marks without the pairs, then the same without the marks). The searcher takes
    /// its candidates from each in turn until it has enough: when the first has plenty, the
    /// costly rest is never read.
    std::vector<FirstPassTier> first_pass;
    /// Re-ranking boosts on terms: the per-syllable exact-mark boost, the phrase tier of two
    /// syllables (their pair) and the adjacent-pair boosts of longer runs. (The tone and title
    /// tiers are the first pass tiers' bonuses.)
    std::vector<Xapian::Query> boosts;
    /// The phrase tiers of runs of three syllables or more, which positions decide (pairs all
    /// present do not make a phrase in a long document); their pairs keep the position reads to
    /// the candidates that have them all.
    std::vector<Xapian::Query> phrase_tiers;
};

struct BuiltQuery {
    RankedQuery strict;   ///< every clause required
    RankedQuery relaxed;  ///< any clause suffices: tried when `strict` finds nothing
    /// `strict` with each number given in full read without its year (query_builder.cpp,
    /// without_year: `65/NQ-HĐND` names 65/2025/NQ-HĐND, `65/2024/NQ-HĐND` names 65/NQ-HĐND but
    /// never 65/2025/NQ-HĐND): tried before `relaxed` when `strict` finds nothing. Absent when no
    /// number was given in full.
    std::optional<RankedQuery> numbers_without_year;
    bool has_text = false;               ///< false when only filters (or nothing) were given
    std::vector<std::string> highlight;  ///< accent-free terms to mark in snippets
    /// The document numbers of the query as typed (`cv 2265`, `168/2024/NĐ-CP`): what
    /// /api/references reads the same way.
    std::vector<std::string> numbers;
};

/// `ranking` restricted to `candidates`, with every re-ranking boost applied.
Xapian::Query rescoring_query(const RankedQuery& q, const Xapian::Query& candidates);

/// Thrown for a query that cannot be run as asked (too many words, a bad field value).
class QueryError : public std::runtime_error {
  public:
    QueryError(std::string parameter, const std::string& message)
        : std::runtime_error(message), parameter_(std::move(parameter)) {}
    const std::string& parameter() const { return parameter_; }

  private:
    std::string parameter_;
};

/// The filters of a query as Xapian queries, made by the caller (the searcher reads the
/// field:value parts, the relation, the dates and the statuses, through its filter cache) and
/// applied by build_query to every query it builds, the any-word one too.
struct QueryFilters {
    std::vector<Xapian::Query> required;  ///< every match meets each
    std::vector<Xapian::Query> excluded;  ///< no match meets any
};

class IndexEvidence;

/// Builds the query of the words and numbers of `parts`, within `filters`. Field parts
/// (`so:57-NQ/TW`) are not read here (they are in `filters`): they only tell where the typed
/// text ends. With `index`, the word a query ends with, when the index does not hold it (`chuy`:
/// still being typed), matches the words it starts (IndexEvidence::completions, the
/// kMaxCompletions most frequent, as one synonym): every query whose words are all in the index
/// is built exactly as without it.
BuiltQuery build_query(const std::vector<QueryPart>& parts, const QueryFilters& filters,
                       const IndexEvidence* index = nullptr);

/// Most words an unfinished last word stands for.
inline constexpr std::size_t kMaxCompletions = 24;
/// Fewest letters of an unfinished last word that is completed.
inline constexpr std::size_t kMinCompletedLetters = 2;

/// Constant weight for every document matching `q`: a ranking tier.
Xapian::Query tier(double weight, const Xapian::Query& q);

}  // namespace tracuu
