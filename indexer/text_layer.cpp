#include "text_layer.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <set>

#include "analyzers/ocr_vocabulary.hpp"
#include "analyzers/utf8.hpp"
#include "pdf_lines.hpp"

namespace tracuu {
namespace {

// A page whose layer has fewer visible characters than this (after the signature box) is a
// scan: a scanner may put a page number or a stamp's text on it.
constexpr std::size_t kMinTextChars = 20;
// Vietnamese prose has marks on about half its words; a layer with words enough to judge and
// marks on fewer than this share is not Vietnamese text (an old OCR layer that dropped them).
constexpr std::size_t kMinJudgedWords = 12;
constexpr double kMinMarkedShare = 0.1;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// `07.01.2025 10:44:25`, `20/12/2024 16:32:29`, `+07:00`: a signing time.
bool has_timestamp(std::string_view s) {
    if (s.find("+07:00") != std::string_view::npos) return true;
    bool date = false, time = false;
    for (std::size_t i = 0; i + 5 <= s.size(); ++i) {
        const bool dd = is_digit(s[i]) && is_digit(s[i + 1]);
        if (dd && (s[i + 2] == '.' || s[i + 2] == '/') && i + 10 <= s.size() &&
            is_digit(s[i + 3]) && is_digit(s[i + 4]) && s[i + 5] == s[i + 2] &&
            std::all_of(s.begin() + i + 6, s.begin() + i + 10, is_digit)) {
            date = true;
        }
        if (dd && s[i + 2] == ':' && is_digit(s[i + 3]) && is_digit(s[i + 4])) time = true;
    }
    return date && time;
}

/// A line only a signing tool writes.
bool is_signature_label(const PageLine& line) {
    const std::string raw = plain_text(line);
    if (raw.find('@') != std::string::npos || has_timestamp(raw)) return true;
    const std::string form = ocr_match_form(raw);
    for (std::string_view label : {"ky boi", "nguoi ky", "thoi gian ky", "ngay ky", "co quan",
                                   "email", "signed by", "signature valid"}) {
        if (form.starts_with(label)) return true;
    }
    return false;
}

/// Lines of one signature box: beside a label line, in type no larger than its.
bool joins_box(const PageLine& line, const PageLine& box_line) {
    const double gap = std::max(line.top - box_line.bottom, box_line.top - line.bottom);
    const double overlap =
        std::min(line.right, box_line.right) - std::max(line.left, box_line.left);
    return gap < 1.5 * std::max(line.height(), box_line.height()) && overlap > 0 &&
           line.type_size <= 1.4 * box_line.type_size;
}

/// Why `text` is not to be trusted as the page's text, or empty.
std::string judge(std::string_view text) {
    if (visible_chars(text) < kMinTextChars) return "no text";
    std::size_t words = 0, marked = 0;
    bool letters = false, non_ascii = false;
    std::size_t pos = 0;
    auto end_word = [&] {
        words += letters;
        marked += letters && non_ascii;
        letters = non_ascii = false;
    };
    while (pos < text.size()) {
        const char32_t c = utf8::next(text, pos);
        if (c == ' ' || c == '\n' || c == '\t') {
            end_word();
        } else if (u_isalpha(static_cast<UChar32>(c))) {
            letters = true;
            non_ascii = non_ascii || c >= 0x80;
        }
    }
    end_word();
    if (words >= kMinJudgedWords && static_cast<double>(marked) < kMinMarkedShare * words)
        return "text layer without Vietnamese marks (an old OCR layer?)";
    return {};
}

}  // namespace

std::size_t visible_chars(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) {
        const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
        n += !continuation && c != ' ' && c != '\n' && c != '\t' && c != '\r';
    }
    return n;
}

TextLayer read_text_layer(std::vector<PageWord> words) {
    TextLayer layer;
    const std::vector<PageLine> lines = group_page_lines(words);
    std::vector<bool> in_box(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) in_box[i] = is_signature_label(lines[i]);
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (in_box[i]) continue;
            for (std::size_t j = 0; j < lines.size() && !in_box[i]; ++j) {
                if (in_box[j] && joins_box(lines[i], lines[j])) in_box[i] = grew = true;
            }
        }
    }
    std::set<const PageWord*> box_words;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!in_box[i]) continue;
        layer.signature_lines.push_back(plain_text(lines[i]));
        box_words.insert(lines[i].words.begin(), lines[i].words.end());
    }
    std::string text;
    for (const PageWord& w : words) {
        if (box_words.count(&w)) {
            layer.signature_box.push_back(w);
        } else {
            text += w.text + " ";
            layer.text.push_back(w);
        }
    }
    layer.why_not = judge(text);
    layer.is_text = layer.why_not.empty();
    if (layer.text.empty()) layer.why_not.clear();
    return layer;
}

}  // namespace tracuu
