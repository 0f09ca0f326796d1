// Word 97-2003 (.doc) through an installed converter: antiword, else catdoc. Both are Debian
// packages; each runs as a subprocess with a time limit (subprocess.hpp).
#include <algorithm>

#include "analyzers/utf8.hpp"
#include "extractors.hpp"
#include "subprocess.hpp"

namespace tracuu {
namespace {

struct Converter {
    const char* program;
    std::vector<std::string> (*args)(const std::filesystem::path&);
};

const Converter kConverters[] = {
    // -m UTF-8.txt: UTF-8 output; -w 0: one line per paragraph, no re-wrapping.
    {"antiword",
     [](const std::filesystem::path& p) -> std::vector<std::string> {
         return {"-m", "UTF-8.txt", "-w", "0", p.string()};
     }},
    {"catdoc",
     [](const std::filesystem::path& p) -> std::vector<std::string> {
         return {"-d", "utf-8", "-w", p.string()};
     }},
};

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto eol = text.find('\n', start);
        lines.push_back(text.substr(start, eol - start));
        if (eol == std::string::npos) break;
        start = eol + 1;
    }
    return lines;
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(' ');
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(' ') - b + 1));
}

/// antiword draws a table as `|cell|cell|` lines, one per printed line. Read it as a DOCX is
/// read: the first column's lines, then the second's, so a two-column header stays two blocks.
std::vector<std::string> unfold_tables(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < lines.size();) {
        if (!(lines[i].size() > 1 && lines[i].front() == '|' && lines[i].back() == '|')) {
            out.push_back(lines[i++]);
            continue;
        }
        std::vector<std::vector<std::string>> columns;
        for (; i < lines.size() && lines[i].size() > 1 && lines[i].front() == '|' &&
               lines[i].back() == '|';
             ++i) {
            std::string_view row(lines[i]);
            row = row.substr(1, row.size() - 2);
            std::size_t column = 0;
            while (true) {
                const auto bar = row.find('|');
                if (columns.size() <= column) columns.emplace_back();
                const std::string cell = trimmed(row.substr(0, bar));
                if (!cell.empty()) columns[column].push_back(cell);
                if (bar == std::string_view::npos) break;
                row = row.substr(bar + 1);
                ++column;
            }
        }
        for (const auto& column : columns) out.insert(out.end(), column.begin(), column.end());
    }
    return out;
}

/// antiword prints footnotes after a rule at the end (`[1] text`); put each after the first line
/// that marks it, where a printed page shows it, so the signature stays the document's end.
std::vector<std::string> place_notes(std::vector<std::string> lines) {
    const std::string rule(23, '-');
    const auto at = std::find(lines.begin(), lines.end(), rule);
    if (at == lines.end()) return lines;
    std::vector<std::string> notes(at + 1, lines.end());
    lines.erase(at, lines.end());
    for (const std::string& note : notes) {
        const auto close = note.find(']');
        if (!note.starts_with("[") || close == std::string::npos) continue;
        const std::string mark = note.substr(0, close + 1);
        const auto marked = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
            return l.find(mark) != std::string::npos;
        });
        lines.insert(marked == lines.end() ? lines.end() : marked + 1, note);
    }
    return lines;
}

std::string antiword_reading_order(const std::string& text) {
    std::string out;
    for (const std::string& line : place_notes(unfold_tables(split_lines(text)))) {
        out += line;
        out += '\n';
    }
    return out;
}

std::string first_line(std::string text) {
    text.erase(0, text.find_first_not_of(" \n"));
    const auto eol = text.find('\n');
    if (eol != std::string::npos) text.resize(eol);
    return text.size() > 200 ? std::string(utf8::cut(text, 200)) + "…" : text;
}

}  // namespace

Extraction extract_doc(const std::filesystem::path& path, const ExtractionOptions& options) {
    for (const Converter& converter : kConverters) {
        const auto program = find_program(converter.program);
        if (!program) continue;
        const ProcessResult r =
            run_process(*program, converter.args(path), options.converter_timeout);
        const std::string name = converter.program;
        if (r.timed_out) {
            throw SourceError(
                name + " did not finish within " +
                std::to_string(options.converter_timeout.count() / 1000.0).substr(0, 4) +
                " s and was stopped (see --converter-timeout)");
        }
        if (r.output_too_large) throw SourceError(name + " produced more than 256 MiB of text");
        std::string said = first_line(r.err.empty() ? r.out : r.err);
        std::string lower = said;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (lower.find("encrypt") != std::string::npos ||
            lower.find("password") != std::string::npos) {
            throw SourceError("password-protected Word document (" + name + ": " + said + ")");
        }
        if (r.exit_code != 0) {
            throw SourceError(name + " cannot read it (exit status " + std::to_string(r.exit_code) +
                              (said.empty() ? "" : ": " + said) + "); damaged or truncated .doc?");
        }
        if (!utf8::is_valid(r.out)) throw SourceError(name + " gave text that is not UTF-8");
        Extraction e;
        e.format = SourceFormat::Doc;
        e.extractor = name;
        e.text = name == "antiword" ? antiword_reading_order(r.out) : r.out;
        return e;
    }
    throw SourceError(
        "a Word 97-2003 .doc needs antiword or catdoc, and neither is installed "
        "(apt-get install antiword)");
}

}  // namespace tracuu
