// A query typed without a Vietnamese input method, read as what it spells: each plain word
// reinterpreted by analyzers/input_method.hpp (Telex, VNI, syllables run together), against what
// the index holds. The searcher searches the interpretation instead of the words as typed when
// it changes anything and finds documents (searcher.cpp says why).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analyzers/input_method.hpp"

namespace tracuu {

/// What a database holds, as input_method.hpp and the query builder ask it.
class IndexEvidence : public WordEvidence {
  public:
    /// `batched`: expect() reads the words' frequencies in one match (every shard answers at
    /// once), where get_termfreq asks each remote shard in turn, word by word.
    explicit IndexEvidence(const Xapian::Database& db, bool batched = false)
        : db_(db), batched_(batched) {}
    std::size_t word_frequency(const std::string& folded) const override;
    std::size_t pair_frequency(const std::string& first, const std::string& second) const override;
    void expect(const std::vector<std::string>& folded) const override;
    /// The accent-free words the index holds that start with `prefix`, most frequent first, at
    /// most `limit` of them.
    std::vector<std::string> completions(const std::string& prefix, std::size_t limit) const;
    /// How many documents have `exact` (case-folded, canonical tones, with marks) as a word.
    std::size_t exact_frequency(const std::string& exact) const;

  private:
    /// The frequency of `term`, asked of the index once per search (the input method asks the
    /// same word several times; a remote shard answers each in a round trip of its own).
    std::size_t frequency(const std::string& term) const;
    const Xapian::Database& db_;
    bool batched_;
    mutable std::unordered_map<std::string, std::size_t> frequencies_;
};

/// `q` with every plain word (quoted or not, excluded or not; never a field's value nor a word
/// of a document number) that reinterpret_word changes replaced, in NFC; nullopt when none is.
std::optional<std::string> interpret_query(std::string_view q, const WordEvidence* evidence);

}  // namespace tracuu
