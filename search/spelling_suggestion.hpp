// "Did you mean": a query with a mistyped syllable put right, from what the index holds. A
// syllable is judged by the words beside it: one typed wrong (`mức chẩn trợ giúp`, `khen
// tưhởng`, `Turng tâm`, `chất lưng`) makes pairs with them that the index (almost) never holds,
// where a syllable one edit away (a letter left out, added, changed, or two swapped) makes pairs
// it holds often. The pairs are the index's own pair terms, so remote shards answer as well as
// local ones; nothing is searched, and the answer only offers the suggestion.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tracuu {

class IndexEvidence;

struct SpellingSuggestion {
    std::string query;  ///< the query put right, in NFC
    /// Every word put right is spelled as no document spells it and differs by a letter left
    /// out or two swapped (`chyển`, `tưhởng`, `Turng`): the likeliest slips, which the searcher
    /// may search instead of the words as typed. A letter typed too many or changed, or a real
    /// word out of place, may as well be a name or a word the index lacks (`Bùi Bá Tuấn`,
    /// `công nghệ nano`): only offered.
    bool sure = false;
};

/// `q` with each mistyped syllable of its plain words (never a field's value, an excluded word
/// nor a part of a document number) put right, its first letter's case kept; nullopt when none
/// is.
std::optional<SpellingSuggestion> suggest_spelling(std::string_view q, const IndexEvidence& index);

/// A syllable's pairs with the words beside it held by at most this many documents make it
/// worth a second look.
inline constexpr std::size_t kRarePairDocuments = 2;
/// A syllable put right must make pairs held by at least this many documents, and this many
/// times as many as the syllable typed.
inline constexpr std::size_t kMinCorrectedPairDocuments = 3;
inline constexpr std::size_t kCorrectedPairOdds = 10;
/// A spelling with marks is offered for a word typed with marks and spelled as the index holds
/// it when at least one in this many documents with its accent-free form has it (the pairs are
/// counted without marks).
inline constexpr std::size_t kShownSpellingShare = 5;
/// Most words of one query put to the test (the first doubted ones).
inline constexpr std::size_t kMaxDoubtedWords = 6;

}  // namespace tracuu
