#include "spelling_suggestion.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <vector>

#include "analyzers/analyzer.hpp"
#include "analyzers/input_method.hpp"
#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"
#include "analyzers/vietnamese_syllables.hpp"
#include "analyzers/word_forms.hpp"
#include "index/schema.hpp"
#include "query_interpretation.hpp"
#include "query_syntax.hpp"

namespace tracuu {
namespace {

// The letters an edit may add or change to: a syllable typed with marks may have lost or gained
// a marked vowel (`lưng` for `lượng`); one typed without marks is corrected without them.
constexpr std::u32string_view kPlainLetters = U"abcdefghijklmnopqrstuvwxyz";
constexpr std::u32string_view kMarkedLetters =
    U"đàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

// Longer words are no syllables: not judged.
constexpr std::size_t kMaxSyllableLetters = 8;

std::u32string code_points_of(std::string_view s) {
    std::u32string out;
    for (std::size_t pos = 0; pos < s.size();) out.push_back(utf8::next(s, pos));
    return out;
}

std::string utf8_of(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

/// How likely an edit is a slip, most likely first: letters left out or swapped keep every letter
/// typed (`chẩn` for `chuẩn`, `tưhởng` for `thưởng`); then one typed too many; then one changed.
enum class Slip { KeptLetters = 0, ExtraLetter = 1, ChangedLetter = 2 };

/// Every spelling one edit from `word` (a letter added, taken out, changed, or two side by side
/// swapped), with the likeliest slip that gives it.
std::map<std::u32string, Slip> one_edit_away(const std::u32string& word, bool marked) {
    std::map<std::u32string, Slip> out;
    auto add = [&](std::u32string w, Slip slip) {
        auto [it, added] = out.emplace(std::move(w), slip);
        if (!added) it->second = std::min(it->second, slip);
    };
    auto each_letter = [&](auto&& f) {
        for (char32_t c : kPlainLetters) f(c);
        if (marked) {
            for (char32_t c : kMarkedLetters) f(c);
        }
    };
    for (std::size_t i = 0; i <= word.size(); ++i) {
        if (i < word.size()) {
            std::u32string w = word;
            w.erase(i, 1);
            add(std::move(w), Slip::ExtraLetter);
        }
        if (i + 1 < word.size() && word[i] != word[i + 1]) {
            std::u32string w = word;
            std::swap(w[i], w[i + 1]);
            add(std::move(w), Slip::KeptLetters);
        }
        each_letter([&](char32_t c) {
            std::u32string added = word;
            added.insert(i, 1, c);
            add(std::move(added), Slip::KeptLetters);
            if (i < word.size() && word[i] != c) {
                std::u32string changed = word;
                changed[i] = c;
                add(std::move(changed), Slip::ChangedLetter);
            }
        });
    }
    return out;
}

/// A plain word of the query: where it is in `q`, its forms, and the words beside it that make
/// a pair term with it.
struct QueryWord {
    std::size_t begin = 0, end = 0;
    std::string exact, folded;
    bool capitalised = false;
    bool in_capitals = false;
    bool abbreviation = false;  ///< in capitals in a query that is not
    /// Keys typed without an input method (`thuwowngr`, `hoat5`): interpret_query reads it.
    bool input_method = false;
    std::vector<std::size_t> before, after;  ///< indexes of the neighbours in the word list
};

bool all_capitals(std::string_view s) {
    for (std::size_t pos = 0; pos < s.size();) {
        const auto c = static_cast<UChar32>(utf8::next(s, pos));
        if (u_isalpha(c) && !u_isupper(c)) return false;
    }
    return true;
}

std::vector<QueryWord> plain_words(const std::string& q, const IndexEvidence& index) {
    // Words in capitals are abbreviations unless the whole query is in capitals.
    const bool has_small_letters = !all_capitals(q);
    std::vector<QueryWord> words;
    for (const QueryPart& part : parse_query_syntax(q)) {
        if (part.field != QueryField::None || part.end <= part.begin) continue;
        const std::string_view text = std::string_view(q).substr(part.begin, part.end - part.begin);
        const Analysis analysis = analyze(text, NumberMode::Query);
        const std::size_t first = words.size();
        for (std::size_t i = 0; i < analysis.tokens.size(); ++i) {
            const Token& t = analysis.tokens[i];
            QueryWord w;
            w.begin = part.begin + t.begin;
            w.end = part.begin + t.end;
            w.exact = t.number >= 0 ? std::string() : t.exact;
            w.folded = t.folded;
            const std::string_view typed = text.substr(t.begin, t.end - t.begin);
            std::size_t pos = 0;
            w.capitalised = u_isupper(static_cast<UChar32>(utf8::next(typed, pos)));
            w.in_capitals = typed.size() > 1 && all_capitals(typed);
            w.abbreviation = has_small_letters && w.in_capitals;
            w.input_method = t.exact == t.folded && reinterpret_word(typed, &index).has_value();
            words.push_back(std::move(w));
        }
        for (std::size_t i = first; i + 1 < words.size(); ++i) {
            if (words[i].exact.empty() || words[i + 1].exact.empty() ||
                !schema::has_pair_term(words[i].folded, words[i + 1].folded))
                continue;
            words[i].after.push_back(i + 1);
            words[i + 1].before.push_back(i);
        }
    }
    return words;
}

/// The documents holding each pair `folded` makes with the words beside word `w`.
std::vector<std::size_t> pair_documents(const std::vector<QueryWord>& words, const QueryWord& w,
                                        const std::string& folded, const IndexEvidence& index) {
    std::vector<std::size_t> out;
    for (std::size_t b : w.before) out.push_back(index.pair_frequency(words[b].folded, folded));
    for (std::size_t a : w.after) out.push_back(index.pair_frequency(folded, words[a].folded));
    return out;
}

/// How well `folded` sits among the words beside word `w`: the documents of its pairs with them,
/// added up.
std::size_t context(const std::vector<QueryWord>& words, const QueryWord& w,
                    const std::string& folded, const IndexEvidence& index) {
    std::size_t sum = 0;
    for (std::size_t d : pair_documents(words, w, folded, index)) sum += d;
    return sum;
}

/// Why word `w` may be mistyped.
enum class Doubt {
    None,
    /// Its spelling with these marks is in no document (`đưng`, `chến`), or in very few and no
    /// Vietnamese syllable has it (`đờưng`).
    Spelling,
    /// It has words on both sides and makes no pair with them that more than kRarePairDocuments
    /// documents hold (`mức chẩn trợ`): one common pair says it is typed right (`bị Hải Phòng`:
    /// `bị hải` is rare, `Hải Phòng` is not).
    Context,
};

/// An abbreviation in capitals (`ĐH`, `HN`) is no mistyped syllable, nor are keys typed without
/// an input method in a query without marks (`thuwowngr`: interpret_query reads them); in a
/// query with marks they are a slip (`Turng`, not Telex `Tủng`).
bool doubted_spelling(const QueryWord& w, bool query_marked, const IndexEvidence& index) {
    if (w.exact.empty() || (w.before.empty() && w.after.empty()) || w.abbreviation ||
        (w.input_method && !query_marked))
        return false;
    const bool typed_marked = w.exact != w.folded;
    const std::size_t seen =
        typed_marked ? index.exact_frequency(w.exact) : index.word_frequency(w.folded);
    // Never seen, or seldom and no Vietnamese syllable (`tưhởng`, `đờưng`): a small index
    // holds many real words only once or twice.
    return seen == 0 || (seen <= kRarePairDocuments && !is_vietnamese_syllable(w.exact));
}

/// Why word `i` may be mistyped; `spelling_doubted`: doubted_spelling of each word.
Doubt doubt(const std::vector<QueryWord>& words, std::size_t i,
            const std::vector<bool>& spelling_doubted, const IndexEvidence& index) {
    const QueryWord& w = words[i];
    if (spelling_doubted[i]) return Doubt::Spelling;
    if (w.exact.empty() || w.abbreviation) return Doubt::None;
    // A word spelled as the index holds it is judged by the words on both sides: one rare pair
    // at the edge of a phrase (`III/2025 và nhiệm vụ`) says little, nor does a pair with a
    // word spelled as no document spells it (`vớưng mắc`: `mắc` is right).
    if (w.before.empty() || w.after.empty()) return Doubt::None;
    for (std::size_t n : w.before)
        if (spelling_doubted[n]) return Doubt::None;
    for (std::size_t n : w.after)
        if (spelling_doubted[n]) return Doubt::None;
    const auto documents = pair_documents(words, w, w.folded, index);
    if (*std::max_element(documents.begin(), documents.end()) <= kRarePairDocuments)
        return Doubt::Context;
    return Doubt::None;
}

struct Correction {
    std::size_t word = 0;
    Doubt why = Doubt::None;
    std::size_t support = 0;
    std::string text;
};

/// The best spelling one edit from word `i`, when the index says it is meant.
std::optional<Correction> correct(const std::vector<QueryWord>& words, std::size_t i, Doubt why,
                                  bool query_marked, const IndexEvidence& index) {
    const QueryWord& w = words[i];
    const std::u32string typed = code_points_of(w.exact);
    if (typed.size() < 2 || typed.size() > kMaxSyllableLetters) return std::nullopt;
    // Two letters and no vowel are a unit or a short form (`kg`, `mg`, `km`), not a syllable.
    if (typed.size() == 2 && fold(w.exact).find_first_of("aeiouy") == std::string::npos)
        return std::nullopt;
    // Marked candidates when the word or the query has marks: `văn phng` is `văn phòng`. A word
    // typed with marks is put right with marks.
    const bool typed_marked = w.exact != w.folded;
    const bool marked = typed_marked || query_marked;
    // Candidates by their likeliest slip and accent-free form, each with the spellings that
    // give it.
    std::map<std::pair<Slip, std::string>, std::vector<std::string>> by_folded;
    for (const auto& [edit, slip] : one_edit_away(typed, marked)) {
        const std::string spelled = utf8_of(edit);
        const std::string folded = fold(spelled);
        if (folded == w.folded) continue;  // marks alone: the search ignores them anyway
        const bool plain = folded == spelled;
        if (plain ? typed_marked || !reads_as_syllable(spelled) : !is_vietnamese_syllable(spelled))
            continue;
        by_folded[{slip, folded}].push_back(spelled);
    }
    if (by_folded.empty()) return std::nullopt;
    std::vector<std::string> pairs;  // asked at once: remote shards answer in one round trip
    for (const auto& [key, spellings] : by_folded) {
        const std::string& folded = key.second;
        for (std::size_t b : w.before) pairs.push_back(schema::pair_term(words[b].folded, folded));
        for (std::size_t a : w.after) pairs.push_back(schema::pair_term(folded, words[a].folded));
    }
    index.expect(pairs);
    // A spelling no document has needs only a context some documents have; a spelling judged
    // by its context a much better one.
    const std::size_t needed =
        why == Doubt::Spelling ? kMinCorrectedPairDocuments
                               : std::max(kMinCorrectedPairDocuments,
                                          kCorrectedPairOdds * context(words, w, w.folded, index));
    // The likeliest slip that gives a wanted word, the best context among those.
    const std::pair<Slip, std::string>* best = nullptr;
    std::size_t best_support = 0;
    for (const auto& [key, spellings] : by_folded) {
        if (best && key.first != best->first) break;
        // A real word with a letter taken out is mostly another real word (`thêm` -> `thê`,
        // `Anh` -> `An`): not offered for a word doubted by its context alone.
        if (why == Doubt::Context && key.first == Slip::ExtraLetter) continue;
        // Doubted by the words on both sides, it must fit with both.
        if (why == Doubt::Context) {
            const auto documents = pair_documents(words, w, key.second, index);
            if (*std::min_element(documents.begin(), documents.end()) == 0) continue;
        }
        const std::size_t s = context(words, w, key.second, index);
        if (s >= needed && s > best_support) {
            best = &key;
            best_support = s;
        }
    }
    if (!best) return std::nullopt;
    const std::string& folded = best->second;
    std::string text = folded;
    if (marked) {
        // The spelling with marks the index holds most often; a word typed without marks keeps
        // none unless that spelling is most of the word's documents.
        std::vector<std::string> exact_terms;
        for (const std::string& spelled : by_folded[*best])
            exact_terms.push_back(std::string(schema::kExact) + spelled);
        index.expect(exact_terms);
        std::size_t most = 0;
        std::string spelled_most;
        for (const std::string& spelled : by_folded[*best]) {
            const std::size_t f = spelled == folded ? 0 : index.exact_frequency(spelled);
            if (f > most) {
                most = f;
                spelled_most = spelled;
            }
        }
        if (typed_marked && most == 0) return std::nullopt;
        if (typed_marked || 2 * most >= index.word_frequency(folded)) text = spelled_most;
    }
    if (w.capitalised) {
        // `Turng` -> `Trung`, `CHNH` -> `CHÍNH`.
        std::u32string letters = code_points_of(text);
        for (std::size_t k = 0; k < (w.in_capitals ? letters.size() : 1); ++k)
            letters[k] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(letters[k])));
        text = utf8_of(letters);
    }
    return Correction{i, why, best_support, std::move(text)};
}

}  // namespace

std::optional<std::string> suggest_spelling(std::string_view raw, const IndexEvidence& index) {
    std::string q = normalize_text(raw);
    const std::vector<QueryWord> words = plain_words(q, index);
    // Every term the doubts need, asked at once (remote shards answer in one round trip).
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (std::size_t a : words[i].after)
            terms.push_back(schema::pair_term(words[i].folded, words[a].folded));
    }
    if (terms.empty()) return std::nullopt;
    for (const QueryWord& w : words) {
        if (w.exact.empty()) continue;
        terms.push_back(w.exact != w.folded ? std::string(schema::kExact) + w.exact : w.folded);
    }
    index.expect(terms);
    const bool query_marked = std::any_of(words.begin(), words.end(), [](const QueryWord& w) {
        return !w.exact.empty() && w.exact != w.folded;
    });
    std::vector<bool> spelling_doubted;
    for (const QueryWord& w : words)
        spelling_doubted.push_back(doubted_spelling(w, query_marked, index));
    std::vector<Correction> corrections;
    std::size_t doubted = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Doubt why = doubt(words, i, spelling_doubted, index);
        if (why == Doubt::None) continue;
        // Each doubt costs a round trip to remote shards: a few per query.
        if (++doubted > kMaxDoubtedWords) break;
        if (auto c = correct(words, i, why, query_marked, index))
            corrections.push_back(std::move(*c));
    }
    // The surest first (a spelling no document has, then the best supported); a word beside one
    // put right was judged by a mistyped neighbour (`vớưng mắc`: `mắc` is right).
    std::sort(corrections.begin(), corrections.end(), [](const Correction& a, const Correction& b) {
        if (a.why != b.why) return a.why == Doubt::Spelling;
        return a.support > b.support;
    });
    std::vector<bool> changed(words.size(), false);
    std::vector<const Correction*> kept;
    for (const Correction& c : corrections) {
        const bool neighbour_changed = (c.word > 0 && changed[c.word - 1]) ||
                                       (c.word + 1 < words.size() && changed[c.word + 1]);
        if (neighbour_changed) continue;
        changed[c.word] = true;
        kept.push_back(&c);
    }
    if (kept.empty()) return std::nullopt;
    std::sort(kept.begin(), kept.end(),
              [](const Correction* a, const Correction* b) { return a->word > b->word; });
    for (const Correction* c : kept) {
        const QueryWord& w = words[c->word];
        q.replace(w.begin, w.end - w.begin, c->text);
    }
    return q;
}

}  // namespace tracuu
