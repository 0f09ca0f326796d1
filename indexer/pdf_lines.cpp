#include "pdf_lines.hpp"

#include <algorithm>
#include <cmath>

#include <cctype>

namespace tracuu {
namespace {

struct Line {
    std::vector<const PdfWord*> words;
    double top = 0, bottom = 0, left = 0, right = 0;
    double type_size = 0;  ///< the tallest word's height: the size of the line's type

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

/// Ends a sentence or introduces a list: the next line starts anew.
bool ends_statement(const std::string& text) {
    const auto last = text.find_last_not_of(' ');
    if (last == std::string::npos) return true;
    const char c = text[last];
    return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

/// `- `, `+ `, `• `, `a) `, `1. `, `2) `: a new item, not the rest of the line before.
bool starts_list_item(const std::string& text) {
    if (text.starts_with("- ") || text.starts_with("+ ") || text.starts_with("• ") ||
        text.starts_with("* "))
        return true;
    std::size_t i = 0;
    while (i < text.size() && (is_ascii_digit(text[i]) ||
                               (i == 0 && std::islower(static_cast<unsigned char>(text[i])))))
        ++i;
    return i > 0 && i <= 3 && i < text.size() && (text[i] == '.' || text[i] == ')');
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
            lines.push_back({{&w}, w.y0, w.y1, w.x0, w.x1, height});
            continue;
        }
        line->words.push_back(&w);
        line->top = std::min(line->top, w.y0);
        line->bottom = std::max(line->bottom, w.y1);
        line->left = std::min(line->left, w.x0);
        line->right = std::max(line->right, w.x1);
        line->type_size = std::max(line->type_size, height);
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
        // A footnote mark: digits in smaller type raised above the word before (`động¹`).
        const bool raised = previous != nullptr &&
                            w->y1 - w->y0 < 0.8 * (previous->y1 - previous->y0) &&
                            w->y1 < previous->y1 - 0.15 * (previous->y1 - previous->y0) &&
                            w->text.find_first_not_of("0123456789") == std::string::npos;
        if (raised) {
            static const char* superscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
            for (char c : w->text) text += superscripts[c - '0'];
        } else {
            text += w->text;
        }
        previous = w;
    }
    return text;
}

}  // namespace

std::string assemble_page_text(const std::vector<PdfWord>& words) {
    std::vector<Line> lines = group_lines(words);
    double right_margin = 0;
    double left_margin = lines.empty() ? 0 : lines.front().left;
    for (const Line& l : lines) {
        right_margin = std::max(right_margin, l.right);
        left_margin = std::min(left_margin, l.left);
    }
    std::string out;
    const Line* previous = nullptr;
    std::string previous_text;
    for (Line& line : lines) {
        std::string text = line_text(line);
        if (previous != nullptr) {
            const double gap = line.top - previous->bottom;
            const bool full_line =
                previous->right >= right_margin - 0.08 * right_margin && previous->words.size() > 3;
            // Footnotes (smaller type) never continue the body's paragraph.
            const bool same_size =
                std::abs(line.type_size - previous->type_size) < 0.1 * previous->type_size;
            if (ends_inside_number(previous_text) && starts_like_code(text)) {
                // `57-` / `NQ/TW`: one number
            } else if (full_line && same_size && gap < 0.8 * line.height() &&
                       line.left <= left_margin + 0.03 * right_margin &&
                       !ends_statement(previous_text) && !starts_list_item(text)) {
                // a justified paragraph wrapped here
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
