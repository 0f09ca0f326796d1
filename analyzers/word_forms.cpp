#include "word_forms.hpp"

#include <array>
#include <functional>
#include <optional>
#include <unordered_map>

#include "latin_letters.hpp"
#include "utf8.hpp"
#include "word_memo.hpp"

namespace tracuu {
namespace {

// Longest word treated as a Vietnamese syllable candidate; longer tokens are kept as they are.
constexpr std::size_t kMaxSyllableLetters = 12;

struct Syllable {
    std::array<LatinLetter, kMaxSyllableLetters> letters;
    std::size_t size = 0;
};

/// Decodes `word` as lower-case Latin letters only; nullopt when it holds anything else.
std::optional<Syllable> as_letters(std::string_view word) {
    Syllable s;
    std::size_t pos = 0;
    while (pos < word.size()) {
        if (s.size == kMaxSyllableLetters) return std::nullopt;
        auto letter = latin_letter(utf8::next(word, pos));
        if (!letter || letter->foreign_mark) return std::nullopt;
        letter->upper = false;
        s.letters[s.size++] = *letter;
    }
    return s;
}

bool is_plain(const LatinLetter& l, char base) {
    return l.base == base && l.quality == Quality::None;
}

/// Puts the tone on its canonical vowel (traditional placement, the one most directives use:
/// hòa, thúy, khỏe, hoàng, người) and unifies the i/y variant of an open syllable (kĩ/kỹ,
/// lí/lý, quí/quý). Leaves anything that is not a well-formed syllable untouched.
void canonicalise(Syllable& s) {
    const std::size_t n = s.size;
    Tone tone = Tone::None;
    int tones = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (s.letters[i].tone != Tone::None) {
            if (!s.letters[i].is_vowel()) return;  // a tone on a consonant: not Vietnamese
            tone = s.letters[i].tone;
            ++tones;
        }
    }
    if (tones > 1) return;

    // Onset: leading consonants, with the u of "qu" and the i of "gi" before another vowel.
    std::size_t v0 = 0;
    while (v0 < n && !s.letters[v0].is_vowel()) ++v0;
    if (v0 == n) return;
    if (v0 + 1 < n && s.letters[v0 + 1].is_vowel() && v0 > 0) {
        const LatinLetter& before = s.letters[v0 - 1];
        if ((before.base == 'q' && is_plain(s.letters[v0], 'u')) ||
            (before.base == 'g' && v0 == 1 && s.letters[v0].base == 'i' &&
             s.letters[v0].quality == Quality::None)) {
            ++v0;
        }
    }
    std::size_t v1 = v0;
    while (v1 < n && s.letters[v1].is_vowel()) ++v1;
    for (std::size_t i = v1; i < n; ++i) {
        if (s.letters[i].is_vowel()) return;  // two vowel groups: a loan word, not a syllable
    }
    const std::size_t nucleus = v1 - v0;
    if (nucleus > 3) return;
    const bool has_coda = v1 < n;

    if (tone != Tone::None) {
        std::size_t target = v0;
        bool marked = false;
        for (std::size_t i = v0; i < v1; ++i) {
            if (s.letters[i].quality != Quality::None) {
                target = i;  // the last quality-marked vowel: ơ in ươ, ê in iê/uyê
                marked = true;
            }
        }
        if (!marked) {
            if (has_coda) {
                target = v1 - 1;  // hoàng, toán, quyết
            } else if (nucleus == 3) {
                target = v0 + 1;  // ngoài, khuỷu
            } else {
                target = v0;  // hòa, thúy, khỏe, mùa, tài
            }
        }
        for (std::size_t i = 0; i < n; ++i) s.letters[i].tone = Tone::None;
        s.letters[target].tone = tone;
    }

    // i/y: the same syllable only when it is the whole rhyme after an onset (kĩ/kỹ, quí/quý),
    // not in diphthongs where they differ (tai/tay, tui/tuy).
    if (nucleus == 1 && !has_coda && v0 > 0 && s.letters[v0].base == 'y' &&
        s.letters[v0].quality == Quality::None) {
        s.letters[v0].base = 'i';
    }
}

void append_letter(std::string& out, const LatinLetter& l) {
    const char32_t c = compose_lower(l.base, l.quality, l.tone);
    if (c != 0) {
        utf8::append(out, c);
    } else {
        out.push_back(l.base);  // no precomposed form exists: keep the letter, drop the mark
    }
}

}  // namespace

void append_folded(std::string& out, std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            out.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
            ++pos;
            continue;
        }
        const char32_t c = utf8::next(text, pos);
        if (auto letter = latin_letter(c)) {
            out.push_back(letter->base);
        } else {
            utf8::append(out, fold_case(c));
        }
    }
}

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_folded(out, text);
    return out;
}

std::string fold_words(std::string_view text) {
    std::string out;
    while (!text.empty()) {
        const auto space = text.find(' ');
        const std::string_view word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        if (word.empty()) continue;
        if (!out.empty()) out.push_back(' ');
        out += word_forms(word).folded;
    }
    return out;
}

namespace {

WordForms compute_word_forms(std::string_view word) {
    WordForms forms;
    if (auto syllable = as_letters(word)) {
        canonicalise(*syllable);
        forms.exact.reserve(word.size());
        forms.folded.reserve(syllable->size);
        for (std::size_t i = 0; i < syllable->size; ++i) {
            append_letter(forms.exact, syllable->letters[i]);
            forms.folded.push_back(syllable->letters[i].base);
        }
        return forms;
    }
    // Digits, other scripts or long tokens: fold case and marks, no syllable rules.
    forms.exact.reserve(word.size());
    std::size_t pos = 0;
    while (pos < word.size()) {
        const char32_t c = utf8::next(word, pos);
        if (auto letter = latin_letter(c); letter && !letter->foreign_mark) {
            append_letter(forms.exact, *letter);
        } else {
            utf8::append(forms.exact, fold_case(c));
        }
    }
    forms.folded = fold(word);
    return forms;
}

}  // namespace

WordForms word_forms(std::string_view word) {
    // Remembered: skips most of the decoding and tone placement.
    return remembered<1 << 17, 40>(word, [](std::string_view w) { return compute_word_forms(w); });
}

}  // namespace tracuu
