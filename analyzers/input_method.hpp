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
    /// True when documents have `folded` (accent-free, lower case) as a word.
    virtual bool has_word(const std::string& folded) const = 0;
    /// How many documents have the two accent-free syllables one after the other.
    virtual std::size_t pair_frequency(const std::string& first,
                                       const std::string& second) const = 0;
};

/// What a word of a query means when it was typed without an input method: its Telex/VNI
/// reading, else its syllables split apart (joined by spaces); nullopt to keep it as typed.
/// Kept as typed: a Vietnamese syllable (`hoa`, `viet`, `xoong`), a word in capitals or mixed
/// case (`TW`, `DDoS`, `VNeID`), one listed in data/typed_as_is.tsv (`ddos`, `online`), a reading
/// of one letter (`a1`, `as`), and with `evidence`, any word the index holds as typed. Several
/// splits with as few pieces are told apart by `evidence` (the one whose pairs documents have);
/// without it, or when it cannot tell, the word is kept.
std::optional<std::string> reinterpret_word(std::string_view word,
                                            const WordEvidence* evidence = nullptr);

}  // namespace tracuu
