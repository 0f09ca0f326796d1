#include "query_builder.hpp"

#include <algorithm>
#include <map>

#include "analyzers/abbreviations.hpp"
#include "analyzers/analyzer.hpp"
#include "analyzers/text_normalizer.hpp"
#include "index/schema.hpp"
#include "match_all.hpp"
#include "number_query.hpp"
#include "query_interpretation.hpp"

namespace tracuu {
namespace {

// Longest unfinished word completed (`nghieng` has 7 letters): longer ones are words not known.
constexpr std::size_t kMaxCompletedBytes = 7;

// Soft boosts, relative to a syllable's own BM25 weight.
constexpr double kPairPhraseBoost = 1.0;
constexpr double kExactMarksBoost = 0.5;

using Queries = std::vector<Xapian::Query>;

Xapian::Query combine(Xapian::Query::op op, const Queries& qs) {
    if (qs.empty()) return Xapian::Query();
    if (qs.size() == 1) return qs.front();
    return Xapian::Query(op, qs.begin(), qs.end());
}

Xapian::Query phrase(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

/// The pair terms (or title pair terms) of the consecutive syllables that have one
/// (schema::has_pair_term).
Queries pair_terms(const std::vector<std::string>& syllables,
                   std::string_view prefix = schema::kPair) {
    Queries pairs;
    for (std::size_t i = 0; i + 1 < syllables.size(); ++i) {
        if (schema::has_pair_term(syllables[i], syllables[i + 1]))
            pairs.emplace_back(schema::pair_term(syllables[i], syllables[i + 1], prefix));
    }
    return pairs;
}

/// Exactly a phrase, on positions, with its pair terms picking the few documents worth reading
/// them; two syllables with a pair term are exactly that term.
Xapian::Query exact_phrase(const std::vector<std::string>& syllables) {
    const Queries pairs = pair_terms(syllables);
    if (syllables.size() == 2 && pairs.size() == 1) return pairs.front();
    if (pairs.empty()) return phrase(syllables);
    return Xapian::Query(Xapian::Query::OP_FILTER, phrase(syllables),
                         combine(Xapian::Query::OP_AND, pairs));
}

/// Syllables one after another, from pair terms alone when each pair has one: every adjacent
/// pair present is the phrase almost always (`a b` and `b c` apart but never `a b c` is rare),
/// at the cost of a posting list per pair instead of positions. Else exact_phrase.
Xapian::Query adjacent(const std::vector<std::string>& syllables) {
    if (syllables.size() == 1) return Xapian::Query(syllables.front());
    const Queries pairs = pair_terms(syllables);
    if (pairs.size() + 1 == syllables.size()) return combine(Xapian::Query::OP_AND, pairs);
    return exact_phrase(syllables);
}

/// The keys that name a number exactly (exact, then typo-tolerant) under `prefix`.
void add_keys(Queries& out, std::string_view prefix, const DocumentNumber& n) {
    for (const auto& key : n.exact_keys()) out.emplace_back(schema::term(prefix, key));
}

/// The number as recognised and its other readings (`Quy định 05`: QyĐ or QĐ).
std::vector<DocumentNumber> readings(const NumberMatch& match) {
    std::vector<DocumentNumber> all{match.number};
    all.insert(all.end(), match.alternatives.begin(), match.alternatives.end());
    return all;
}

/// Documents mentioning the number in their text (any reading).
Queries mention_keys(const std::vector<DocumentNumber>& numbers) {
    Queries keys;
    for (const auto& n : numbers) add_keys(keys, schema::kNumberMention, n);
    return keys;
}

/// What a number of the query requires: a document numbered so (in full or in part: every
/// reading, number_query.hpp), citing it, or mentioning it.
Xapian::Query number_query(const NumberMatch& match, const std::vector<std::string>& parts) {
    const auto numbers = readings(match);
    Queries alternatives = mention_keys(numbers);
    alternatives.push_back(readings_query(NumberRole::Own, numbers));
    alternatives.push_back(readings_query(NumberRole::Cited, numbers));
    // The parts as written also match where the number was not recognised (odd spacing), when
    // pair terms find them: a number's digits have none, and reading positions of `nq tw` in
    // every document citing a Party resolution would cost more than the whole search.
    if (pair_terms(parts).size() + 1 == parts.size()) alternatives.push_back(adjacent(parts));
    return combine(Xapian::Query::OP_OR, alternatives);
}

/// The ranking tiers of a number of the query: the document whose own number it is, then those
/// whose number has its pieces, then those citing or mentioning it.
Queries number_tiers(const NumberMatch& match) {
    const auto numbers = readings(match);
    Queries exact, partial;
    for (const auto& n : numbers) {
        exact.push_back(exact_number_query(NumberRole::Own, n));
        const Xapian::Query pieces = partial_number_query(NumberRole::Own, n);
        if (!pieces.empty()) partial.push_back(pieces);
    }
    Queries citing = mention_keys(numbers);
    citing.push_back(readings_query(NumberRole::Cited, numbers));
    Queries tiers{tier(kOwnNumberTier, combine(Xapian::Query::OP_OR, exact))};
    if (!partial.empty())
        tiers.push_back(tier(kPartialNumberTier, combine(Xapian::Query::OP_OR, partial)));
    tiers.push_back(tier(kCitingNumberTier, combine(Xapian::Query::OP_OR, citing)));
    return tiers;
}

/// `match` read loosely: a number given in full without a year stands for every number with its
/// numeral and codes, in any year (`65/NQ-HĐND` for 65/2025/NQ-HĐND); one with a year, for the
/// same number without one (`1654/2025/NQ-UBTVQH15` for 1654/NQ-UBTVQH15), never for another
/// year's: numbering starts again each year, so 168/2024/NĐ-CP is not 168/2025/NĐ-CP.
NumberMatch without_year(NumberMatch match) {
    auto loosen = [](DocumentNumber& n) {
        if (!n.complete) return;
        if (n.year.empty()) {
            n.complete = false;
        } else {
            n.year.clear();
        }
    };
    loosen(match.number);
    for (auto& n : match.alternatives) loosen(n);
    return match;
}

class Builder {
  public:
    /// `numbers_without_year`: numbers are read as without_year() does (the query tried when
    /// the numbers as typed find nothing).
    Builder(const QueryFilters& filters, const IndexEvidence* index,
            bool numbers_without_year = false)
        : index_(index),
          numbers_without_year_(numbers_without_year),
          filters_(filters.required),
          excluded_(filters.excluded) {}

    /// True when a number was given in full (its year may be the one thing that differs).
    bool has_complete_number() const { return has_complete_number_; }

    /// `last_typed`: the part the query ends with (its last word may be unfinished). A field
    /// part is one of the filters already.
    void add(const QueryPart& part, bool last_typed = false) {
        if (part.field != QueryField::None) return;
        const std::string text = normalize_text(part.text);
        const Analysis analysis = analyze(text, NumberMode::Query);
        token_count_ += analysis.tokens.size();
        if (token_count_ > kMaxQueryTokens) {
            throw QueryError("q", "the query has more than " + std::to_string(kMaxQueryTokens) +
                                      " words and numbers; shorten it");
        }
        if (analysis.tokens.empty()) return;
        if (part.negated) {
            std::vector<std::string> folded;
            for (const auto& t : analysis.tokens) folded.push_back(t.folded);
            excluded_.push_back(part.quoted ? phrase(folded)
                                            : combine(Xapian::Query::OP_AND, to_terms(folded)));
            return;
        }
        add_positive(text, analysis, part.quoted,
                     last_typed ? unfinished(analysis) : std::vector<std::string>{});
    }

    BuiltQuery finish() {
        BuiltQuery built;
        built.has_text = !required_.empty();
        built.highlight = std::move(highlight_);
        built.numbers = std::move(number_texts_);
        built.strict = ranked(Xapian::Query::OP_AND);
        built.relaxed = ranked(Xapian::Query::OP_OR);
        return built;
    }

  private:
    static Queries to_terms(const std::vector<std::string>& terms) {
        return Queries(terms.begin(), terms.end());
    }

    /// Filters and exclusions around `q`.
    Xapian::Query filtered(Xapian::Query q) const {
        if (!filters_.empty()) {
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              combine(Xapian::Query::OP_AND, filters_));
        }
        if (!excluded_.empty()) {
            q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                              combine(Xapian::Query::OP_OR, excluded_));
        }
        return q;
    }

    RankedQuery ranked(Xapian::Query::op op) const {
        const Xapian::Query required = required_.empty() ? match_all() : clauses(op, required_);
        RankedQuery r;
        r.matching = filtered(required);
        r.ranking = with_number_boosts(required);
        r.scoring = number_boosts_.empty()
                        ? required
                        : Xapian::Query(Xapian::Query::OP_AND_MAYBE, required,
                                        combine(Xapian::Query::OP_OR, number_boosts_));
        const Xapian::Query tone = combine(Xapian::Query::OP_AND, to_terms(tone_terms_));
        if (!tone_terms_.empty()) {
            // Every syllable typed with marks present with those marks is a tier (the first
            // pass's tone tiers); each one present also weighs a little, so partial matches
            // rank between.
            r.boosts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                             combine(Xapian::Query::OP_OR, to_terms(tone_terms_)),
                                             kExactMarksBoost));
        }
        r.boosts.insert(r.boosts.end(), phrase_boosts_.begin(), phrase_boosts_.end());
        r.phrase_tiers = phrase_tiers_;

        // The first pass, tier by tier: the exact marks, then the pairs, then the pairs in the
        // title. The pairs tiers read the pairs instead of the syllables they cover. Not with any
        // clause sufficing: then no document has every pair.
        const bool with_pairs = op == Xapian::Query::OP_AND && !pairs_.empty();
        // The tone tiers must hold exactly the documents with every exact mark: the clauses'
        // exact forms say so for plain syllables, not for an abbreviation's or any-clause ones.
        const Xapian::Query exact_ranking =
            tone_terms_.empty() || (op == Xapian::Query::OP_AND && !marks_outside_clauses_)
                ? with_number_boosts(clauses(op, required_exact_))
                : Xapian::Query(Xapian::Query::OP_FILTER,
                                with_number_boosts(clauses(op, required_exact_)), tone);
        Xapian::Query pairs, on_pairs, titled;
        if (with_pairs) {
            pairs = combine(Xapian::Query::OP_AND, pairs_);
            Queries core = pairs_;
            for (std::size_t i = 0; i < required_.size(); ++i) {
                if (!covered_[i]) core.push_back(required_[i]);
            }
            on_pairs = combine(Xapian::Query::OP_AND, core);
            titled = combine(Xapian::Query::OP_AND, title_pairs_);
        }
        // With the pairs: those with them in the title first (a tier), each weighted on the
        // pairs (and the exact marks) instead of the syllables they cover.
        auto add_pair_tiers = [&](const Xapian::Query& on, double bonus) {
            r.first_pass.push_back(
                {Xapian::Query(Xapian::Query::OP_FILTER, on, titled), bonus + kTitleTier});
            r.first_pass.push_back({Xapian::Query(Xapian::Query::OP_AND_NOT, on, titled), bonus});
        };
        if (tone_terms_.empty()) {
            if (with_pairs) {
                add_pair_tiers(with_number_boosts(on_pairs), 0);
                r.first_pass.push_back(
                    {Xapian::Query(Xapian::Query::OP_AND_NOT, r.ranking, pairs), 0});
            } else {
                r.first_pass.push_back({r.ranking, 0});
            }
        } else if (with_pairs) {
            // The exact marks filter this tier without weighing in: the pairs order it.
            add_pair_tiers(
                with_number_boosts(Xapian::Query(Xapian::Query::OP_FILTER, on_pairs, tone)),
                kToneTier);
            r.first_pass.push_back(
                {Xapian::Query(Xapian::Query::OP_AND_NOT, exact_ranking, pairs), kToneTier});
            add_pair_tiers(
                Xapian::Query(Xapian::Query::OP_AND_NOT, with_number_boosts(on_pairs), tone), 0);
            r.first_pass.push_back(
                {Xapian::Query(Xapian::Query::OP_AND_NOT,
                               Xapian::Query(Xapian::Query::OP_AND_NOT, r.ranking, tone), pairs),
                 0});
        } else {
            r.first_pass.push_back({exact_ranking, kToneTier});
            r.first_pass.push_back({Xapian::Query(Xapian::Query::OP_AND_NOT, r.ranking, tone), 0});
        }
        return r;
    }

    /// The required clauses `of` (required_ or required_exact_) combined by `op`. With OP_OR
    /// (any clause sufficing) a number given in full stays required: it means that number only,
    /// so `số 999/2025/QĐ-UBND` found nowhere is not relaxed to every document with `số`.
    Xapian::Query clauses(Xapian::Query::op op, const Queries& of) const {
        if (op != Xapian::Query::OP_OR) return combine(op, of);
        Queries hard, soft;
        for (std::size_t i = 0; i < of.size(); ++i) (hard_[i] ? hard : soft).push_back(of[i]);
        if (!soft.empty()) hard.push_back(combine(Xapian::Query::OP_OR, soft));
        return combine(Xapian::Query::OP_AND, hard);
    }

    /// `q` with the own-number tiers, filtered.
    Xapian::Query with_number_boosts(const Xapian::Query& q) const {
        if (number_boosts_.empty()) return filtered(q);
        return filtered(Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                                      combine(Xapian::Query::OP_OR, number_boosts_)));
    }

    /// A topic abbreviation (`CĐS`) or its full form (`chuyển đổi số`) starting at token `i`:
    /// the longest, as {entry, tokens covered, typed short}.
    struct AbbreviationMatch {
        const Abbreviation* entry = nullptr;
        std::size_t length = 0;
        bool typed_short = false;
    };

    static AbbreviationMatch abbreviation_at(const std::vector<Token>& tokens, std::size_t i) {
        AbbreviationMatch best;
        auto matches = [&](const std::vector<std::string>& form) {
            if (form.empty() || i + form.size() > tokens.size()) return false;
            for (std::size_t k = 0; k < form.size(); ++k) {
                if (tokens[i + k].folded != form[k] || tokens[i + k].number >= 0) return false;
            }
            return true;
        };
        for (const auto& a : topic_abbreviations()) {
            if (matches(a.short_form) && a.short_form.size() > best.length)
                best = {&a, a.short_form.size(), true};
            if (matches(a.full_form) && a.full_form.size() > best.length)
                best = {&a, a.full_form.size(), false};
        }
        return best;
    }

    /// `CĐS` and `chuyển đổi số` as one term for matching and weighting (Xapian OP_SYNONYM);
    /// the expansion of an abbreviation must be a phrase, words typed in full need only co-occur.
    Xapian::Query synonym_unit(const AbbreviationMatch& m, const std::vector<std::string>& typed) {
        const auto& other = m.typed_short ? m.entry->full_form : m.entry->short_form;
        for (const auto& t : other) highlight_.push_back(t);
        const Xapian::Query as_typed =
            m.typed_short ? phrase(typed) : combine(Xapian::Query::OP_AND, to_terms(typed));
        const Xapian::Query alternative = phrase(other);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, as_typed, alternative);
    }

    /// The completions of the analysis' last word when it is an unfinished word: a plain syllable
    /// of a few letters the index does not hold. Empty otherwise.
    std::vector<std::string> unfinished(const Analysis& analysis) const {
        if (!index_ || analysis.tokens.empty()) return {};
        const Token& last = analysis.tokens.back();
        if (last.number >= 0 || last.folded.size() < kMinCompletedLetters ||
            last.folded.size() > kMaxCompletedBytes || index_->has_word(last.folded))
            return {};
        for (char c : last.folded)
            if (c < 'a' || c > 'z') return {};
        return index_->completions(last.folded, kMaxCompletions);
    }

    void add_positive(std::string_view text, const Analysis& analysis, bool quoted,
                      const std::vector<std::string>& completions) {
        const auto& tokens = analysis.tokens;
        std::vector<std::string> run;  // consecutive syllables outside numbers
        std::vector<std::string> all;
        for (std::size_t i = 0; i < tokens.size();) {
            const Token& t = tokens[i];
            all.push_back(t.folded);
            highlight_.push_back(t.folded);
            if (t.number >= 0) {
                const NumberMatch& match = analysis.numbers[static_cast<std::size_t>(t.number)];
                std::vector<std::string> parts;
                std::size_t j = i;
                for (; j < tokens.size() && tokens[j].number == t.number; ++j) {
                    parts.push_back(tokens[j].folded);
                    if (j > i) {
                        all.push_back(tokens[j].folded);
                        highlight_.push_back(tokens[j].folded);
                    }
                }
                has_complete_number_ = has_complete_number_ || match.number.complete;
                const NumberMatch& read = numbers_without_year_ ? without_year(match) : match;
                if (!quoted) {
                    require(number_query(read, parts));
                    hard_.back() = match.number.complete;
                }
                for (auto& t : number_tiers(read)) number_boosts_.push_back(std::move(t));
                number_texts_.emplace_back(text.substr(match.begin, match.end - match.begin));
                flush_run(run);
                i = j;
                continue;
            }
            if (const AbbreviationMatch m = abbreviation_at(tokens, i); m.entry && !quoted) {
                std::vector<std::string> typed;
                for (std::size_t k = i; k < i + m.length; ++k) {
                    typed.push_back(tokens[k].folded);
                    if (k > i) {
                        all.push_back(tokens[k].folded);
                        highlight_.push_back(tokens[k].folded);
                    }
                    // đ in an abbreviation (`CĐS`) is spelling, not a tone to rank by.
                    if (!m.typed_short && tokens[k].has_marks()) {
                        tone_terms_.push_back(std::string(schema::kExact) + tokens[k].exact);
                        marks_outside_clauses_ = true;
                    }
                }
                const Xapian::Query unit = synonym_unit(m, typed);
                require(unit, unit);
                for (const auto& syllable : typed) in_run(run, syllable, true);
                i += m.length;
                continue;
            }
            if (i + 1 == tokens.size() && !completions.empty()) {
                // An unfinished word: any of its completions, weighed as one word; no phrase with
                // the words before (its pairs are not known).
                flush_run(run);
                highlight_.insert(highlight_.end(), completions.begin(), completions.end());
                require(combine(Xapian::Query::OP_SYNONYM, to_terms(completions)));
                ++i;
                continue;
            }
            if (t.has_marks()) {
                tone_terms_.push_back(std::string(schema::kExact) + t.exact);
                if (quoted) marks_outside_clauses_ = true;  // the phrase clause is accent-free
            }
            if (!quoted)
                require(Xapian::Query(t.folded), t.has_marks() ? Xapian::Query(tone_terms_.back())
                                                               : Xapian::Query(t.folded));
            in_run(run, t.folded, !quoted);
            ++i;
        }
        flush_run(run);
        if (quoted) require(exact_phrase(all));
    }

    /// Phrase evidence for a run of plain syllables, from its pairs: the whole run as a tier,
    /// each adjacent pair as a weighted boost; the pairs also pick the first candidates.
    void flush_run(std::vector<std::string>& run) {
        if (run.size() >= 2) {
            mark_covered(run);
            const Queries pairs = pair_terms(run);
            pairs_.insert(pairs_.end(), pairs.begin(), pairs.end());
            const Queries title_pairs = pair_terms(run, schema::kTitlePair);
            title_pairs_.insert(title_pairs_.end(), title_pairs.begin(), title_pairs.end());
            const Xapian::Query phrase_tier = tier(kPhraseTier, exact_phrase(run));
            if (run.size() == 2 && pairs.size() == 1) {
                phrase_boosts_.push_back(phrase_tier);
            } else {
                phrase_tiers_.push_back(phrase_tier);
            }
            if (run.size() > 2) {
                for (const auto& pair : pairs) {
                    phrase_boosts_.push_back(
                        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, pair, kPairPhraseBoost));
                }
            }
        }
        run.clear();
        run_clauses_.clear();
    }

    /// A required clause of the run is covered when each of its syllables is in a pair term.
    void mark_covered(const std::vector<std::string>& run) {
        std::vector<bool> paired(run.size(), false);
        for (std::size_t i = 0; i + 1 < run.size(); ++i) {
            if (schema::has_pair_term(run[i], run[i + 1])) paired[i] = paired[i + 1] = true;
        }
        std::map<std::size_t, bool> clauses;  // clause -> every syllable paired
        for (std::size_t i = 0; i < run.size() && i < run_clauses_.size(); ++i) {
            const std::size_t clause = run_clauses_[i];
            if (clause == kNoClause) continue;
            auto [it, added] = clauses.emplace(clause, true);
            it->second = it->second && paired[i];
        }
        for (const auto& [clause, all_paired] : clauses) {
            if (all_paired) covered_[clause] = true;
        }
    }

    const IndexEvidence* index_;
    bool numbers_without_year_ = false;
    bool has_complete_number_ = false;
    /// A clause every match must meet, and its form over exact-mark terms (the same unless the
    /// clause is one syllable typed with marks). Its syllables in the run being collected are
    /// added after with in_run(): their pairs may cover it.
    void require(const Xapian::Query& clause, const Xapian::Query& exact_clause) {
        required_.push_back(clause);
        required_exact_.push_back(exact_clause);
        covered_.push_back(false);
        hard_.push_back(false);
    }
    /// Adds a syllable to the run, as part of the last required clause or of none.
    void in_run(std::vector<std::string>& run, const std::string& syllable, bool of_last_clause) {
        run.push_back(syllable);
        run_clauses_.push_back(of_last_clause ? required_.size() - 1 : kNoClause);
    }
    void require(const Xapian::Query& clause) { require(clause, clause); }

    Queries filters_;   ///< the filters given: every match meets each
    Queries excluded_;  ///< the exclusions given, then the words typed after `-`
    Queries required_, required_exact_;
    bool marks_outside_clauses_ = false;  ///< tone terms no exact clause requires
    std::vector<bool> covered_;           ///< per required clause: implied by the pairs
    std::vector<bool> hard_;  ///< per required clause: kept when the query is relaxed (clauses())
    static constexpr std::size_t kNoClause = static_cast<std::size_t>(-1);
    std::vector<std::size_t> run_clauses_;  ///< per syllable of the run: its required clause
    Queries pairs_;                         ///< every adjacent pair of the runs of syllables
    Queries title_pairs_;                   ///< the same as title pair terms
    Queries phrase_boosts_;  ///< two-syllable phrase tiers and pair boosts of each run
    Queries phrase_tiers_;   ///< phrase tiers of longer runs, on positions
    Queries number_boosts_;  ///< own-number tiers, in the first pass
    std::vector<std::string> tone_terms_;
    std::vector<std::string> highlight_;
    std::vector<std::string> number_texts_;
    std::size_t token_count_ = 0;
};

}  // namespace

Xapian::Query rescoring_query(const RankedQuery& q, const Xapian::Query& candidates) {
    Xapian::Query full(Xapian::Query::OP_FILTER, q.scoring, candidates);
    if (!q.boosts.empty()) {
        full = Xapian::Query(Xapian::Query::OP_AND_MAYBE, full,
                             Xapian::Query(Xapian::Query::OP_OR, q.boosts.begin(), q.boosts.end()));
    }
    // Each positional tier gets its own AND_MAYBE: Xapian 1.4.22 credited a phrase tier to
    // documents without the phrase when it sat in an OR next to plain terms, or under a filter
    // applied after it (both seen on this corpus: `Lê Trường Sơn`, `Uông Minh Long` lifting
    // documents with the words apart).
    for (const auto& phrase_tier : q.phrase_tiers)
        full = Xapian::Query(Xapian::Query::OP_AND_MAYBE, full, phrase_tier);
    return full;
}

Xapian::Query tier(double weight, const Xapian::Query& q) {
    Xapian::Query constant((new Xapian::FixedWeightPostingSource(weight))->release());
    return Xapian::Query(Xapian::Query::OP_FILTER, constant, q);
}

BuiltQuery build_query(const std::vector<QueryPart>& parts, const QueryFilters& filters,
                       const IndexEvidence* index) {
    // The part the typed text ends with (URL filters come after it and were not typed).
    const QueryPart* last_typed = nullptr;
    for (const auto& part : parts) {
        if (part.end > 0) last_typed = &part;
    }
    const bool may_be_unfinished = last_typed && last_typed->field == QueryField::None &&
                                   !last_typed->quoted && !last_typed->negated;
    auto build = [&](bool numbers_without_year) {
        Builder builder(filters, index, numbers_without_year);
        for (const auto& part : parts) builder.add(part, may_be_unfinished && &part == last_typed);
        return std::pair{builder.finish(), builder.has_complete_number()};
    };
    auto [built, has_complete_number] = build(false);
    if (has_complete_number) built.numbers_without_year = build(true).first.strict;
    return built;
}

}  // namespace tracuu
