// The header's number and date lines as OCR gives them from a scan of a signed paper: the label
// misread (`Sô :`, `SỐ:`), the numeral and day written by hand and unreadable (`Số: O{_
// /TTr-UBND`, `ngày @3 tháng 01`), keywords glued to digits (`ngày04tháng`), `0I` for `01`. What
// is printed is kept; what is not readable is left out, never guessed. The digital-signature
// box's signing time can stand for a hand-written day it agrees with.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "directive.hpp"

namespace tracuu {

/// The text after a `Số:` label that OCR misread (`Sô :`, `SỐ:`, `Sổ:`): the label must be
/// followed by a colon; nullopt otherwise (`Sở Tài chính` is no label).
std::optional<std::string_view> ocr_number_label_rest(std::string_view line);

/// The rest of a `Số:` line from where its printed codes start, when a hand-written numeral
/// before them could not be read (`O{_ /TTr-UBND`, `#39 /TIr-UBND`, `__ /BC-UBND` ->
/// `/TTr-UBND`...); `rest` unchanged otherwise.
std::string_view skip_unreadable_numeral(std::string_view rest);

/// The printed codes after a blank numeral with the spaces OCR put beside their dashes and
/// slashes taken out (`/TTr -UBND` -> `/TTr-UBND`); they end at the first other space.
std::string joined_codes(std::string_view rest);

/// A type code OCR spelt with a look-alike letter (`TIr` for `TTr`) set right: the one known
/// type code a single swap of the usual confusions gives; nullopt when `code` is a known code
/// already, or when no swap or several give one.
std::optional<std::string> corrected_type_code(std::string_view code);

/// A type code and the issuer's code read as one, OCR having lost the dash between them
/// (`TBVPCP` -> `TB`, `VPCP`): both known codes, split one way only; nullopt otherwise.
std::optional<std::pair<std::string, std::string>> split_glued_codes(std::string_view code);

/// `ngày04tháng`, `tháng12`, `thángØ†`: the keywords of a date line set apart from what OCR
/// (or a careless typist) glued to them.
std::string spaced_date_keywords(std::string_view line);

/// `Quảng Ngãi, ngày 24 tháng 01 năm 2025` read with OCR's slips. Day or month empty when not
/// readable (hand-written, blank); the year is always there.
struct HeaderDate {
    std::string place;  ///< `Quảng Ngãi`, may be empty
    std::string year, month, day;
    std::string day_hint;        ///< digits OCR read where the day is written (`@3` -> `3`)
    bool ocr_corrected = false;  ///< `0I` read as `01`, `ngày04tháng` split
    std::string iso() const;     ///< YYYY-MM-DD, or empty when day or month is missing
};

/// Reads the first date line in `zone` (the header's lines); nullopt when there is none.
std::optional<HeaderDate> read_header_date(std::string_view zone);

/// The issuer's signing date from a digital-signature box (`Ký bởi: …` / `Thời gian ký:
/// 07/02/2025 17:12:11`) at the end of the text: ISO, or nullopt.
std::optional<std::string> signing_date(std::string_view text);

/// The signing date as the document's date when its day was blank or not readable: it must
/// fall in the printed month and year, and any digits read in the day's place must be in its
/// day (`0†` and 07, `⁄{5` and 15; `@3` rules out 24). Nullopt otherwise. (On the 19 real
/// files the issuer signs on the printed day or the day after.)
std::optional<std::string> date_from_signature(const HeaderDate& printed, std::string_view text);

/// For the parser, before its own reading of the header `zone`'s date line: when that line
/// reads only with OCR's slips, or its day is blank or unreadable, sets the place, the year and
/// the date (from the signing date, source `signature`, as date_from_signature() allows) on `d`
/// and returns true; false leaves the line to the parser. `text`: the whole document.
bool read_ocr_date(std::string_view zone, std::string_view text, Directive& d);

/// A signing title as OCR misspells it (`PHÓ CHỦ TỊC`, `GIÁM ĐÓC`): `label` (folded) within
/// a small edit distance of one of `titles` (folded) and nearer to it than to any other.
bool ocr_signing_title(std::string_view label, const std::vector<std::string>& titles);

/// For the parser, once the fields are read: the province in the issuer's names and the
/// signer's syllables set right where OCR slipped on them (`Tĩnh Quang Ngaài`, `Glang`), each
/// marked ocr_corrected.
void correct_ocr_names(Directive& d);

}  // namespace tracuu
