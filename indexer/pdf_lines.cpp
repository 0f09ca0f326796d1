#include "pdf_lines.hpp"

#include <algorithm>
#include <cmath>

#include <cctype>

namespace tracuu {
namespace {

using Line = PageLine;

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
            lines.emplace_back(&w);
            continue;
        }
        line->add(&w);
    }
    for (Line& l : lines) {
        std::stable_sort(l.words.begin(), l.words.end(),
                         [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
    }
    return lines;
}

/// `from_ocr`: OCR's word boxes follow the ink (a dash is a few pixels high, `tháng` reaches
/// below `01`), so gaps are measured in the row's type size and no digits count as raised.
std::string line_text(const Line& line, bool from_ocr) {
    std::string text;
    const PdfWord* previous = nullptr;
    for (const PdfWord* w : line.words) {
        if (previous != nullptr) {
            const double gap = w->x0 - previous->x1;
            const double height = from_ocr ? line.type_size : std::max(w->y1 - w->y0, 1.0);
            if (gap > 2.5 * height) {
                text += kColumnGap;
            } else if (previous->space_after || gap > 0.2 * height) {
                text += ' ';
            }
        }
        // A footnote mark: digits in smaller type raised above the word before (`động¹`).
        const bool raised = !from_ocr && previous != nullptr &&
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

/// OCR's lines made rows: lines side by side on one baseline (the two columns of a header, read
/// as separate blocks) become one row, as a PDF's words would.
std::vector<Line> rows_of(const std::vector<PageWord>& words,
                          const std::vector<std::size_t>& line_starts) {
    std::vector<Line> rows;
    for (std::size_t k = 0; k < line_starts.size(); ++k) {
        const std::size_t end = k + 1 < line_starts.size() ? line_starts[k + 1] : words.size();
        if (line_starts[k] >= end) continue;
        Line line(&words[line_starts[k]]);
        for (std::size_t i = line_starts[k] + 1; i < end; ++i) line.add(&words[i]);
        Line* row = rows.empty() ? nullptr : &rows.back();
        const double overlap =
            row == nullptr ? 0 : std::min(row->bottom, line.bottom) - std::max(row->top, line.top);
        const bool beside = row != nullptr && (line.left > row->right || line.right < row->left);
        if (beside && overlap > 0.5 * std::min(row->height(), line.height())) {
            for (const PageWord* w : line.words) row->add(w);
            std::stable_sort(row->words.begin(), row->words.end(),
                             [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
        } else {
            rows.push_back(std::move(line));
        }
    }
    return rows;
}

/// The text of a page's lines, top to bottom, columns as blocks.
std::string page_text(std::vector<Line> lines, bool from_ocr) {
    lines = order_column_blocks(std::move(lines));
    double right_margin = 0;
    double left_margin = lines.empty() ? 0 : lines.front().left;
    for (const Line& l : lines) {
        right_margin = std::max(right_margin, l.right);
        left_margin = std::min(left_margin, l.left);
    }
    std::string out;
    const Line* previous = nullptr;
    std::string previous_text;
    for (const Line& line : lines) {
        std::string text = line_text(line, from_ocr);
        if (previous != nullptr && line.block_start) {
            out += "\n\n";
        } else if (previous != nullptr) {
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

}  // namespace

std::string assemble_page_text(const std::vector<PdfWord>& words) {
    return page_text(group_lines(words), false);
}

std::vector<PageLine> group_page_lines(const std::vector<PageWord>& words) {
    return group_lines(words);
}

std::string assemble_ocr_page_text(const std::vector<PageWord>& words,
                                   const std::vector<std::size_t>& line_starts) {
    return page_text(rows_of(words, line_starts), true);
}

}  // namespace tracuu
