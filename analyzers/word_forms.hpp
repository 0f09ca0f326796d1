// Token filters for one word: case folding, canonical Vietnamese tone placement, i/y variants,
// and the accent-free form.
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// The two forms every word is indexed and queried under.
struct WordForms {
    /// Case-folded, tone mark on its canonical vowel, i/y variant unified: `hoà`,`HÒA` -> `hòa`,
    /// `kỹ`,`kĩ` -> `kĩ`. Distinguishes `hòa` from `hóa`.
    std::string exact;
    /// `exact` without any mark and with đ -> d: `hòa`,`hóa` -> `hoa`.
    std::string folded;
};

/// Computes both forms of a word given as NFC UTF-8 (one token, no spaces).
WordForms word_forms(std::string_view word);

/// Appends the accent-free, case-folded form of `text` (any text, kept whole) to `out`.
void append_folded(std::string& out, std::string_view text);

/// Accent-free, case-folded form of `text`.
std::string fold(std::string_view text);

/// The folded forms of the space-separated words of `text`, joined by single spaces: the same
/// form the analyzer gives each syllable (`Quý định` -> `qui dinh`).
std::string fold_words(std::string_view text);

}  // namespace tracuu
