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

/// `q` with each mistyped syllable of its plain words (never a field's value nor a part of a
/// document number) put right, in NFC, its first letter's case kept; nullopt when none is.
std::optional<std::string> suggest_spelling(std::string_view q, const IndexEvidence& index);

/// A syllable's pairs with the words beside it held by at most this many documents make it
/// worth a second look.
inline constexpr std::size_t kRarePairDocuments = 2;
/// A syllable put right must make pairs held by at least this many documents, and this many
/// times as many as the syllable typed.
inline constexpr std::size_t kMinCorrectedPairDocuments = 3;
inline constexpr std::size_t kCorrectedPairOdds = 10;
/// Most words of one query put to the test (the first doubted ones).
inline constexpr std::size_t kMaxDoubtedWords = 6;

}  // namespace tracuu
