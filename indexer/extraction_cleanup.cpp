#include "extraction_cleanup.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace tracuu {
namespace {

bool is_ascii_punct(char c) {
    return std::ispunct(static_cast<unsigned char>(c)) != 0;
}

/// `2025-10-14T17:40:48+0700`, alone on its line apart from spaces.
bool is_timestamp_line(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd";
    if (line.size() < shape.size()) return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const char c = line[i];
        if (shape[i] == 'd' ? !std::isdigit(static_cast<unsigned char>(c)) : c != shape[i])
            return false;
    }
    const std::string_view zone = line.substr(shape.size());
    return std::all_of(zone.begin(), zone.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == ':' ||
               c == 'Z' || c == '.';
    });
}

/// A table or section rule: only -, =, _, +, : and spaces, at least three marks.
bool is_rule_line(std::string_view line) {
    std::size_t marks = 0;
    for (char c : line) {
        if (c == '-' || c == '=' || c == '_' || c == '+' || c == ':') {
            ++marks;
        } else if (c != ' ' && c != '\t') {
            return false;
        }
    }
    return marks >= 3;
}

/// Drops DOCX markers, keeps footnote bodies.
std::string drop_docx_markers(std::string_view text) {
    if (text.find('[') == std::string_view::npos) return std::string(text);  // the common case
    std::string out;
    out.reserve(text.size());
    std::size_t open_footnotes = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '[') {
            const std::string_view rest = text.substr(i);
            if (rest.starts_with("[bookmark:") || rest.starts_with("[footnoteRef:")) {
                const auto close = rest.find(']');
                if (close != std::string_view::npos) {
                    i += close;
                    continue;
                }
            }
            // `[1: ` opens a footnote body that runs to the matching ']'.
            std::size_t j = 1;
            while (j < rest.size() && std::isdigit(static_cast<unsigned char>(rest[j]))) ++j;
            if (j > 1 && j < rest.size() && rest[j] == ':') {
                ++open_footnotes;
                out.push_back(' ');
                i += j;
                continue;
            }
        }
        if (c == ']' && open_footnotes > 0) {
            --open_footnotes;
            continue;
        }
        out.push_back(c);
    }
    return out;
}

/// Markdown emphasis and escapes inside one line.
std::string clean_markdown(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        // Copy up to the next character that may need dropping.
        const std::size_t special = std::min(line.find_first_of("\\*", i), line.size());
        out.append(line.substr(i, special - i));
        i = special;
        if (i == line.size()) break;
        const char c = line[i];
        // `\-` escapes and a trailing `\` (a markdown line break, also before table padding).
        const bool drop_backslash =
            c == '\\' &&
            (i + 1 == line.size() || is_ascii_punct(line[i + 1]) || line[i + 1] == ' ');
        // `(*)` is a footnote mark in the text itself; every other star is emphasis.
        const bool footnote_mark =
            c == '*' && i > 0 && line[i - 1] == '(' && i + 1 < line.size() && line[i + 1] == ')';
        if (!drop_backslash && (c != '*' || footnote_mark)) out.push_back(c);
        ++i;
    }
    // A line that was only heading marks.
    if (!out.empty() &&
        std::all_of(out.begin(), out.end(), [](char ch) { return ch == '#' || ch == ' '; })) {
        return {};
    }
    // `## Phụ lục I`: the heading's marks.
    const std::size_t hashes = out.find_first_not_of('#');
    if (hashes > 0 && hashes <= 6 && hashes != std::string::npos && out[hashes] == ' ')
        out.erase(0, hashes + 1);
    // `_(Ban hành kèm theo …)_`: emphasis around brackets.
    for (std::size_t at = out.find("_("); at != std::string::npos; at = out.find("_(", at)) {
        if (at == 0 || out[at - 1] == ' ')
            out.erase(at, 1);
        else
            ++at;
    }
    for (std::size_t at = out.find(")_"); at != std::string::npos; at = out.find(")_", at)) {
        if (at + 2 == out.size() || out[at + 2] == ' ' || is_ascii_punct(out[at + 2]))
            out.erase(at + 1, 1);
        else
            ++at;
    }
    return out;
}

/// `<br>`, `<br/>`, `<br />` in crawled pages' text: replaced by `with`.
std::string replace_line_breaks(std::string text, std::string_view with) {
    for (std::size_t at = text.find("<br"); at != std::string::npos; at = text.find("<br", at)) {
        std::size_t end = at + 3;
        while (end < text.size() && (text[end] == ' ' || text[end] == '/')) ++end;
        if (end < text.size() && text[end] == '>') {
            text.replace(at, end + 1 - at, with);
            at += with.size();
        } else {
            at += 3;
        }
    }
    return text;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// A pipe table row (`| 11 | 00226 | Phường Văn Miếu -<br>Quốc Tử Giám |`) as its cells, each
/// after a tab, so a row stays one line (the page shows such lines as a table); a line
/// break inside a cell is a space. The row under the header (`| --- | --- |`) and rows of empty
/// cells give an empty line.
std::string table_row(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t at = 0;
    while (at <= line.size()) {
        const std::size_t bar = std::min(line.find('|', at), line.size());
        cells.push_back(trim_spaces(line.substr(at, bar - at)));
        at = bar + 1;
    }
    if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
    if (!cells.empty() && cells.back().empty()) cells.pop_back();
    const bool blank = std::all_of(cells.begin(), cells.end(), [](std::string_view c) {
        return c.find_first_not_of("-: ") == std::string_view::npos;
    });
    if (blank || cells.size() < 2) {
        std::string words;  // one cell: its text, as before
        for (auto c : cells) {
            if (c.find_first_not_of("-: ") != std::string_view::npos) words += std::string(c);
        }
        return replace_line_breaks(words, " ");
    }
    std::string out;
    for (std::string_view cell : cells) {
        out.push_back('\t');  // a tab before each cell: a row starts with one, unlike DOCX tabs
        out += replace_line_breaks(std::string(cell), " ");
    }
    return out;
}

}  // namespace

std::string clean_extraction_artifacts(std::string_view text) {
    const std::string unmarked = drop_docx_markers(text);
    std::string out;
    out.reserve(unmarked.size());
    std::string_view rest = unmarked;
    bool first = true;
    while (true) {
        const auto eol = rest.find('\n');
        const std::string_view line = rest.substr(0, eol);
        // A timestamp line is a signature's time stamp, not body text: it is dropped whole.
        if (!is_timestamp_line(line)) {
            if (!first) out.push_back('\n');
            first = false;
            // Most lines have nothing to clean: copy them as they are.
            if (line.find_first_of("\\*#|<_") == std::string_view::npos && !is_rule_line(line)) {
                out += line;
                if (eol == std::string_view::npos) break;
                rest = rest.substr(eol + 1);
                continue;
            }
            // Rules are recognised after markdown is gone: `\-\-\-\-**` is a rule too.
            std::string cleaned = clean_markdown(line);
            if (trim_spaces(cleaned).starts_with('|') &&
                std::count(cleaned.begin(), cleaned.end(), '|') >= 3) {
                out += table_row(cleaned);
            } else if (!is_rule_line(cleaned)) {
                std::replace(cleaned.begin(), cleaned.end(), '|', '\n');
                out += replace_line_breaks(std::move(cleaned), "\n");
            }
        }
        if (eol == std::string_view::npos) break;
        rest = rest.substr(eol + 1);
    }
    return out;
}

}  // namespace tracuu
