#include "issuer_label.hpp"

#include <array>

#include "analyzers/ocr_vocabulary.hpp"
#include "analyzers/word_forms.hpp"

namespace tracuu {
namespace {

/// ` name ` folded, so words are found whole: `bo ` is not `bo` of `bong`.
std::string padded_fold(std::string_view name) {
    return " " + fold_words(name) + " ";
}

}  // namespace

std::string province_in_name(std::string_view name) {
    const std::string folded = padded_fold(name);
    const ClosedVocabulary& provinces = province_names();
    std::string best;
    for (std::size_t i = 0; i < provinces.size(); ++i) {
        const std::string& province = provinces.entry(i);
        // The longest that fits: `Hồ Chí Minh` rather than a shorter name inside another.
        if (province.size() > best.size() &&
            folded.find(padded_fold(province)) != std::string::npos) {
            best = province;
        }
    }
    return best;
}

bool is_central_body(std::string_view name) {
    const std::string folded = padded_fold(name);
    for (std::string_view local : {" tinh ", " thanh pho ", " huyen ", " xa ", " phuong "}) {
        if (folded.find(local) != std::string::npos) return false;
    }
    if (!province_in_name(name).empty()) return false;
    constexpr std::array<std::string_view, 12> kInside = {
        " quoc hoi ",           " chinh phu ",          " trung uong ",       " toi cao ",
        " chu tich nuoc ",      " thu tuong ",          " bo chinh tri ",     " ban bi thu ",
        " kiem toan nha nuoc ", " ngan hang nha nuoc ", " hoi dong dan toc ", " uy ban dan toc "};
    for (std::string_view words : kInside) {
        if (folded.find(words) != std::string::npos) return true;
    }
    // A ministry, and the departments under one (`Cục Thống kê`, `Tổng cục Thuế`).
    for (std::string_view start : {" bo ", " cuc ", " tong cuc "}) {
        if (folded.starts_with(start)) return true;
    }
    return false;
}

std::string issuer_label(const Directive& d) {
    // An issuer read from the body text is a guess: searchable, never a facet value or a label.
    if (!d.issuer || d.issuer->source == FieldSource::Body) return {};
    const std::string& issuer = d.issuer->value;
    if (is_central_body(issuer)) return issuer;
    if (!province_in_name(issuer).empty()) return issuer;  // `Ủy ban nhân dân tỉnh Đồng Nai`
    std::string where;
    if (d.parent_issuer) {
        if (is_central_body(d.parent_issuer->value)) return issuer;  // a ministry's Cục
        where = province_in_name(d.parent_issuer->value);
    }
    if (where.empty() && d.place) where = province_in_name(d.place->value);
    if (where.empty() && d.place) where = d.place->value;
    if (where.empty() || padded_fold(issuer).find(padded_fold(where)) != std::string::npos)
        return issuer;
    return issuer + " " + where;
}

}  // namespace tracuu
