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

/// True when `word` is a Vietnamese syllable, or one typed without any of its marks: `nguoi`
/// (người), `cuu` (cứu), `duoc` (được), whose accent-free spellings no syllable has as such.
bool reads_as_syllable(std::string_view word);

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

/// Words of a text, and of those the Vietnamese function words (`của`, `và`, `các`, `được`,
/// `cho`, `theo`, `trong`...): running Vietnamese has one in every six or seven words, French,
/// English and lists of names none. Tells text meant to be Vietnamese.
struct FunctionWordCount {
    std::size_t words = 0;
    std::size_t function_words = 0;
    /// At least 3, and one word in 20: Vietnamese prose (half its lowest share, in tables).
    bool enough() const { return function_words >= 3 && function_words * 20 >= words; }
};

FunctionWordCount count_function_words(std::string_view text);

/// True when enough words are judged, too few of them are Vietnamese, and the text is meant to
/// be Vietnamese (meant_as_vietnamese, legacy_encoding.hpp): French or a list of foreign names
/// reads badly as Vietnamese but is not mojibake.
bool looks_like_mojibake(std::string_view text);

}  // namespace tracuu
