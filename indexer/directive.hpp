// The structure of an administrative document as read from its text: number, type, issuer,
// place and date, subject, recipients, signer, draft flag and the documents it cites.
// A field the text does not give is absent, never guessed; each present field says where in the
// document it was read, so a reader can judge how far to trust it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/analyzer.hpp"
#include "index/stored_citations.hpp"

namespace tracuu {

/// Where a field was read.
enum class FieldSource {
    Header,  ///< the layout's header: issuer lines, `Số:`, place and date, `V/v`, `Kính gửi`
    TitleLine,   ///< the type line under the header (`QUYẾT ĐỊNH`) and the lines under it
    NumberCode,  ///< the codes of the document's own number (`/SGDDĐT-VP` -> the Sở GDĐT)
    Body,        ///< the body text (`Chủ tịch Ủy ban nhân dân tỉnh yêu cầu`)
    Signature,   ///< the signature block at the end
    PageMetadata,  ///< a publishing site's metadata table inside the text (`Số hiệu:`, `Người ký:`)
};

std::string_view to_string(FieldSource source);

template <class T>
struct Sourced {
    T value;
    FieldSource source;
    /// Read through OCR's slips on a closed vocabulary (`QUYÉT ĐỊNH`, `Glang`, `0I` for `01`).
    bool ocr_corrected = false;
};

/// A document cited in the text.
struct Citation {
    std::string type;    ///< `Nghị quyết` (type word before the number), may be empty
    std::string number;  ///< as written, without spaces: `57-NQ/TW`; `02` for a short reference
    std::string key;     ///< canonical key (DocumentNumber::key); for a resolved short reference
                         ///< the key of the full number it stands for
    DocumentNumber parts;
    std::optional<std::string> date;    ///< ISO `2024-12-22`
    std::optional<std::string> issuer;  ///< `Bộ Chính trị`
    TextExcerpt context;                ///< the citing sentence
    /// Byte ranges of every mention in the stored text (`57-` / `NQ/TW` is one range across the
    /// line break; a short reference `Kế hoạch số 02` is the range of `02`).
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    std::size_t mentions() const { return spans.size(); }
    /// `Kế hoạch số 02` with no codes: resolved to an earlier full citation when one matches.
    bool partial = false;
    /// How this document relates to the cited one (citation_relations.hpp): `basis`,
    /// `implements`, `guides`, `amends`, `replaces`, `repeals`, `corrects`, `consolidates` or
    /// `mentions`; the trigger words' byte range (empty for a mention) and the part named
    /// (`khoản 2 Điều 5`) when the sentence names one.
    std::string relation = "mentions";
    std::pair<uint32_t, uint32_t> relation_span{0, 0};
    std::string relation_part;
};

/// When the document says it takes (or stops taking) effect: ISO date, how it was read
/// (`stated`: a date written out; `document_date`: `kể từ ngày ký` / `ban hành` / `được thông
/// qua`, the document's own date; `days_after_document_date`: `sau 45 ngày kể từ ngày ký`) and
/// the sentence that says so.
struct EffectiveDate {
    std::string value;
    std::string basis;
    std::string sentence;
};

struct Directive {
    std::optional<Sourced<std::string>> number;        ///< `2265/SGDDĐT-VP` as written
    std::optional<DocumentNumber> number_parts;        ///< also when the numeral is blank
    std::optional<Sourced<std::string>> number_codes;  ///< `SGDDĐT-VP` when the numeral is blank
    std::optional<Sourced<std::string>> type;          ///< `Công văn`
    std::optional<Sourced<std::string>> issuer;
    std::optional<Sourced<std::string>> parent_issuer;
    std::optional<Sourced<std::string>> place;
    std::optional<Sourced<std::string>> date;  ///< ISO YYYY-MM-DD
    /// YYYY-MM when the month is printed but the day is blank (`ngày   tháng 10 năm 2025`).
    std::optional<Sourced<std::string>> month;
    std::optional<Sourced<std::string>> year;
    std::optional<Sourced<std::string>> subject;
    std::optional<Sourced<std::vector<std::string>>> recipients;
    std::optional<Sourced<std::string>> signer;
    std::optional<Sourced<std::string>> signer_authority;  ///< `KT. GIÁM ĐỐC`
    std::optional<Sourced<std::string>> signer_title;      ///< `PHÓ GIÁM ĐỐC`
    bool draft = false;
    std::vector<Citation> citations;
    std::optional<EffectiveDate> effective_from;
    std::optional<EffectiveDate> effective_until;

    /// A short line to show in result lists: the subject, else the first substantial line.
    std::string title;
};

/// Reads the directive in `text` (normalised and cleaned, see document_preparation.hpp) using
/// the analysis of that same text. Never throws on odd input.
Directive parse_directive(std::string_view text, const Analysis& analysis);

/// The documents `text` cites (part of parse_directive; `own_number` is skipped).
std::vector<Citation> parse_citations(std::string_view text, const Analysis& analysis,
                                      std::optional<std::size_t> own_number);

/// {"number": {"value", "source"}, ..., "draft", "missing": [...], "citations": [...]}
nlohmann::json to_json(const Directive& directive);

/// Names of the fields `to_json` reports as present or missing.
const std::vector<std::string>& directive_field_names();

}  // namespace tracuu
