// Small text helpers for reading a directive's layout: lines, words with their accent-free form,
// case tests and case changes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/text_normalizer.hpp"

namespace tracuu {

struct Line {
    std::string_view text;  ///< without the line break, spaces trimmed
    std::size_t begin = 0;  ///< byte offset of `text` in the document
    bool blank() const { return text.empty(); }
};

/// The lines of `text`, each trimmed of spaces and tabs.
std::vector<Line> split_lines(std::string_view text);

std::string_view trim(std::string_view s);

/// True for one or more ASCII digits and nothing else (`2025`, not `2025a` or ``).
bool is_digits(std::string_view s);

struct Word {
    std::string_view text;  ///< as written, punctuation attached
    std::string folded;     ///< accent-free, lower case, punctuation kept
    std::size_t begin = 0;  ///< byte offsets in the string the words came from
    std::size_t end = 0;
};

/// Splits on whitespace; `with_folded` false leaves Word::folded empty (cheaper).
std::vector<Word> split_words(std::string_view s, bool with_folded = true);

/// The position of the first run of words in `words` whose folded forms, with surrounding
/// punctuation removed, equal `phrase` (accent-free, space-separated); npos when absent.
std::size_t find_phrase(const std::vector<Word>& words, std::string_view phrase,
                        std::size_t from = 0);

/// Accent-free, lower case, with punctuation other than '/' and '-' turned into spaces and
/// spaces collapsed: for comparing short labels (`Kính gửi:` -> `kinh gui`).
std::string folded_label(std::string_view s);

/// Share of letters that are upper case (0 when there are no letters).
double uppercase_share(std::string_view s);
std::size_t letter_count(std::string_view s);
/// True when the first character is an upper-case letter.
bool starts_with_upper(std::string_view s);

/// Lower case, keeping every mark (`ĐỒNG NAI` -> `đồng nai`).
std::string to_lower(std::string_view s);
/// First letter upper, the rest lower (`ĐỒNG` -> `Đồng`).
std::string capitalize(std::string_view word);
/// Each space-separated word capitalised.
std::string capitalize_words(std::string_view s);

}  // namespace tracuu
