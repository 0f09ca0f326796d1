#include "input_method.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <unordered_set>

#include "code_tables.hpp"
#include "embedded_data.hpp"
#include "latin_letters.hpp"
#include "utf8.hpp"
#include "vietnamese_syllables.hpp"
#include "word_forms.hpp"

namespace tracuu {
namespace {

enum class Method { Telex, Vni };

/// One row of data/input_methods.tsv.
struct KeyRule {
    Tone tone = Tone::None;           ///< a tone key, or
    Quality quality = Quality::None;  ///< a key that changes a letter's quality
    std::string targets;              ///< base letters it applies to; empty: any vowel (tones)
    bool adjacent = false;            ///< only to the letter just before it
    std::string alone;                ///< the letter it is with no target; "-": none
};

using KeyTable = std::map<std::pair<Method, char>, std::vector<KeyRule>>;

const KeyTable& key_table() {
    static const KeyTable table = [] {
        static const std::map<std::string_view, Tone> tones = {{"acute", Tone::Acute},
                                                               {"grave", Tone::Grave},
                                                               {"hook", Tone::Hook},
                                                               {"tilde", Tone::Tilde},
                                                               {"dot", Tone::Dot}};
        static const std::map<std::string_view, Quality> qualities = {
            {"circumflex", Quality::Circumflex},
            {"horn", Quality::Horn},
            {"breve", Quality::Breve},
            {"stroke", Quality::Stroke}};
        KeyTable t;
        for (const auto& row : parse_tsv(embedded::input_methods)) {
            if (row.size() < 5 || row[1].size() != 1) continue;
            KeyRule rule;
            if (auto tone = tones.find(row[2]); tone != tones.end()) rule.tone = tone->second;
            if (auto q = qualities.find(row[2]); q != qualities.end()) rule.quality = q->second;
            if (row[3] != "vowel") {
                for (char c : row[3])
                    if (c != ' ') rule.targets.push_back(c);
            }
            rule.adjacent = row[4] == "adjacent";
            if (row.size() > 5) rule.alone = std::string(row[5]);
            const Method method = row[0] == "vni" ? Method::Vni : Method::Telex;
            t[{method, row[1][0]}].push_back(std::move(rule));
        }
        return t;
    }();
    return table;
}

const std::unordered_set<std::string>& typed_as_is() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        for (const auto& row : parse_tsv(embedded::typed_as_is)) out.emplace(row[0]);
        return out;
    }();
    return words;
}

struct Letter {
    char base = 0;
    Quality quality = Quality::None;
    bool upper = false;
    bool is_vowel() const {
        return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' ||
               base == 'y';
    }
};

/// The letter a rule with these `targets` may change at `k`, or false: the u of `qu` belongs to
/// the onset and takes no horn.
bool is_target(const std::vector<Letter>& letters, std::size_t k, const KeyRule& rule) {
    const Letter& l = letters[k];
    if (l.quality != Quality::None || rule.targets.find(l.base) == std::string::npos) return false;
    return !(l.base == 'u' && k > 0 && letters[k - 1].base == 'q');
}

/// Applies `rule` to the nearest letter it can change; its index, or npos.
std::size_t find_target(const std::vector<Letter>& letters, const KeyRule& rule) {
    if (letters.empty()) return std::string::npos;
    const std::size_t lowest = rule.adjacent ? letters.size() - 1 : 0;
    for (std::size_t k = letters.size(); k-- > lowest;) {
        if (is_target(letters, k, rule)) return k;
    }
    return std::string::npos;
}

bool is_lower_ascii(char c) {
    return c >= 'a' && c <= 'z';
}

}  // namespace

namespace {

/// read_typed_keys; with `tone_inside`, a tone key may also come before the last vowels
/// (`chasy` for `cháy`, as Unikey's free typing takes it; but also `visa`, `taxi`).
std::optional<std::string> read_keys(std::string_view word, bool tone_inside) {
    if (word.empty() || word.size() > 24) return std::nullopt;
    Method method = Method::Telex;
    for (char c : word) {
        const char lower = static_cast<char>(c | 0x20);
        if (c >= '0' && c <= '9') {
            method = Method::Vni;
        } else if (!is_lower_ascii(lower)) {
            return std::nullopt;  // marks, punctuation: not a key sequence
        }
    }
    if (word[0] >= '0' && word[0] <= '9') return std::nullopt;

    std::vector<Letter> letters;
    Tone tone = Tone::None;
    std::size_t letters_at_tone = 0;  // letters typed before the tone key
    int modifiers = 0;
    for (char c : word) {
        const bool upper = c >= 'A' && c <= 'Z';
        const char key = upper ? static_cast<char>(c | 0x20) : c;
        const auto rules = key_table().find({method, key});
        bool applied = false;
        if (rules != key_table().end()) {
            // The rule whose letter is nearest (`hoaw`: the a takes the breve, not the o).
            const KeyRule* best = nullptr;
            std::size_t best_at = std::string::npos;
            for (const KeyRule& rule : rules->second) {
                if (rule.tone != Tone::None) {
                    const bool vowel = std::any_of(letters.begin(), letters.end(),
                                                   [](const Letter& l) { return l.is_vowel(); });
                    if (vowel && tone == Tone::None) {
                        tone = rule.tone;
                        letters_at_tone = letters.size();
                        applied = true;
                        break;
                    }
                    continue;
                }
                const std::size_t at = find_target(letters, rule);
                if (at != std::string::npos && (best == nullptr || at > best_at)) {
                    best = &rule;
                    best_at = at;
                }
            }
            if (best) {
                letters[best_at].quality = best->quality;
                // `uo` + horn is ươ: both take it (`dduowngf` -> đường).
                if (best->quality == Quality::Horn && letters[best_at].base == 'o' && best_at > 0 &&
                    letters[best_at - 1].base == 'u' &&
                    !(best_at > 1 && letters[best_at - 2].base == 'q'))
                    letters[best_at - 1].quality = Quality::Horn;
                applied = true;
            }
            if (!applied) {
                const std::string& alone = rules->second.front().alone;
                if (alone == "-") return std::nullopt;
                if (alone == "ư") {
                    letters.push_back({'u', Quality::Horn, upper});
                    ++modifiers;
                    continue;
                }
            }
        } else if (key >= '0' && key <= '9') {
            return std::nullopt;
        }
        if (applied) {
            ++modifiers;
        } else {
            letters.push_back({key, Quality::None, upper});
        }
    }
    if (modifiers == 0) return std::nullopt;
    // A tone comes after the vowels: only final consonants may follow it (`visa` is no Telex).
    for (std::size_t k = letters_at_tone; !tone_inside && tone != Tone::None && k < letters.size();
         ++k) {
        if (letters[k].is_vowel()) return std::nullopt;
    }
    // Where the tone goes is word_forms' rule (canonical placement): spelled with the tone on the
    // first vowel, then read back from its canonical form. The letters stay as typed (`lý`).
    auto spell = [&](std::size_t tone_at) {
        std::string s;
        for (std::size_t k = 0; k < letters.size(); ++k) {
            const char32_t cp = compose_lower(letters[k].base, letters[k].quality,
                                              k == tone_at ? tone : Tone::None);
            if (cp == 0) return std::string();
            utf8::append(s, letters[k].upper
                                ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp)))
                                : cp);
        }
        return s;
    };
    std::size_t tone_at = letters.size();
    if (tone != Tone::None) {
        const auto first_vowel = std::find_if(letters.begin(), letters.end(),
                                              [](const Letter& l) { return l.is_vowel(); });
        const std::string canonical = word_forms(spell(first_vowel - letters.begin())).exact;
        std::size_t pos = 0;
        for (std::size_t k = 0; pos < canonical.size(); ++k) {
            const auto letter = latin_letter(utf8::next(canonical, pos));
            if (letter && letter->tone != Tone::None) tone_at = k;
        }
    }
    const std::string out = spell(tone_at);
    if (out.empty()) return std::nullopt;
    if (!is_vietnamese_syllable(out)) return std::nullopt;
    return out;
}

}  // namespace

std::optional<std::string> read_typed_keys(std::string_view word) {
    return read_keys(word, false);
}

namespace {

// Run-together words longer than this many characters are not split.
constexpr std::size_t kMaxSplitChars = 48;
// The longest piece: a syllable of seven letters typed with three keys more (`nghieengx`).
constexpr std::size_t kMaxPieceChars = 10;
constexpr std::size_t kMaxSplits = 8;

std::size_t char_count(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < s.size(); ++n) utf8::next(s, pos);
    return n;
}

/// A piece as the syllable it is or spells; empty when neither, or of one letter.
std::string piece_reading(std::string_view piece) {
    if (reads_as_syllable(piece)) return char_count(piece) >= 2 ? std::string(piece) : "";
    const auto read = read_typed_keys(piece);
    return read && char_count(*read) >= 2 ? *read : "";
}

}  // namespace

std::vector<std::vector<std::string>> syllable_splits(std::string_view word) {
    std::vector<std::size_t> starts;  // byte offset of each character, then the end
    for (std::size_t pos = 0; pos < word.size();) {
        starts.push_back(pos);
        utf8::next(word, pos);
    }
    const std::size_t n = starts.size();
    starts.push_back(word.size());
    if (n < 4 || n > kMaxSplitChars) return {};

    // reading[i][len - 2]: the piece of `len` characters from character i, read.
    std::vector<std::vector<std::string>> reading(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t len = 2; len <= kMaxPieceChars && i + len <= n; ++len) {
            reading[i].push_back(
                piece_reading(word.substr(starts[i], starts[i + len] - starts[i])));
        }
    }
    // fewest[i]: the fewest pieces covering characters i.. (kNone: impossible).
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> fewest(n + 1, kNone);
    fewest[n] = 0;
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t len = 2; len - 2 < reading[i].size(); ++len) {
            if (!reading[i][len - 2].empty() && fewest[i + len] != kNone)
                fewest[i] = std::min(fewest[i], fewest[i + len] + 1);
        }
    }
    std::vector<std::vector<std::string>> splits;
    if (fewest[0] == kNone || fewest[0] < 2) return splits;
    std::vector<std::string> current;
    auto walk = [&](auto&& self, std::size_t i) -> void {
        if (splits.size() >= kMaxSplits) return;
        if (i == n) {
            splits.push_back(current);
            return;
        }
        for (std::size_t len = 2; len - 2 < reading[i].size(); ++len) {
            const std::string& piece = reading[i][len - 2];
            if (piece.empty() || fewest[i + len] == kNone || fewest[i + len] + 1 != fewest[i])
                continue;
            current.push_back(piece);
            self(self, i + len);
            current.pop_back();
        }
    };
    walk(walk, 0);
    return splits;
}

namespace {

/// Lower case, or capitalised: the cases a person typing words uses (`TW`, `DDoS` are names).
bool typed_in_word_case(std::string_view word) {
    std::size_t pos = 0;
    for (std::size_t k = 0; pos < word.size(); ++k) {
        const auto c = static_cast<UChar32>(utf8::next(word, pos));
        if (k > 0 && u_isupper(c)) return false;
    }
    return true;
}

/// How well the index bears a split out: pairs documents have, then how many documents.
std::pair<std::size_t, std::size_t> support(const std::vector<std::string>& pieces,
                                            const WordEvidence& evidence) {
    std::size_t pairs = 0, documents = 0;
    for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
        const std::size_t f = evidence.pair_frequency(fold(pieces[k]), fold(pieces[k + 1]));
        if (f > 0) ++pairs;
        documents += f;
    }
    return {pairs, documents};
}

/// A reading of one letter stands for a word only with a quality mark (`ở`, `ô`, `ư`): a bare
/// vowel with a tone is a label or English (`a1`, `A4`, `as`, `of`).
bool reads_alone(const std::string& read) {
    if (char_count(read) >= 2) return true;
    std::size_t pos = 0;
    const auto letter = latin_letter(utf8::next(read, pos));
    return letter && letter->quality != Quality::None;
}

std::string joined(const std::vector<std::string>& pieces) {
    std::string out;
    for (const auto& p : pieces) {
        if (!out.empty()) out += ' ';
        out += p;
    }
    return out;
}

}  // namespace

std::optional<std::string> reinterpret_word(std::string_view word, const WordEvidence* evidence) {
    if (word.empty() || !typed_in_word_case(word)) return std::nullopt;
    const std::string folded = fold(word);
    if (typed_as_is().count(folded)) return std::nullopt;
    const std::size_t frequency = evidence ? evidence->word_frequency(folded) : 0;
    // With an index: as typed, unless what it spells is far more common there.
    auto more_common = [&](std::size_t meant_frequency) {
        return meant_frequency > 0 && meant_frequency >= frequency * kTypedOdds;
    };
    if (reads_as_syllable(word)) {
        // `boong` is a syllable (a ship's deck) and Telex for `bông`: only an index can tell.
        if (!evidence) return std::nullopt;
        auto read = read_typed_keys(word);
        if (read && more_common(evidence->word_frequency(fold(*read)))) return read;
        return std::nullopt;
    }
    if (auto read = read_typed_keys(word)) {
        if (!reads_alone(*read)) return std::nullopt;
        if (evidence && frequency > 0 && !more_common(evidence->word_frequency(fold(*read))))
            return std::nullopt;  // `tw` where documents have it
        return read;
    }
    // The tone typed before the last vowel (`chasy`): only a word the index lacks, for a word it
    // has (`visa` could be `vía` as well).
    if (evidence && frequency == 0) {
        const auto read = read_keys(word, true);
        if (read && reads_alone(*read) && evidence->has_word(fold(*read))) return read;
    }
    const auto splits = syllable_splits(word);
    if (splits.empty()) return std::nullopt;
    if (!evidence) {
        if (splits.size() == 1) return joined(splits.front());
        return std::nullopt;  // `congan`: `công an` or `con gan`? Only an index can tell.
    }
    // The split whose pairs the documents have; none, or a tie: keep the word.
    const std::vector<std::string>* best = nullptr;
    std::pair<std::size_t, std::size_t> best_support{0, 0};
    bool tie = false;
    for (const auto& split : splits) {
        const auto s = support(split, *evidence);
        if (s > best_support) {
            best = &split;
            best_support = s;
            tie = false;
        } else if (s == best_support && best) {
            tie = true;
        }
    }
    if (!best || tie) return std::nullopt;
    if (frequency > 0) {
        // A word the index holds (a web address: `chuyendoiso.gov.vn`) is split only when its
        // every pair is far more common than it.
        std::size_t rarest = std::numeric_limits<std::size_t>::max();
        for (std::size_t k = 0; k + 1 < best->size(); ++k)
            rarest =
                std::min(rarest, evidence->pair_frequency(fold((*best)[k]), fold((*best)[k + 1])));
        if (!more_common(rarest)) return std::nullopt;
    }
    return joined(*best);
}

}  // namespace tracuu
