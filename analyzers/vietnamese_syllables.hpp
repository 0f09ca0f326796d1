// Is this word a possible Vietnamese syllable? Used to tell a right decoding from mojibake: text
// decoded with the wrong legacy table, or UTF-8 read as Windows-1252, is full of words no
// Vietnamese writer could have typed (`Céng hoµ`, `Cá»™ng`, `Vieät`).
#pragma once

#include <cstddef>
#include <string_view>

namespace tracuu {

/// True when `word` (NFC UTF-8, one word, any case) is onset + vowel nucleus + coda with at most
/// one tone mark, as Vietnamese spelling allows (`nghiêng`, `được`, `quyết`, `gìn`).
bool is_vietnamese_syllable(std::string_view word);

/// How Vietnamese a text looks: only words with a letter outside ASCII are judged (ASCII words
/// say nothing about the encoding), plus stray Latin-1 symbols (`§ µ ¸`) that legacy text decoded
/// the wrong way leaves behind.
struct SyllableStats {
    std::size_t judged = 0;     ///< words with a non-ASCII letter, and stray symbols
    std::size_t plausible = 0;  ///< of those, possible Vietnamese syllables

    double ratio() const { return judged == 0 ? 1.0 : static_cast<double>(plausible) / judged; }
};

SyllableStats vietnamese_syllable_stats(std::string_view text);

/// Fewer judged words than this say nothing either way.
inline constexpr std::size_t kMinJudgedWords = 8;
/// Real Vietnamese text scores above 0.95 (foreign names aside); mojibake far below.
inline constexpr double kMojibakeBelow = 0.75;

/// True when enough words are judged and too few of them are Vietnamese.
bool looks_like_mojibake(std::string_view text);

}  // namespace tracuu
