// Splits normalised text into raw tokens: runs of letters and digits with their byte offsets.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tracuu {

enum class RawTokenKind : uint8_t {
    Word,     ///< starts with a letter; may contain digits (`UBTVQH15`, `VNeID`)
    Digits,   ///< digits only (`57`, `2025`)
    Numeric,  ///< digits with inner `.` or `,` (`1.000.000`, `3,5`)
    Mixed,    ///< starts with a digit, contains letters (`15h30`, `57NQ`)
};

struct RawToken {
    uint32_t begin = 0;  ///< byte offset of the first byte
    uint32_t end = 0;    ///< byte offset one past the last byte
    RawTokenKind kind = RawTokenKind::Word;
};

/// Vietnamese separates syllables with spaces and punctuation, so a token is a maximal run of
/// letters (with combining marks) and digits, as a Unicode word-break would give, except that
/// digit groups stay together (`1.000`). Document numbers are assembled from these tokens by
/// document_number.hpp. We scan UTF-8 with ICU character properties instead of running a
/// BreakIterator: same boundaries for this text, no UTF-16 copy, several times faster.
std::vector<RawToken> split_tokens(std::string_view text);

/// Character classes used by the tokenizer.
bool is_word_letter(char32_t c);
bool is_word_digit(char32_t c);

}  // namespace tracuu
