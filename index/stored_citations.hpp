// The citations as a document stores them (`fields.citations` in the stored data, see
// stored_document.hpp): each carries its relation, one of citation_relation_names(), and the
// citing sentence as a span of the stored text, which the reader turns back into words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace tracuu {

/// The relations, strongest first: a number cited in several sentences takes the strongest one
/// (a decision that cites a decree as its basis and then repeals part of it repeals it).
const std::vector<std::string_view>& citation_relation_names();

/// A stretch of the stored text: where a citing sentence lies. Stored as offsets, not copied, so
/// a document's metadata stays small; `excerpt_text` reads it when a citation is shown.
struct TextExcerpt {
    uint32_t begin = 0;
    uint32_t end = 0;
    bool cut_before = false;  ///< the sentence starts earlier: shown with a leading `…`
    bool cut_after = false;
};

/// The excerpt as shown: whitespace collapsed, `…` where the sentence was cut.
std::string excerpt_text(std::string_view text, const TextExcerpt& excerpt);

/// The excerpt as a stored citation's `context_span`: [begin, end, flags] (1: cut before,
/// 2: cut after).
nlohmann::json context_span(const TextExcerpt& excerpt);

/// Stored citations carry `context_span` ([begin, end, flags]); this replaces it in each of
/// `citations` by `context`, the sentence read from the document's stored `text`.
void add_citation_contexts(nlohmann::json& citations, std::string_view text);

}  // namespace tracuu
