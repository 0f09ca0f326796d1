// Reading OCR'd text where the words can only be a few known ones: document types, body names,
// the motto, `Số`, `ngày … tháng … năm`, provinces, signing titles. OCR misreads a mark or a
// letter (`QUYÉT ĐỊNH`, `Sô :`, `Phu Thọ`, `Glang`); such a phrase is matched to its entry when
// the accent-free forms are within a small edit distance and no other entry is as near. Free text
// (names, subjects, numbers) is never corrected here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// Accent-free, lower case (đ -> d), letters and digits only, words separated by one space:
/// `QUYÉT ĐỊNH` -> `quyet dinh`, `Sô :` -> `so`.
std::string ocr_match_form(std::string_view text);

/// Edit distance in code points between `a` and `b`, or `limit + 1` as soon as it must exceed
/// `limit`.
std::size_t edit_distance_within(std::u32string_view a, std::u32string_view b, std::size_t limit);

/// Edit distance in code points between `a` and `b` (OCR accuracy in tests and benchmarks).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

/// Edits OCR may have made to a phrase of `letters` letters: none below 5 (too many short words
/// lie one edit apart), 1 up to 9, 2 up to 19, then 3.
std::size_t ocr_edit_allowance(std::size_t letters);

/// A closed list of phrases as written (with their marks).
class ClosedVocabulary {
  public:
    explicit ClosedVocabulary(std::vector<std::string> entries);

    struct Match {
        std::size_t entry = 0;     ///< index into the entries given
        std::size_t distance = 0;  ///< edits between the accent-free forms
        /// The phrase differs from the entry as written (marks, letters): OCR noise corrected.
        bool corrected = false;
    };

    /// The entry `phrase` reads as, allowing OCR noise; nullopt when none is near enough, or when
    /// two entries are equally near (no guess between them).
    std::optional<Match> match(std::string_view phrase) const;

    const std::string& entry(std::size_t i) const { return entries_[i]; }
    std::size_t size() const { return entries_.size(); }

  private:
    std::vector<std::string> entries_;
    std::vector<std::u32string> forms_;  ///< ocr_match_form of each entry
    std::vector<std::string> exact_;     ///< each entry lower case, marks canonical
};

/// True when `phrase` differs from `entry` other than by case and tone placement (`hoà`/`hòa`).
bool differs_as_written(std::string_view phrase, std::string_view entry);

/// A word OCR spelt with a look-alike letter (`Glang`, `Nguyễn` as `Nguyén` is fine) corrected to
/// the one Vietnamese syllable it can be: tried only when `word` is not a syllable, by swapping
/// the usual confusions (l/i, rn/m, 0/o, 1/l, cl/d); nullopt when none or several fit.
std::optional<std::string> corrected_syllable(std::string_view word);

/// Provinces and centrally-run cities (analyzers/data/provinces.tsv).
const ClosedVocabulary& province_names();

/// A body's name read by OCR with the province's name, and the `tỉnh` before it, set right
/// (`Ủy ban nhân dân Tĩnh Quang Ngaài` -> `Ủy ban nhân dân tỉnh Quảng Ngãi`); the words are
/// matched to the vocabulary only, the rest is left as read. True when something changed.
bool correct_province_in_name(std::string& name);

}  // namespace tracuu
