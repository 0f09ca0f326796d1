#include "vietnamese_syllables.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include <unordered_set>

#include "latin_letters.hpp"
#include "legacy_encoding.hpp"
#include "text_normalizer.hpp"
#include "utf8.hpp"
#include "word_forms.hpp"
#include "word_memo.hpp"

namespace tracuu {
namespace {

// Spelling of a syllable without its tone: onset, vowel nucleus (with the glides i/y/o/u that
// close it), coda. Longest onsets and codas first.
constexpr std::array<std::string_view, 27> kOnsets = {
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d",
    "đ",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v", "x"};
constexpr std::array<std::string_view, 8> kCodas = {"ng", "nh", "ch", "c", "m", "n", "p", "t"};
constexpr std::array<std::string_view, 58> kNuclei = {
    "a",   "ă",   "â",   "e",   "ê",   "i",   "o",   "ô",   "ơ",   "u",   "ư",   "y",
    "ai",  "ao",  "au",  "ay",  "âu",  "ây",  "eo",  "êu",  "ia",  "iê",  "iu",  "oa",
    "oă",  "oe",  "oi",  "ôi",  "ơi",  "oo",  "ôô",  "ua",  "uâ",  "uê",  "ui",  "uô",
    "uơ",  "uy",  "ưa",  "ưi",  "ươ",  "ưu",  "yê",  "oai", "oao", "oay", "oeo", "uây",
    "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "iêu", "yêu", "uyê", "ưo"};

template <std::size_t N>
bool is_one_of(std::string_view s, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

/// The toneless lower-case spelling of one letter, or empty when Vietnamese has no such letter.
std::string_view toneless(const LatinLetter& l) {
    switch (l.quality) {
        case Quality::None:
            if (l.base == 'f' || l.base == 'j' || l.base == 'w' || l.base == 'z') return {};
            return std::string_view("abcdefghijklmnopqrstuvwxyz").substr(l.base - 'a', 1);
        case Quality::Circumflex:
            return l.base == 'a' ? "â" : l.base == 'e' ? "ê" : l.base == 'o' ? "ô" : "";
        case Quality::Breve:
            return l.base == 'a' ? "ă" : "";
        case Quality::Horn:
            return l.base == 'o' ? "ơ" : l.base == 'u' ? "ư" : "";
        case Quality::Stroke:
            return l.base == 'd' ? "đ" : "";
        default:
            return {};
    }
}

bool valid_nucleus_and_coda(std::string_view rest, Tone tone) {
    for (std::string_view coda : kCodas) {
        if (rest.size() > coda.size() && rest.ends_with(coda)) {
            const std::string_view nucleus = rest.substr(0, rest.size() - coda.size());
            if (!is_one_of(nucleus, kNuclei)) continue;
            // Syllables closed by a stop take only the rising or the heavy tone.
            const bool stop = coda == "c" || coda == "ch" || coda == "p" || coda == "t";
            return !stop || tone == Tone::Acute || tone == Tone::Dot;
        }
    }
    return is_one_of(rest, kNuclei);
}

/// Latin-1 and Windows-1252 symbols that Vietnamese text has no use for but that legacy bytes
/// decoded with the wrong table turn into.
bool is_stray_symbol(char32_t c) {
    switch (c) {
        case 0xA4:
        case 0xA5:
        case 0xA6:
        case 0xA7:
        case 0xA8:
        case 0xAA:
        case 0xAC:
        case 0xAF:
        case 0xB1:
        case 0xB4:
        case 0xB5:
        case 0xB6:
        case 0xB7:
        case 0xB8:
        case 0xB9:
        case 0xBA:
        case 0xBC:
        case 0xBD:
        case 0xBE:
        case 0xBF:
        case 0x192:
        case 0x2020:
        case 0x2021:
        case 0x2030:
        case 0x160:
        case 0x161:
        case 0x152:
        case 0x153:
        case 0x17D:
        case 0x17E:
        case 0x178:
        case 0x2039:
        case 0x203A:
        case utf8::kReplacement:
            return true;
        default:
            return false;
    }
}

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';  // what ICU says, without a call
    return u_isalpha(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) > 0;
}

}  // namespace

namespace {

/// is_vietnamese_syllable remembered: a text judged for its encoding repeats a few thousand
/// words (the check was a sixth of indexing a directive).
bool remembered_syllable_verdict(std::string_view word) {
    return remembered<1 << 16, 32>(word,
                                   [](std::string_view w) { return is_vietnamese_syllable(w); });
}

}  // namespace

bool is_vietnamese_syllable(std::string_view word) {
    std::string spelling;
    Tone tone = Tone::None;
    std::size_t pos = 0;
    while (pos < word.size()) {
        const auto letter = latin_letter(utf8::next(word, pos));
        if (!letter || letter->foreign_mark) return false;
        const std::string_view t = toneless(*letter);
        if (t.empty()) return false;
        if (letter->tone != Tone::None) {
            if (tone != Tone::None) return false;  // one tone per syllable
            tone = letter->tone;
        }
        spelling += t;
    }
    if (spelling.empty()) return false;
    std::string_view s = spelling;
    for (std::string_view onset : kOnsets) {
        if (!s.starts_with(onset)) continue;
        // `gi` before a consonant is g + the vowel i (`gìn`); a bare onset is no syllable.
        if (valid_nucleus_and_coda(s.substr(onset.size()), tone)) return true;
    }
    return valid_nucleus_and_coda(s, tone);
}

bool reads_as_syllable(std::string_view word) {
    std::string lower;
    for (char c : word) {
        // Marked: judged as it is.
        if ((c | 0x20) < 'a' || (c | 0x20) > 'z') return is_vietnamese_syllable(word);
        lower.push_back(static_cast<char>(c | 0x20));
    }
    // The accent-free spellings of the onsets, nuclei and codas (đ -> d, ư -> u, ...), once.
    static const auto folded = [] {
        auto fold_all = [](auto& parts) {
            std::unordered_set<std::string> out;
            for (std::string_view p : parts) out.insert(fold(p));
            return out;
        };
        return std::array<std::unordered_set<std::string>, 3>{fold_all(kOnsets), fold_all(kNuclei),
                                                              fold_all(kCodas)};
    }();
    // Named references, not a structured binding: clang 14 (the sanitized build) cannot capture
    // one in the lambda below.
    const auto& onsets = folded[0];
    const auto& nuclei = folded[1];
    const auto& codas = folded[2];
    // Nuclei closed by a glide take no final consonant, whatever their marks (`caic` is none).
    static const std::unordered_set<std::string_view> open_only = {
        "ai",  "ao",  "au",  "ay",  "eo",  "eu",  "ia",  "iu",  "oi",  "ui",  "uu",
        "oai", "oao", "oay", "oeo", "uay", "uoi", "uou", "ieu", "yeu", "uya", "uyu"};
    auto rhyme = [&](std::string_view rest) {
        if (nuclei.count(std::string(rest))) return true;
        for (const auto& coda : codas) {
            if (rest.size() <= coda.size() || !rest.ends_with(coda)) continue;
            const std::string_view nucleus = rest.substr(0, rest.size() - coda.size());
            if (nuclei.count(std::string(nucleus)) && !open_only.count(nucleus)) return true;
        }
        return false;
    };
    const std::string_view s = lower;
    for (const auto& onset : onsets) {
        if (s.starts_with(onset) && s.size() > onset.size() && rhyme(s.substr(onset.size())))
            return true;
    }
    return !s.empty() && rhyme(s);
}

SyllableStats vietnamese_syllable_stats(std::string_view raw) {
    // NFC (decoders may give combining marks); most text is NFC already and is read in place.
    std::string composed;
    std::string_view text = raw;
    if (!is_nfc(raw)) {
        composed = normalize_text(raw);
        text = composed;
    }
    SyllableStats stats;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t c = utf8::next(text, pos);
        if (is_stray_symbol(c)) {
            ++stats.judged;
            continue;
        }
        if (!is_word_char(c)) continue;
        bool ascii_only = c < 0x80;
        std::size_t end = pos;
        while (end < text.size()) {
            std::size_t next = end;
            const char32_t d = utf8::next(text, next);
            if (!is_word_char(d)) break;
            ascii_only = ascii_only && d < 0x80;
            end = next;
        }
        pos = end;
        if (ascii_only) continue;
        ++stats.judged;
        if (remembered_syllable_verdict(text.substr(start, end - start))) ++stats.plausible;
    }
    return stats;
}

FunctionWordCount count_function_words(std::string_view text) {
    // Grammar words only: nouns such as `năm` or `tỉnh` fill lists of names and places too.
    static const std::unordered_set<std::string_view> function_words = {
        "của",  "và",   "các",   "những", "được", "là",  "có",   "này", "với", "để",
        "về",   "đã",   "không", "một",   "tại",  "từ",  "đến",  "thì", "như", "cũng",
        "vào",  "cho",  "theo",  "trong", "khi",  "sau", "trên", "đó",  "bị",  "sẽ",
        "đang", "hoặc", "nếu",   "nhưng", "phải", "đối", "mà",   "nhằm"};
    constexpr std::size_t kLongest = 8;  // bytes of `những`, `nhưng`
    FunctionWordCount count;
    std::string lower;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        if (!is_word_char(utf8::next(text, pos))) continue;
        std::size_t end = pos;
        while (end < text.size()) {
            std::size_t next = end;
            if (!is_word_char(utf8::next(text, next))) break;
            end = next;
        }
        pos = end;
        ++count.words;
        if (end - start > kLongest) continue;
        lower.clear();
        for (std::size_t i = start; i < end;)
            utf8::append(
                lower, static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::next(text, i)))));
        if (function_words.count(lower)) ++count.function_words;
    }
    return count;
}

bool looks_like_mojibake(std::string_view text) {
    const SyllableStats stats = vietnamese_syllable_stats(text);
    return stats.judged >= kMinJudgedWords && stats.ratio() < kMojibakeBelow &&
           meant_as_vietnamese(text);
}

}  // namespace tracuu
