#include "latin_letters.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "table_lookup.hpp"

namespace tracuu {
namespace {

// Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional (where Vietnamese lives).
constexpr char32_t kTableEnd = 0x1F00;

struct Entry {
    LatinLetter letter;
    bool present = false;
};

struct Tables {
    std::vector<Entry> letters;  // indexed by code point < kTableEnd
    // composed[base][quality][tone]: lower-case precomposed letter, 0 when Unicode has none.
    std::array<std::array<std::array<char32_t, 6>, 6>, 26> composed{};
};

// The combining marks of Vietnamese letters: a vowel's quality, a syllable's tone.
constexpr std::pair<char16_t, Quality> kQualityMarks[] = {
    {0x0302, Quality::Circumflex}, {0x0306, Quality::Breve}, {0x031B, Quality::Horn}};
constexpr std::pair<char16_t, Tone> kToneMarks[] = {{0x0300, Tone::Grave},
                                                    {0x0301, Tone::Acute},
                                                    {0x0303, Tone::Tilde},
                                                    {0x0309, Tone::Hook},
                                                    {0x0323, Tone::Dot}};

Quality quality_of(char16_t mark) {
    return second_of(kQualityMarks, mark).value_or(Quality::Other);
}

std::optional<Tone> tone_of(char16_t mark) {
    return second_of(kToneMarks, mark);
}

std::optional<LatinLetter> decompose(const icu::Normalizer2& nfd, char32_t c) {
    if (c == 0x0110 ||
        c == 0x0111) {  // Đ đ have no decomposition: the stroke is part of the letter
        return LatinLetter{'d', Quality::Stroke, Tone::None, c == 0x0110, false};
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed =
        nfd.normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    if (U_FAILURE(status) || decomposed.length() == 0) return std::nullopt;
    const char16_t base = decomposed.charAt(0);
    const bool upper = base >= u'A' && base <= u'Z';
    const bool lower = base >= u'a' && base <= u'z';
    if (!upper && !lower) return std::nullopt;
    LatinLetter letter{static_cast<char>(upper ? base - u'A' + u'a' : base), Quality::None,
                       Tone::None, upper, false};
    for (int32_t i = 1; i < decomposed.length(); ++i) {
        const char16_t mark = decomposed.charAt(i);
        if (auto tone = tone_of(mark); tone && letter.tone == Tone::None) {
            letter.tone = *tone;
        } else if (letter.quality == Quality::None && quality_of(mark) != Quality::Other) {
            letter.quality = quality_of(mark);
        } else {
            letter.foreign_mark = true;
        }
    }
    return letter;
}

const Tables& tables() {
    static const Tables instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU NFD normalizer unavailable");
        Tables t;
        t.letters.resize(kTableEnd);
        for (char32_t c = 0x41; c < kTableEnd; ++c) {
            if (c > 0x7A && c < 0xC0) continue;
            if (c > 0x24F && c < 0x1E00) continue;
            if (auto letter = decompose(*nfd, c)) {
                t.letters[c] = Entry{*letter, true};
                if (!letter->upper && !letter->foreign_mark) {
                    auto& slot = t.composed[letter->base - 'a'][static_cast<int>(letter->quality)]
                                           [static_cast<int>(letter->tone)];
                    if (slot == 0) slot = c;
                }
            }
        }
        return t;
    }();
    return instance;
}

}  // namespace

std::optional<LatinLetter> latin_letter(char32_t c) {
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z') return LatinLetter{static_cast<char>(c)};
        if (c >= 'A' && c <= 'Z') {
            return LatinLetter{static_cast<char>(c - 'A' + 'a'), Quality::None, Tone::None, true};
        }
        return std::nullopt;
    }
    if (c >= kTableEnd) return std::nullopt;
    const Entry& e = tables().letters[c];
    if (!e.present) return std::nullopt;
    return e.letter;
}

char32_t compose_lower(char base, Quality quality, Tone tone) {
    if (quality == Quality::None && tone == Tone::None) return static_cast<char32_t>(base);
    if (base < 'a' || base > 'z') return 0;
    return tables().composed[base - 'a'][static_cast<int>(quality)][static_cast<int>(tone)];
}

char32_t fold_case(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

}  // namespace tracuu
