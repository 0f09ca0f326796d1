// Names of issuing bodies: written in normal case, recognised at the start of a header line,
// read from a number's code.
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// A body's name in normal case: `UBND THÀNH PHỐ HẢI PHÒNG` -> `Ủy ban nhân dân thành phố Hải
/// Phòng`, `SỞ GIÁO DỤC VÀ ĐÀO TẠO` -> `Sở Giáo dục và Đào tạo`. Known names and abbreviations
/// come from the tables; administrative words (tỉnh, thành phố, xã...) are lower case; other
/// words are capitalised. A name not written in capitals is returned as written.
std::string normal_case_body_name(std::string_view name);

/// The full name for an issuer code (`SGDĐT`; the typo `SGDDĐT` too), or empty.
std::string body_name_for_code(std::string_view code);

/// True when `line` begins the way names of bodies begin (Sở, Bộ, Ủy ban, UBND, Cục, Ban...).
bool starts_like_body_name(std::string_view line);

/// True when a header line stops inside a name (`ỦY BAN NHÂN`, `ỦY BAN THƯỜNG VỤ`).
bool ends_inside_name(std::string_view line);

/// True when `name` is a body's name from the tables, whole (`Cục Thuế`, `Văn phòng Chính phủ`,
/// `UBND tỉnh Đồng Tháp`: a name, then at most `tỉnh` / `thành phố` and a province), not a
/// fragment of a sentence (`Chính phủ đã`, `Số lượng`) nor a name the tables do not know.
bool is_known_body_name(std::string_view name);

/// True when `first` followed by `next` begins a known name longer than `first` alone
/// (`VĂN PHÒNG` + `CHÍNH PHỦ` is `Văn phòng Chính phủ`).
bool continues_known_name(std::string_view first, std::string_view next);

}  // namespace tracuu
