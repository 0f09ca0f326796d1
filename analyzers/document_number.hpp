// Document numbers (số ký hiệu): recognised in text and in queries, and reduced to one canonical
// key. The same code serves the indexer and the query side, so `57-NQ/TW`, `57/NQ-TW`, `57 NQ TW`,
// `nq 57`, `NQ57` and `Nghị quyết 57` meet on the same key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer.hpp"

namespace tracuu {

/// A document number split into its parts: `118/2025/NĐ-CP` -> 118, 2025, {NĐ, CP}.
struct DocumentNumber {
    std::string numeral;  ///< digits without leading zeros; empty when the number is blank
    std::string year;     ///< four digits of a legal normative number, else empty
    std::vector<std::string> codes;  ///< type/issuer/unit codes as written: {"NQ", "TW"}

    /// Canonical key: accent-free, lower case, parts joined by '-': `118-2025-nd-cp`, `57-nq-tw`.
    std::string key() const;
    /// The key with doubled letters inside codes collapsed (`SGDDĐT` and `SGDĐT` -> `sgdt`): the
    /// typo-tolerant key a query tries after the exact one.
    std::string loose_key() const;
    /// Every key a document mentioning this number is indexed under: the key, the key without the
    /// year (`118-nd-cp`), the number with its first code (`57-nq`), and their loose forms.
    std::vector<std::string> index_keys() const;
    /// A readable form when the original spelling is not at hand: `118/2025/NĐ-CP`-like.
    std::string display() const;
};

/// A document number found in text.
struct NumberMatch {
    DocumentNumber number;
    /// Other readings of a loosely typed number (`Quy định 05` is QyĐ or, in Party use, QĐ).
    std::vector<DocumentNumber> alternatives;
    std::size_t first_token = 0;  ///< index of the first raw token that belongs to the number
    std::size_t last_token = 0;   ///< index of the last one (inclusive)
    uint32_t begin = 0;           ///< byte range in the text
    uint32_t end = 0;
    std::string text;  ///< as written, without whitespace: `2265/SGDDĐT-VP`
};

enum class NumberMode {
    /// Running text: separators required, codes written in capitals (`57-NQ/TW`, `2265 /SGDĐT-VP`,
    /// `57-` / `NQ/TW` across a line break).
    Document,
    /// What people type: also lower case (`57-nq/tw`), spaces only (`57 NQ TW`), the code first
    /// (`nq 57`, `NQ57`), or the type spelled out (`Nghị quyết 57`, `nghi quyet so 57`).
    Query,
};

/// Finds the document numbers among `tokens` (from split_tokens over the same `text`).
std::vector<NumberMatch> find_document_numbers(std::string_view text,
                                               const std::vector<RawToken>& tokens,
                                               NumberMode mode);

/// Reads a number typed in any shape; nullopt unless the whole input is one document number.
std::optional<DocumentNumber> parse_document_number(std::string_view text);

/// True for an accent-free token that reads as a code part of a number.
bool looks_like_code(std::string_view token, NumberMode mode);

}  // namespace tracuu
