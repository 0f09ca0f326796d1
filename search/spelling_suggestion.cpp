#include "spelling_suggestion.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>
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

/// The slip an edit undoes: letters left out or swapped keep every letter typed (`chẩn` for
/// `chuẩn`, `tưhởng` for `thưởng`), the likeliest; a letter typed too many; one changed.
/// correct() ranks the first alone, the other two together.
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
    std::u32string typed;  ///< as typed, in small letters (exact moves tone marks)
    bool capitalised = false;
    bool in_capitals = false;
    bool abbreviation = false;  ///< in capitals in a query that is not
    bool name = false;          ///< capitalised in a query that is not in capitals
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
        // Excluded words are left as typed: put right, they would exclude what they now name.
        if (part.field != QueryField::None || part.negated || part.end <= part.begin) continue;
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
            for (char32_t c : code_points_of(typed))
                w.typed.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
            w.in_capitals = typed.size() > 1 && all_capitals(typed);
            w.abbreviation = has_small_letters && w.in_capitals;
            w.name = has_small_letters && w.capitalised;
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
    // A capitalised word spelled as the index holds it is a name's (`Bùi Bá Phong`, `dân tộc Ba
    // Na`): its pairs are rare because names are.
    if (w.exact.empty() || w.abbreviation || w.name) return Doubt::None;
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
    Slip slip = Slip::KeptLetters;
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
    // Candidates by rank (letters kept first, then the other slips together: a letter typed too
    // many is no likelier than one changed, `Nli vụ` is `Nội vụ`, not `Li vụ`) and accent-free
    // form, each with the spellings that give it and their slips.
    // Edits of the word as typed and of its canonical form (`lợưng` swapped is `lượng`; the
    // canonical form has moved its tone mark), each spelled in canonical form.
    auto edits = one_edit_away(typed, marked);
    if (w.typed != typed) {
        for (const auto& [edit, slip] : one_edit_away(w.typed, marked)) {
            auto [it, added] = edits.emplace(edit, slip);
            if (!added) it->second = std::min(it->second, slip);
        }
    }
    std::map<std::pair<int, std::string>, std::vector<std::pair<std::string, Slip>>> groups;
    std::set<std::pair<int, std::string>> seen;  // (rank, spelling)
    for (const auto& [edit, slip] : edits) {
        // A real word with a letter taken out is mostly another real word (`thêm` -> `thê`,
        // `Anh` -> `An`): not offered for a word doubted by its context alone.
        if (why == Doubt::Context && slip == Slip::ExtraLetter) continue;
        const std::string written = utf8_of(edit);
        const WordForms forms = word_forms(written);
        if (forms.folded == w.folded) continue;  // marks alone: the search ignores them anyway
        const bool plain = forms.folded == forms.exact;
        if (plain ? typed_marked || !reads_as_syllable(written) : !is_vietnamese_syllable(written))
            continue;
        const int rank = slip == Slip::KeptLetters ? 0 : 1;
        if (!seen.emplace(rank, forms.exact).second) continue;
        groups[{rank, forms.folded}].emplace_back(forms.exact, slip);
    }
    if (groups.empty()) return std::nullopt;
    std::vector<std::string> terms;  // asked at once: remote shards answer in one round trip
    for (const auto& [key, spellings] : groups) {
        const std::string& folded = key.second;
        for (std::size_t b : w.before) terms.push_back(schema::pair_term(words[b].folded, folded));
        for (std::size_t a : w.after) terms.push_back(schema::pair_term(folded, words[a].folded));
    }
    index.expect(terms);
    // A spelling no document has needs only a context some documents have; a spelling judged
    // by its context a much better one, fitting both sides.
    const std::size_t needed =
        why == Doubt::Spelling ? kMinCorrectedPairDocuments
                               : std::max(kMinCorrectedPairDocuments,
                                          kCorrectedPairOdds * context(words, w, w.folded, index));
    std::vector<std::pair<const std::pair<int, std::string>*, std::size_t>> fitting;
    terms.clear();
    for (const auto& [key, spellings] : groups) {
        if (why == Doubt::Context) {
            const auto documents = pair_documents(words, w, key.second, index);
            if (*std::min_element(documents.begin(), documents.end()) == 0) continue;
        }
        const std::size_t support = context(words, w, key.second, index);
        if (support < needed) continue;
        fitting.emplace_back(&key, support);
        for (const auto& [spelled, slip] : spellings) {
            if (spelled != key.second) terms.push_back(std::string(schema::kExact) + spelled);
        }
    }
    index.expect(terms);
    // How the candidate of `folded` is shown, or nullopt. With marks: the spelling the index
    // holds most often; for a word spelled as the index holds it, that spelling must be a fair
    // share of the accent-free word's documents (the pairs are counted without marks: `lâm
    // đuốc` is not what `làm được` makes common). A word typed without marks keeps none unless
    // that spelling is most of them.
    auto shown = [&](const std::string& folded,
                     const std::vector<std::pair<std::string, Slip>>& spellings)
        -> std::optional<std::pair<std::string, Slip>> {
        const std::pair<std::string, Slip>* plain = nullptr;
        const std::pair<std::string, Slip>* most_spelled = nullptr;
        std::size_t most = 0;
        for (const auto& candidate : spellings) {
            if (candidate.first == folded) {
                plain = &candidate;
                continue;
            }
            const std::size_t f = index.exact_frequency(candidate.first);
            if (f > most) {
                most = f;
                most_spelled = &candidate;
            }
        }
        if (!marked) return plain ? std::optional(*plain) : std::nullopt;
        const std::size_t documents = index.word_frequency(folded);
        if (most_spelled &&
            (2 * most >= documents ||
             (typed_marked && (why == Doubt::Spelling || most * kShownSpellingShare >= documents))))
            return *most_spelled;
        if (!typed_marked && plain) return *plain;
        return std::nullopt;
    };
    // The best context in the first rank that has a candidate to show.
    std::optional<Correction> best;
    int best_rank = 2;
    for (const auto& [key, support] : fitting) {
        if (key->first > best_rank || (best && key->first == best_rank && support <= best->support))
            continue;
        const auto spelled = shown(key->second, groups[*key]);
        if (!spelled) continue;
        best = Correction{i, why, support, spelled->first, spelled->second};
        best_rank = key->first;
    }
    if (!best) return std::nullopt;
    if (w.capitalised) {
        // `Turng` -> `Trung`, `CHNH` -> `CHÍNH`.
        std::u32string letters = code_points_of(best->text);
        for (std::size_t k = 0; k < (w.in_capitals ? letters.size() : 1); ++k)
            letters[k] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(letters[k])));
        best->text = utf8_of(letters);
    }
    return best;
}

}  // namespace

std::optional<SpellingSuggestion> suggest_spelling(std::string_view raw,
                                                   const IndexEvidence& index) {
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
    SpellingSuggestion suggestion;
    suggestion.sure = true;
    for (const Correction* c : kept) {
        const QueryWord& w = words[c->word];
        q.replace(w.begin, w.end - w.begin, c->text);
        suggestion.sure =
            suggestion.sure && c->why == Doubt::Spelling && c->slip == Slip::KeptLetters;
    }
    suggestion.query = std::move(q);
    return suggestion;
}

}  // namespace tracuu
