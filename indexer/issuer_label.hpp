// How an issuer is named in result lists and the issuer facet: the body and, for a local body,
// its province (`Sở Giáo dục và Đào tạo Hải Phòng`); a central body without a place (`Ủy ban
// Thường vụ Quốc hội`, not `… – Hà Nội`: Hà Nội is only where it sits).
#pragma once

#include <string>
#include <string_view>

#include "directive.hpp"

namespace tracuu {

/// True for bodies of the central state and Party (Quốc hội and its committees, Chính phủ,
/// Thủ tướng, ministries and their Cục/Tổng cục, courts and procuracies tối cao, Trung ương
/// bodies, Kiểm toán nhà nước...): a name naming a province or city is never central.
bool is_central_body(std::string_view name);

/// The province named in a body's name (`Ủy ban nhân dân thành phố Hải Phòng` -> `Hải Phòng`),
/// as analyzers/data/provinces.tsv writes it; "" when none.
std::string province_in_name(std::string_view name);

/// The province a document's text names as a local government's (`UBND tỉnh Quảng Ninh`, `trên
/// địa bàn tỉnh Quảng Ninh`, `thành phố Hải Phòng`, `TP. Hồ Chí Minh`) at least twice, when it
/// names no other so; "" otherwise. For a draft whose header leaves the province out
/// (`ỦY BAN NHÂN DÂN TỈNH`): its place, from its own words, never a guess between two.
std::string province_named_in_text(std::string_view text);

/// The issuer with its province: from the issuer's own name, else its parent body's, else the
/// place the document was signed; none for central bodies. "" without an issuer or with one
/// read from the body text (a guess).
std::string issuer_label(const Directive& d);

}  // namespace tracuu
