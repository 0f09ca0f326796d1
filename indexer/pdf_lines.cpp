#include "pdf_lines.hpp"

#include <algorithm>
#include <cmath>

#include <unicode/uchar.h>

#include "analyzers/utf8.hpp"

namespace tracuu {
namespace {

struct Line {
    std::vector<const PdfWord*> words;
    double top = 0, bottom = 0, left = 0, right = 0;

    double height() const { return bottom - top; }
    double middle() const { return (top + bottom) / 2; }
};

bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

/// `57-`, `2265/`, `số 05-`: a number cut after its separator.
bool ends_inside_number(const std::string& text) {
    if (text.size() < 2) return false;
    const char last = text.back();
    return (last == '-' || last == '/') && is_ascii_digit(text[text.size() - 2]);
}

/// Starts with a capital ASCII letter or Đ (a code such as `NQ/TW`, `ĐU`).
bool starts_like_code(const std::string& text) {
    if (text.empty()) return false;
    const char c = text.front();
    return (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || text.starts_with("Đ");
}

/// Starts with a lower-case letter (`của`, `đồng`), as a continued sentence does.
bool starts_lower_case(const std::string& text) {
    std::size_t pos = 0;
    return !text.empty() && u_islower(static_cast<UChar32>(utf8::next(text, pos)));
}

std::vector<Line> group_lines(const std::vector<PdfWord>& words) {
    std::vector<Line> lines;
    for (const PdfWord& w : words) {
        if (w.text.empty()) continue;
        const double height = std::max(w.y1 - w.y0, 1.0);
        const double middle = (w.y0 + w.y1) / 2;
        Line* line = lines.empty() ? nullptr : &lines.back();
        const bool same_line = line != nullptr && std::abs(middle - line->middle()) <
                                                      0.5 * std::max(height, line->height());
        if (!same_line) {
            lines.push_back({{&w}, w.y0, w.y1, w.x0, w.x1});
            continue;
        }
        line->words.push_back(&w);
        line->top = std::min(line->top, w.y0);
        line->bottom = std::max(line->bottom, w.y1);
        line->left = std::min(line->left, w.x0);
        line->right = std::max(line->right, w.x1);
    }
    return lines;
}

std::string line_text(Line& line) {
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
    std::string text;
    const PdfWord* previous = nullptr;
    for (const PdfWord* w : line.words) {
        if (previous != nullptr) {
            const double gap = w->x0 - previous->x1;
            const double height = std::max(w->y1 - w->y0, 1.0);
            if (gap > 2.5 * height) {
                text += kColumnGap;
            } else if (previous->space_after || gap > 0.2 * height) {
                text += ' ';
            }
        }
        text += w->text;
        previous = w;
    }
    return text;
}

}  // namespace

std::string assemble_page_text(const std::vector<PdfWord>& words) {
    std::vector<Line> lines = group_lines(words);
    double right_margin = 0;
    for (const Line& l : lines) right_margin = std::max(right_margin, l.right);
    std::string out;
    const Line* previous = nullptr;
    std::string previous_text;
    for (Line& line : lines) {
        std::string text = line_text(line);
        if (previous != nullptr) {
            const double gap = line.top - previous->bottom;
            const bool full_line =
                previous->right >= right_margin - 0.08 * right_margin && previous->words.size() > 3;
            if (ends_inside_number(previous_text) && starts_like_code(text)) {
                // `57-` / `NQ/TW`: one number
            } else if (full_line && gap < 0.8 * line.height() && starts_lower_case(text)) {
                out += ' ';
            } else if (gap > 0.9 * line.height()) {
                out += "\n\n";
            } else {
                out += '\n';
            }
        }
        out += text;
        previous = &line;
        previous_text = std::move(text);
    }
    return out;
}

}  // namespace tracuu
