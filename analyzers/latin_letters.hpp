// Latin letters split into base letter, vowel-quality mark and tone mark, built once from ICU's
// decompositions so folding and tone placement are table lookups, not per-call ICU work.
#pragma once

#include <cstdint>
#include <optional>

namespace tracuu {

/// The mark that changes a Vietnamese vowel's quality (â ă ơ ...) or đ's stroke.
enum class Quality : uint8_t { None, Circumflex, Breve, Horn, Stroke, Other };

/// The five Vietnamese tone marks (thanh huyền, sắc, ngã, hỏi, nặng).
enum class Tone : uint8_t { None, Grave, Acute, Tilde, Hook, Dot };

/// A Latin letter as base + marks. `base` is a lower-case ASCII letter.
struct LatinLetter {
    char base = 0;
    Quality quality = Quality::None;
    Tone tone = Tone::None;
    bool upper = false;
    /// Carries a mark that is neither a Vietnamese tone nor a quality mark (ç, ñ's tilde is a
    /// tone).
    bool foreign_mark = false;

    bool is_vowel() const {
        return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' ||
               base == 'y';
    }
};

/// Decomposes a code point when it is a Latin letter (ASCII or with diacritics), else nullopt.
std::optional<LatinLetter> latin_letter(char32_t c);

/// The lower-case precomposed code point for base + quality + tone, or 0 when none exists.
char32_t compose_lower(char base, Quality quality, Tone tone);

/// Simple case folding of one code point (ICU default folding).
char32_t fold_case(char32_t c);

}  // namespace tracuu
