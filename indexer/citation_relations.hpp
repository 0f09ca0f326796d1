// The relation of a citing document to each number it cites, read from the citing sentence with
// the trigger phrases of indexer/data/citation_relations.tsv: `Căn cứ` (basis), `Thực hiện`
// (implements), `hướng dẫn thi hành` (guides), `sửa đổi` (amends), `thay thế` (replaces),
// `bãi bỏ Điều 3` (repeals, in part), `đính chính` (corrects), `hợp nhất` (consolidates); anything
// else is a mention.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.hpp"
#include "directive.hpp"

namespace tracuu {

/// What one mention's sentence says.
struct RelationReading {
    std::string_view relation = "mentions";
    std::pair<uint32_t, uint32_t> span{0, 0};  ///< the trigger phrase; empty for a mention
    std::string part;  ///< `khoản 2 Điều 5`, when the sentence names one
};

/// Sets relation, relation_span, relation_part of each citation and moves its context to the
/// sentence the relation was read from (`sentence_of(begin, end)`: the sentence around a byte
/// range), extended back to the trigger phrase. In a `consolidated` document (a văn bản hợp nhất,
/// `92/VBHN-BQP`) the documents its header lists are what it consolidates.
void assign_relations(std::string_view text, const Analysis& analysis,
                      std::vector<Citation>& citations,
                      const std::function<TextExcerpt(std::size_t, std::size_t)>& sentence_of,
                      bool consolidated);

}  // namespace tracuu
