#include "issuer_label.hpp"

#include <algorithm>
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

std::string province_named_in_text(std::string_view text) {
    // Accent-free, lower case, one space for any run of blanks: `Tỉnh\nQuảng  Ngãi` is found.
    std::string folded;
    folded.reserve(text.size() + 2);
    folded += ' ';
    for (char c : fold(text)) {
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!blank || folded.back() != ' ') folded += blank ? ' ' : c;
    }
    folded += ' ';
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    const ClosedVocabulary& provinces = province_names();
    std::string named;
    std::size_t mentions = 0;
    for (std::size_t i = 0; i < provinces.size(); ++i) {
        const std::string name = fold(provinces.entry(i));
        std::size_t count = 0;
        for (std::string_view unit : {" tinh ", " thanh pho ", " tp ", " tp. "}) {
            const std::string wanted = std::string(unit) + name;
            for (std::size_t at = folded.find(wanted); at != std::string::npos;
                 at = folded.find(wanted, at + 1)) {
                const std::size_t end = at + wanted.size();
                if (end < folded.size() && letter(folded[end]))
                    continue;  // `Hà Nam` in `Hà Nam Ninh`
                ++count;
            }
        }
        if (count == 0) continue;
        // A longer name holding this one (`Hồ Chí Minh` holds no other, but `Bắc Giang` and
        // `Giang` would): the longer is the one named.
        if (!named.empty() && fold(named).find(name) == std::string::npos &&
            name.find(fold(named)) == std::string::npos)
            return {};  // two provinces: no guess
        if (named.empty() || name.size() > fold(named).size()) named = provinces.entry(i);
        mentions = std::max(mentions, count);
    }
    return mentions >= 2 ? named : std::string();
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
