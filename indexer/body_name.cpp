#include "body_name.hpp"

#include <algorithm>
#include <vector>

#include "analyzers/abbreviations.hpp"
#include "analyzers/analyzer.hpp"
#include "analyzers/code_tables.hpp"
#include "analyzers/embedded_data.hpp"
#include "analyzers/text_normalizer.hpp"
#include "text_lines.hpp"

namespace tracuu {
namespace {

struct KnownName {
    std::vector<std::string> tokens;  ///< accent-free
    std::string text;                 ///< official casing
    /// For an abbreviation: how many `Đ` it is written with, which the text must match
    /// (`ĐU` is Đảng ủy, `DU` in `DU LỊCH` is a word); -1 for a name.
    int d_count = -1;
};

/// How many `đ`/`Đ` `s` holds: the one mark folding loses that tells abbreviations apart.
int count_d(std::string_view s) {
    int n = 0;
    for (std::size_t at = 0; at + 1 < s.size(); ++at) {
        // U+0110 `Đ` and U+0111 `đ` in UTF-8: C4 90, C4 91.
        if (static_cast<unsigned char>(s[at]) == 0xC4 &&
            (static_cast<unsigned char>(s[at + 1]) == 0x90 ||
             static_cast<unsigned char>(s[at + 1]) == 0x91)) {
            ++n;
        }
    }
    return n;
}

/// Names and abbreviations, longest first so the longest match wins.
const std::vector<KnownName>& known_names() {
    static const std::vector<KnownName> names = [] {
        std::vector<KnownName> all;
        for (const auto& row : parse_tsv(embedded::body_names)) {
            all.push_back({folded_tokens(row[0]), std::string(row[0])});
        }
        for (const auto& a : name_abbreviations()) {
            all.push_back({a.full_form, a.full_text});
            all.push_back({a.short_form, a.full_text, count_d(a.short_text)});
        }
        std::stable_sort(all.begin(), all.end(), [](const KnownName& a, const KnownName& b) {
            return a.tokens.size() > b.tokens.size();
        });
        return all;
    }();
    return names;
}

/// Administrative words written in lower case inside names, as runs of exact forms (`tỉnh`, not
/// `tĩnh` as in Hà Tĩnh).
const std::vector<std::vector<std::string>>& admin_words() {
    static const std::vector<std::vector<std::string>> words = [] {
        std::vector<std::vector<std::string>> all;
        for (std::string_view w : {"thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện",
                                   "quận", "xã", "phường", "và"}) {
            std::vector<std::string> exact;
            for (const auto& t : analyze(w).tokens) exact.push_back(t.exact);
            all.push_back(std::move(exact));
        }
        return all;
    }();
    return words;
}

bool matches_at(const std::vector<Token>& tokens, std::size_t i,
                const std::vector<std::string>& seq, bool exact = false) {
    if (seq.empty() || i + seq.size() > tokens.size()) return false;
    for (std::size_t k = 0; k < seq.size(); ++k) {
        if ((exact ? tokens[i + k].exact : tokens[i + k].folded) != seq[k]) return false;
    }
    return true;
}

const std::vector<std::string>& head_words() {
    static const std::vector<std::string> heads = {
        "uy ban",    "ubnd",      "hdnd",      "hoi dong", "so",        "bo",      "cuc",
        "tong cuc",  "vu",        "vien",      "ban",      "van phong", "phong",   "trung tam",
        "cong an",   "thu tuong", "chinh phu", "quoc hoi", "dang uy",   "tinh uy", "thanh uy",
        "huyen uy",  "kho bac",   "thue",      "chi cuc",  "truong",    "toa an",  "ngan hang",
        "thanh tra", "kiem toan", "to",        "doan",     "mat tran",  "cong ty", "tap doan",
        "dai hoc",   "hoc vien",  "benh vien", "ubmttq",   "dang bo",   "chi bo",  "bao hiem",
        "bch",       "bcd",       "vpcp",      "vptw",     "ubtvqh",    "tw"};
    return heads;
}

}  // namespace

std::string normal_case_body_name(std::string_view name) {
    const std::string text = collapse_spaces(normalize_text(name));
    if (uppercase_share(text) < 0.7) return text;
    const Analysis analysis = analyze(text);
    const auto& tokens = analysis.tokens;
    std::string out;
    std::size_t cursor = 0;
    for (std::size_t i = 0; i < tokens.size();) {
        out += text.substr(cursor, tokens[i].begin - cursor);
        std::size_t length = 1;
        std::string piece;
        const auto known =
            std::find_if(known_names().begin(), known_names().end(), [&](const KnownName& n) {
                if (!matches_at(tokens, i, n.tokens)) return false;
                if (n.d_count < 0) return true;
                const std::size_t end = tokens[i + n.tokens.size() - 1].end;
                return count_d(std::string_view(text).substr(tokens[i].begin,
                                                             end - tokens[i].begin)) == n.d_count;
            });
        const auto admin =
            std::find_if(admin_words().begin(), admin_words().end(),
                         [&](const auto& seq) { return matches_at(tokens, i, seq, true); });
        if (known != known_names().end()) {
            length = known->tokens.size();
            piece = known->text;
            // A name inside a name keeps its capital only at the start: `Ủy ban nhân dân tỉnh`.
        } else if (matches_at(tokens, i, {"chu", "tich"})) {
            // `CHỦ TỊCH ỦY BAN NHÂN DÂN …`: the chair issues in the body's name.
            length = 2;
            piece = capitalize(
                to_lower(text.substr(tokens[i].begin, tokens[i + 1].end - tokens[i].begin)));
        } else if (admin != admin_words().end()) {
            length = admin->size();
            piece = to_lower(
                text.substr(tokens[i].begin, tokens[i + length - 1].end - tokens[i].begin));
        } else {
            piece = capitalize(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
        }
        out += piece;
        cursor = tokens[i + length - 1].end;
        i += length;
    }
    out += text.substr(cursor);
    return out;
}

std::string body_name_for_code(std::string_view code) {
    const std::string folded = fold(code);
    auto collapse = [](std::string s) {
        s.erase(std::unique(s.begin(), s.end()), s.end());
        return s;
    };
    for (const auto& e : issuer_codes()) {
        if (e.folded_code == folded) return e.name;
    }
    for (const auto& e : issuer_codes()) {
        if (collapse(e.folded_code) == collapse(folded)) return e.name;
    }
    return {};
}

bool starts_like_body_name(std::string_view line) {
    const std::string label = folded_label(line);
    if (label.starts_with("ban hanh")) return false;  // `BAN HÀNH` (issues), not a `Ban` (board)
    return std::any_of(head_words().begin(), head_words().end(), [&](const std::string& head) {
        return label == head || label.starts_with(head + " ");
    });
}

bool is_known_body_name(std::string_view name) {
    static const std::vector<std::vector<std::string>> provinces = [] {
        std::vector<std::vector<std::string>> all;
        for (const auto& row : parse_tsv(embedded::provinces)) all.push_back(folded_tokens(row[0]));
        return all;
    }();
    const std::vector<std::string> tokens = expand_abbreviations(name, name_abbreviations());
    auto starts = [&](std::size_t at, const std::vector<std::string>& seq) {
        return !seq.empty() && at + seq.size() <= tokens.size() &&
               std::equal(seq.begin(), seq.end(), tokens.begin() + static_cast<long>(at));
    };
    for (const auto& known : known_names()) {
        if (known.d_count >= 0 || !starts(0, known.tokens)) continue;
        std::size_t at = known.tokens.size();
        if (at == tokens.size()) return true;
        // A local body: `tỉnh Đồng Tháp`, `thành phố Hà Nội`, or the province's own as its
        // texts call it (`Ủy ban nhân dân tỉnh`).
        if (starts(at, {"tinh"})) {
            at += 1;
        } else if (starts(at, {"thanh", "pho"})) {
            at += 2;
        } else {
            continue;
        }
        if (at == tokens.size()) return true;
        for (const auto& p : provinces) {
            if (at + p.size() == tokens.size() && starts(at, p)) return true;
        }
    }
    return false;
}

bool continues_known_name(std::string_view first, std::string_view next) {
    const std::vector<std::string> head = folded_tokens(first);
    std::vector<std::string> joined = head;
    for (auto& t : folded_tokens(next)) joined.push_back(std::move(t));
    return std::any_of(known_names().begin(), known_names().end(), [&](const KnownName& n) {
        return n.tokens.size() > head.size() && n.tokens.size() <= joined.size() &&
               std::equal(n.tokens.begin(), n.tokens.end(), joined.begin());
    });
}

bool ends_inside_name(std::string_view line) {
    const std::string label = folded_label(line);
    if (label.find(' ') == std::string::npos) return true;  // `ỦY` / `BAN NHÂN DÂN`: one word alone
    for (const char* tail : {"uy ban nhan", "uy ban thuong vu", "thu tuong chinh", "ban chap hanh",
                             "hoi dong nhan", " va", "uy ban"}) {
        if (label.ends_with(tail)) return true;
    }
    // `CHỦ TỊCH ỦY` / `BAN NHÂN DÂN`: `ỦY` left dangling, unless it ends a Party committee
    // (`TỈNH ỦY`, `ĐẢNG ỦY`).
    if (label.ends_with(" uy")) {
        bool committee = false;
        for (const char* c : {" tinh uy", " thanh uy", " dang uy", " huyen uy", " quan uy",
                              " xa uy", " phuong uy", " khu uy"}) {
            committee = committee || (" " + label).ends_with(c);
        }
        if (!committee) return true;
    }
    return label == "uy ban nhan dan" || label == "hoi dong nhan dan";
}

}  // namespace tracuu
