// Boolean terms for the structured fields of a directive. The indexer adds them and the query
// side filters on them through these same functions, so both always agree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// XCQ terms for an issuer name: its accent-free words after expanding abbreviations
/// (`Sở GDĐT` -> sở giáo dục và đào tạo). A document gets those of its issuer, parent body and
/// place; a filter requires all of its own, so `UBND Đồng Nai` matches
/// `Ủy ban nhân dân tỉnh Đồng Nai`.
std::vector<std::string> issuer_terms(std::string_view name);

/// XLOAI term for a document type given by its Vietnamese name (`Công văn`).
std::string type_term(std::string_view type_name);

/// XLOAI term for what a user typed: a code (`CV`, `nq`) or a name (`nghị quyết`); nullopt if
/// it is neither.
std::optional<std::string> type_term_for_query(std::string_view text);

/// XKY term for a signer's name: accent-free words joined by '_' (`le_truong_son`).
std::string signer_term(std::string_view name);

}  // namespace tracuu
