// The project's own tables of document-type codes and issuer codes (data in analyzers/data/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// One row of a code table: `NQ` / `nghị quyết`.
struct CodeEntry {
    std::string code;         ///< as written officially: `QĐ`, `TTr`, `BCVT&CĐS`
    std::string name;         ///< lower-case Vietnamese name
    std::string folded_code;  ///< accent-free, lower case: `qd`
    std::string folded_name;  ///< as the analyzer folds each syllable: `quyet dinh`
};

/// Splits tab-separated `text` into rows of fields, skipping blank lines and `#` comments.
std::vector<std::vector<std::string_view>> parse_tsv(std::string_view text);

/// Document type codes (NQ, QĐ, KH, ...).
const std::vector<CodeEntry>& document_type_codes();

/// Codes of issuing bodies and units (UBND, TW, SGDĐT, ...).
const std::vector<CodeEntry>& issuer_codes();

/// The type entry for a code as written (`QĐ`), else by its accent-free form (`qd`); or null.
const CodeEntry* find_type_code(std::string_view code);

/// The type entry whose accent-free name is `folded_name` (`nghi quyet`), or null.
const CodeEntry* find_type_by_folded_name(std::string_view folded_name);

/// True when the accent-free, lower-case `folded` is a known type or issuer code.
bool is_known_code(std::string_view folded);

}  // namespace tracuu
