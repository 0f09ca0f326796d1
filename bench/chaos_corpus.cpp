#include "chaos_corpus.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "analyzers/table_lookup.hpp"
#include "analyzers/utf8.hpp"

namespace tracuu::chaos {
namespace {

/// splitmix64: the same numbers on every platform (std distributions are not).
class Random {
  public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// 0 <= result < n (n > 0).
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    /// True with probability `percent` / 100.
    bool chance(unsigned percent) { return below(100) < percent; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[below(N)];
    }

  private:
    uint64_t state_;
};

/// Every mutation with its name in file names and counts.
constexpr std::array<std::pair<Mutation, std::string_view>, 16> kMutations = {
    {{Mutation::Ellipsis, "ellipsis"},
     {Mutation::CurlyQuotes, "quotes"},
     {Mutation::Dashes, "dashes"},
     {Mutation::Nbsp, "nbsp"},
     {Mutation::Invisible, "invisible"},
     {Mutation::Nfd, "nfd"},
     {Mutation::BidiControl, "bidi"},
     {Mutation::Markdown, "markdown"},
     {Mutation::LabelBlock, "labels"},
     {Mutation::SplitHeader, "split"},
     {Mutation::GluedHeader, "glued"},
     {Mutation::LineEnds, "crlf"},
     {Mutation::Truncate, "truncated"},
     {Mutation::MidBom, "bom"},
     {Mutation::LongLine, "longline"},
     {Mutation::Html, "html"}}};

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto eol = text.find('\n', pos);
        lines.push_back(text.substr(pos, eol == std::string_view::npos ? eol : eol - pos));
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
    }
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out.push_back('\n');
        out += lines[i];
    }
    return out;
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const auto at = text.find(from, pos);
        if (at == std::string_view::npos) break;
        out.append(text.substr(pos, at - pos));
        out.append(to);
        pos = at + from.size();
    }
    out.append(text.substr(pos));
    return out;
}

/// Inserts one of `what` before about `per_mille` of the characters (never inside one).
std::string sprinkle(std::string_view text, Random& r, unsigned per_mille,
                     const std::vector<std::string>& what) {
    std::string out;
    out.reserve(text.size() + text.size() / 50);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        utf8::next(text, pos);
        if (r.below(1000) < per_mille) out += what[r.below(what.size())];
        out.append(text.substr(start, pos - start));
    }
    return out;
}

std::string to_nfd(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return std::string(text);
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    nfd->normalizeUTF8(0, text, sink, nullptr, status);
    return U_FAILURE(status) ? std::string(text) : out;
}

std::size_t upper_letters(std::string_view s, std::size_t& letters) {
    std::size_t upper = 0;
    letters = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t c = utf8::next(s, pos);
        if (u_isalpha(static_cast<UChar32>(c))) {
            ++letters;
            if (u_isupper(static_cast<UChar32>(c))) ++upper;
        }
    }
    return upper;
}

std::string html_escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '&') {
            out += "&amp;";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string mutate(std::string text, Mutation m, Random& r, bool& html) {
    switch (m) {
        case Mutation::Ellipsis: {
            text = replace_all(text, "...", "…");
            std::vector<std::string> lines;
            for (std::string_view l : lines_of(text)) {
                std::string line(l);
                if (line.starts_with("Kính gửi") || line.starts_with("V/v") || r.chance(3))
                    line += r.chance(50) ? " …" : "…";
                lines.push_back(std::move(line));
            }
            return join_lines(lines);
        }
        case Mutation::CurlyQuotes: {
            std::string out;
            bool open = true;
            for (const char c : text) {
                if (c == '"') {
                    out += open ? "“" : "”";
                    open = !open;
                } else if (c == '\'') {
                    out += "’";
                } else {
                    out.push_back(c);
                }
            }
            if (r.chance(50)) out = "“" + out + "”";
            return out;
        }
        case Mutation::Dashes: {
            std::string out;
            for (const char c : text) {
                if (c == '-' && r.chance(40)) {
                    out += r.chance(70) ? "–" : "—";
                } else {
                    out.push_back(c);
                }
            }
            return out;
        }
        case Mutation::Nbsp: {
            static const std::array<std::string_view, 4> spaces = {"\u00A0", "\u202F", "\u2007",
                                                                   "\u3000"};
            std::string out;
            for (const char c : text) {
                if (c == ' ' && r.chance(25)) {
                    out += r.pick(spaces);
                } else {
                    out.push_back(c);
                }
            }
            return out;
        }
        case Mutation::Invisible:
            return sprinkle(text, r, 15,
                            {"\u200B", "\u200C", "\u200D", "\uFEFF", "\u00AD", "\u2060"});
        case Mutation::Nfd: {
            if (r.chance(50)) return to_nfd(text);
            std::vector<std::string> lines;
            for (std::string_view l : lines_of(text))
                lines.push_back(r.chance(30) ? to_nfd(l) : std::string(l));
            return join_lines(lines);
        }
        case Mutation::BidiControl:
            return sprinkle(text, r, 5,
                            {"\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
                             "\u2066", "\u2067", "\u2068", "\u2069", "\x01",   "\x02",   "\x07",
                             "\x08",   "\x0B",   "\x0C",   "\x1B",   "\x7F",   "\u0085"});
        case Mutation::Markdown: {
            std::vector<std::string> lines;
            for (std::string_view l : lines_of(text)) {
                std::string line(l);
                if (line.empty()) {
                    lines.push_back(line);
                    continue;
                }
                const std::size_t roll = r.below(100);
                if (roll < 10) {
                    line = "**" + line + "**";
                } else if (roll < 14) {
                    line = std::string(1 + r.below(3), '#') + " " + line;
                } else if (roll < 20) {
                    line = "| " + replace_all(line, ", ", " | ") + " |";
                    if (r.chance(30)) line += "\n|---|---|---|";
                } else if (roll < 23) {
                    line = replace_all(line, "-", "\\-");
                } else if (roll < 26) {
                    line = "* " + line;
                } else if (roll < 28) {
                    line = "***" + line + "*";
                }
                lines.push_back(std::move(line));
            }
            return join_lines(lines);
        }
        case Mutation::LabelBlock: {
            static const std::array<std::string_view, 4> types = {"Quyết định", "Công văn",
                                                                  "Nghị quyết", "Kế hoạch"};
            static const std::array<std::string_view, 4> numbers = {
                "1234/QĐ-UBND", "11554/VPCP-V.I", "57-NQ/TW", "297/2025/NĐ-CP"};
            static const std::array<std::string_view, 3> issuers = {
                "Ủy ban nhân dân tỉnh Đồng Tháp", "Văn phòng Chính phủ", "Bộ Tài chính"};
            const bool bold = r.chance(70);
            auto label = [&](std::string_view name, std::string_view value) {
                return bold ? "**" + std::string(name) + ":** " + std::string(value) + "\n"
                            : std::string(name) + ": " + std::string(value) + "\n";
            };
            std::string block = label("Số hiệu", r.pick(numbers)) +
                                label("Loại văn bản", r.pick(types)) +
                                label("Nơi ban hành", r.pick(issuers)) +
                                label("Ngày ban hành", r.chance(50) ? "01/12/2025" : "32/13/2025") +
                                label("Người ký", "Nguyễn Văn An") +
                                label("Tình trạng", r.chance(50) ? "Còn hiệu lực" : "…");
            return block + "\n" + text;
        }
        case Mutation::SplitHeader: {
            std::vector<std::string> lines;
            std::size_t n = 0;
            for (std::string_view l : lines_of(text)) {
                std::size_t letters = 0;
                const std::size_t upper = upper_letters(l, letters);
                const auto space = l.find(' ');
                if (n++ < 20 && letters >= 6 && upper * 10 >= letters * 8 &&
                    space != std::string_view::npos && r.chance(70)) {
                    lines.emplace_back(l.substr(0, space));
                    lines.emplace_back(l.substr(space + 1));
                } else {
                    lines.emplace_back(l);
                }
            }
            return join_lines(lines);
        }
        case Mutation::GluedHeader:
            text = replace_all(text, "tháng ", "tháng");
            if (r.chance(50)) text = replace_all(text, "ngày ", "ngày");
            if (r.chance(50)) text = replace_all(text, ", ngày", " ngày");
            if (r.chance(30)) text = replace_all(text, "Số: ", "Số:");
            return text;
        case Mutation::LineEnds:
            return replace_all(text, "\n", r.chance(60) ? "\r\n" : "\r");
        case Mutation::Truncate:
            if (text.size() < 2) return text;
            text.resize(text.size() / 10 + r.below(text.size() - text.size() / 10));
            return text;
        case Mutation::MidBom: {
            const std::size_t at = utf8::floor_boundary(text, r.below(text.size() + 1));
            text.insert(at, "\xEF\xBB\xBF");
            if (r.chance(30)) text.insert(0, "\xEF\xBB\xBF");
            return text;
        }
        case Mutation::LongLine: {
            if (r.chance(70)) return replace_all(text, "\n", " ");
            // One line of 20-60 KB: a paragraph repeated without a break.
            std::string line;
            const std::string_view unit =
                std::string_view(text).substr(0, std::min<std::size_t>(text.size(), 400));
            const std::size_t target = (20 + r.below(40)) << 10;
            while (!unit.empty() && line.size() < target) {
                line += replace_all(unit, "\n", " ");
                line.push_back(' ');
            }
            return text + "\n" + line + "\n";
        }
        case Mutation::Html: {
            html = true;
            const std::size_t depth = r.chance(30) ? 300 + r.below(700) : r.below(4);
            std::string out =
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Văn bản</title>"
                "<style>p{margin:0}</style><script>var a = '<p>không phải văn bản</p>';"
                "</script></head><body>";
            for (std::size_t i = 0; i < depth; ++i) out += r.chance(50) ? "<div>" : "<span>";
            for (std::string_view l : lines_of(text)) {
                out += "<p>" + html_escape(l) + "</p>\n";
            }
            // Sometimes left open, as a truncated page would be.
            if (r.chance(70)) {
                for (std::size_t i = 0; i < depth; ++i) out += "</div>";
                out += "</body></html>";
            }
            return out;
        }
    }
    return text;
}

/// A prefix of `text` ending at a line break: most files are 1-5 kB (a công văn's size, and
/// 100 000 of them index in minutes), one in thirty a whole long text.
std::string_view excerpt(std::string_view text, Random& r) {
    if (r.chance(3) || text.size() < 2000) return text;
    const std::size_t want = 800 + r.below(4000);
    if (want >= text.size()) return text;
    const auto eol = text.find('\n', want);
    return eol == std::string_view::npos ? text : text.substr(0, eol + 1);
}

}  // namespace

std::string_view mutation_name(Mutation m) {
    return second_of(kMutations, m).value_or("unknown");
}

ChaosFile make_chaos_file(const std::vector<std::string>& sources, std::size_t index,
                          const ChaosOptions& options) {
    Random r(options.seed ^ (0x9E3779B97F4A7C15ULL * (index + 1)));
    r.next();
    ChaosFile f;
    char folder[32];
    std::snprintf(folder, sizeof folder, "%03zu/%07zu", index / 1000, index);
    f.name = folder;
    if (sources.empty()) return f;
    f.source = r.below(sources.size());
    std::string text;
    std::size_t count = 1 + r.below(3);
    if (index == 0 && options.huge_bytes > 0) {
        // The one huge file: whole texts end to end.
        for (std::size_t s = f.source; text.size() < options.huge_bytes; ++s) {
            text += sources[s % sources.size()];
            text += "\n\n";
        }
        count = 2;
    } else if (options.blank_every > 0 && index % options.blank_every == options.blank_every - 1) {
        static const std::array<std::string_view, 4> blanks = {"\n", "  \n", "\t\n", "\r\n"};
        for (std::size_t i = 1 + r.below(40); i > 0; --i) f.bytes += r.pick(blanks);
        f.name += "-blank.txt";
        return f;
    } else {
        text = std::string(excerpt(sources[f.source], r));
    }
    while (f.mutations.size() < count) {
        const Mutation m = r.pick(kMutations).first;
        if (std::find(f.mutations.begin(), f.mutations.end(), m) != f.mutations.end()) continue;
        if (index == 0 && (m == Mutation::Truncate || m == Mutation::Html)) continue;
        f.mutations.push_back(m);
    }
    // HTML last: the others change the text, HTML wraps it.
    std::stable_partition(f.mutations.begin(), f.mutations.end(),
                          [](Mutation m) { return m != Mutation::Html; });
    bool html = false;
    for (const Mutation m : f.mutations) {
        text = mutate(std::move(text), m, r, html);
        f.name += "-";
        f.name += mutation_name(m);
    }
    f.name += html ? ".html" : ".txt";
    f.bytes = std::move(text);
    return f;
}

}  // namespace tracuu::chaos
