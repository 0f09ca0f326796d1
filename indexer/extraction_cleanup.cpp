#include "extraction_cleanup.hpp"

#include <algorithm>
#include <cctype>

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
            if (line.find_first_of("\\*#|") == std::string_view::npos && !is_rule_line(line)) {
                out += line;
                if (eol == std::string_view::npos) break;
                rest = rest.substr(eol + 1);
                continue;
            }
            // Rules are recognised after markdown is gone: `\-\-\-\-**` is a rule too.
            std::string cleaned = clean_markdown(line);
            if (!is_rule_line(cleaned)) {
                std::replace(cleaned.begin(), cleaned.end(), '|', '\n');
                out += cleaned;
            }
        }
        if (eol == std::string_view::npos) break;
        rest = rest.substr(eol + 1);
    }
    return out;
}

}  // namespace tracuu
