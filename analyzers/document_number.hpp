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
    /// A type named beside the number but not among its codes (`công văn 2265/SGDĐT-VP`: CV).
    std::string type;
    /// Written as a document writes it, so it names one number exactly: parts joined by `/` and
    /// `-`, a type and an issuer code (`06/QĐ-TTg`, never `06/2025/QĐ-TTg`). Typed loosely
    /// (`nd cp 168`, `168/2024`) it names every number with its pieces.
    bool complete = false;

    /// Canonical key: accent-free, lower case, parts joined by '-': `118-2025-nd-cp`, `57-nq-tw`.
    std::string key() const;
    /// The key with doubled letters inside codes collapsed and `&` left out (`SGDDĐT` and
    /// `SGDĐT` -> `sgdt`, `BNN&MT` and `BNNMT` -> `bnmt`): the typo-tolerant key a query tries
    /// after the exact one.
    std::string loose_key() const;
    /// The key and the loose key (once when equal): what names this number exactly.
    std::vector<std::string> exact_keys() const;
    /// The pieces of the number, each with its numeral (`168.2024`, `168.nd`, `168.cp`; codes in
    /// their loose form, the `type` too). A document's own number is indexed under each; a typed
    /// number finds every number that has all of its pieces, so `168/2024`, `nd 168` and
    /// `168 2024 nd cp` find 168/2024/NĐ-CP. Empty without a numeral or without any other piece.
    std::vector<std::string> query_keys() const;
    /// True when `other` (a number as a document writes it) is what this one names: the same
    /// loose key when this one is complete, else every piece of this one among the pieces of
    /// `other` (with `other_type`, the type code of the document numbered `other`, if known).
    bool names(const DocumentNumber& other, std::string_view other_type = {}) const;
    /// A readable form when the original spelling is not at hand: `118/2025/NĐ-CP`-like.
    std::string display() const;
};

/// The piece key of a numeral and one other part (a year, or a code folded loosely).
std::string piece_key(std::string_view numeral, std::string_view part);
/// A code as piece keys hold it: accent-free, lower case, doubled letters collapsed and `&` left
/// out (`sgdt`, `bnmt`).
std::string loose_code(std::string_view code);

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
    /// What people type: also lower case (`57-nq/tw`), spaces only (`57 NQ TW`, `168 2024 nd cp`),
    /// codes first (`nq 57`, `NQ57`, `QD TTg 2634`, `ND 168 2024`, `NĐ168/2024`), a year alone
    /// after the numeral (`168/2024`), or the type spelled out with or without marks and `số`
    /// (`Nghị quyết 57`, `nghi dinh 168 nam 2024`, `công văn số 2265`).
    Query,
};

/// Finds the document numbers among `tokens` (from split_tokens over the same `text`).
std::vector<NumberMatch> find_document_numbers(std::string_view text,
                                               const std::vector<RawToken>& tokens,
                                               NumberMode mode);

/// The readings of text typed as one document number in any shape, most specific first (the
/// number as recognised, then its other readings: `quy định 05` is QyĐ or, in Party use, QĐ);
/// empty unless the whole input (a leading `số` aside) is one number. Dates, a year alone,
/// `Điều 5`, `khoản 2` and phone numbers are not numbers.
std::vector<DocumentNumber> read_document_number(std::string_view text);

/// The first reading of read_document_number, or nullopt.
std::optional<DocumentNumber> parse_document_number(std::string_view text);

/// `.I` after `11554/VPCP-V` ending at byte `end` of `text`: a unit's code written with a dot
/// (Vụ I), which number matching stops before; a document keeps it in its number as written and
/// its key (the codes before) is unchanged. Its length in bytes (dot included), else 0.
std::size_t dotted_code_tail(std::string_view text, std::size_t end);

/// True for an accent-free token that reads as a code part of a number.
bool looks_like_code(std::string_view token, NumberMode mode);

}  // namespace tracuu
