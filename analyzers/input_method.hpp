// Words typed without a Vietnamese input method, read back: Telex and VNI key sequences
// (`chuyeenr` / `chuye6n3` -> `chuyển`) and syllables run together (`chuyendoiso` ->
// `chuyen doi so`). The keys are data (data/input_methods.tsv); what counts as a syllable is
// vietnamese_syllables.hpp's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// The syllable a word spells as Telex keys (letters only) or VNI keys (letters and digits):
/// `ddooir` -> `đổi`, `d9o6i3` -> `đổi`, `Vieetj` -> `Việt` (case kept, tone on its canonical
/// vowel). nullopt when no key of the word acts as a modifier, a key has nothing to act on, or
/// the result is not a Vietnamese syllable.
std::optional<std::string> read_typed_keys(std::string_view word);

/// The ways of reading `word` (no spaces) as syllables run together, each piece a syllable as
/// typed (with or without marks) or a Telex/VNI key sequence (given as the syllable it spells):
/// the readings with the fewest pieces, each of at least two letters. Empty when there is none.
std::vector<std::vector<std::string>> syllable_splits(std::string_view word);

/// What an index knows, to keep what is really there and choose between readings.
class WordEvidence {
  public:
    virtual ~WordEvidence() = default;
    /// How many documents have `folded` (accent-free, lower case) as a word.
    virtual std::size_t word_frequency(const std::string& folded) const = 0;
    bool has_word(const std::string& folded) const { return word_frequency(folded) > 0; }
    /// How many documents have the two accent-free syllables one after the other.
    virtual std::size_t pair_frequency(const std::string& first,
                                       const std::string& second) const = 0;
    /// The accent-free words about to be asked, so that an index far away can read them at once.
    virtual void expect(const std::vector<std::string>& /*folded*/) const {}
};

/// What a word of a query means when it was typed without an input method: its Telex/VNI
/// reading, else its syllables split apart (joined by spaces); nullopt to keep it as typed.
/// Kept as typed: a Vietnamese syllable (`hoa`, `viet`, `xoong`), a word in capitals or mixed
/// case (`TW`, `DDoS`, `VNeID`), one listed in data/typed_as_is.tsv (`ddos`, `online`), a
/// reading of one letter without a quality mark (`a1`, `as`, `A4`; but `owr` is `ở`).
/// With `evidence`, what the index holds decides too: a word it holds as typed is read only when
/// what it spells is at least kTypedOdds times as common (`chi1`, a word and its footnote mark
/// once, is `chí`; `tw`, in every citation of 57-NQ/TW, stays); a syllable it lacks is read as
/// Telex when the index has what it spells (`boong`: `bông`), and so is a word whose tone key
/// comes before its last vowel (`chasy`: `cháy`); a split needs documents with its
/// pairs, its rarest pair that many times as common as the word (`hanoi` in a few web
/// addresses, `ha noi` in hundreds of documents). Of several splits with as few pieces, the one
/// whose pairs documents have; without `evidence`, or when it cannot tell, the word is kept.
inline constexpr std::size_t kTypedOdds = 10;

std::optional<std::string> reinterpret_word(std::string_view word,
                                            const WordEvidence* evidence = nullptr);

}  // namespace tracuu
