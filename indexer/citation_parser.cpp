// Citations: `<type word> số <number> ngày <date> của <issuer>`, lists that share a type word
// (`các Nghị quyết số 01/NQ-CP, 02/NQ-CP ngày 08/01/2025`) and short back-references
// (`Kế hoạch số 02` for `Kế hoạch số 02-KH/BCĐTW`).
#include <algorithm>
#include <array>

#include "analyzers/abbreviations.hpp"
#include "analyzers/code_tables.hpp"
#include "analyzers/word_forms.hpp"
#include "citation_relations.hpp"
#include "directive.hpp"
#include "text_lines.hpp"
#include "token_reader.hpp"

namespace tracuu {
namespace {

constexpr std::size_t kMaxIssuerTokens = 16;
constexpr std::size_t kContextReach = 320;  // bytes each side of a citation, at most

struct TypeWord {
    std::vector<std::string> folded;
    std::string display;  ///< `Nghị quyết`
    std::string code;     ///< `NQ`, empty for generic words (`văn bản`)
};

const std::vector<TypeWord>& type_words() {
    static const std::vector<TypeWord> words = [] {
        std::vector<TypeWord> all;
        auto add = [&](std::string_view name, std::string code) {
            std::vector<std::string> folded;
            std::string display = capitalize(name.substr(0, name.find(' '))) +
                                  std::string(name.substr(std::min(name.size(), name.find(' '))));
            folded = folded_tokens(name);  // the analyzer's forms: `quy` is `qui` there
            if (std::none_of(all.begin(), all.end(),
                             [&](const TypeWord& t) { return t.folded == folded; })) {
                all.push_back({std::move(folded), std::move(display), std::move(code)});
            }
        };
        for (const auto& e : document_type_codes()) add(e.name, e.code);
        add("văn bản", "");
        add("hiến pháp", "");
        add("pháp lệnh", "");
        std::stable_sort(all.begin(), all.end(), [](const TypeWord& a, const TypeWord& b) {
            return a.folded.size() > b.folded.size();
        });
        return all;
    }();
    return words;
}

bool is_blank_gap(std::string_view gap) {
    return std::all_of(gap.begin(), gap.end(),
                       [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
}

class CitationReader : TokenReader {
  public:
    CitationReader(std::string_view text, const Analysis& analysis)
        : TokenReader(text, analysis.tokens), a_(analysis) {}

    std::vector<Citation> read(std::optional<std::size_t> own_number) {
        std::optional<std::size_t> previous;  // index in a_.numbers of the previous citation
        std::size_t previous_end = 0;         // token after the previous citation and its date
        for (std::size_t n = 0; n < a_.numbers.size(); ++n) {
            if (own_number && n == *own_number) continue;
            const NumberMatch& m = a_.numbers[n];
            // The document's own number repeated (a page's metadata, a footer) is not a citation.
            if (own_number && m.number.key() == a_.numbers[*own_number].number.key()) continue;
            if (m.number.numeral.empty()) continue;
            Citation c;
            c.number = m.text;
            c.parts = m.number;
            c.key = m.number.key();
            const TypeBefore type = type_word_before(m.first_token);
            if (type.word) c.type = type.word->display;
            // `... và Công văn số 16256-CV/VPTW` continues a list of công văn as well.
            const bool in_list =
                previous &&
                (continues_list(previous_end, m.first_token, m.begin) ||
                 (type.word && type.word->display == last_type_ &&
                  continues_list(previous_end, type.start, a_.tokens[type.start].begin)));
            if (c.type.empty() && in_list) c.type = last_type_;
            std::size_t after = m.last_token + 1;
            c.date = date_at(after);
            previous_end = after;
            c.issuer = issuer_at(after);
            c.context = context(m.begin, m.end);
            c.spans.emplace_back(m.begin, m.end);
            // A list shares its date and issuer: `01/NQ-CP, 02/NQ-CP ngày 08/01/2025 ... của Chính
            // phủ`.
            if (in_list) {
                bool dating = c.date.has_value();
                for (std::size_t k = citations_order_.size(); k-- > list_start_;) {
                    Citation& earlier = citations_[citations_order_[k]];
                    if (dating && earlier.date) dating = false;
                    if (dating) earlier.date = c.date;
                    if (!earlier.issuer && c.issuer) earlier.issuer = c.issuer;
                }
            } else {
                list_start_ = citations_order_.size();
            }
            last_type_ = c.type;
            add(std::move(c));
            previous = n;
        }
        read_short_references();
        bool consolidated = false;
        if (own_number) {
            for (const auto& code : a_.numbers[*own_number].number.codes)
                consolidated = consolidated || fold(code) == "vbhn";
        }
        assign_relations(
            text_, a_, citations_,
            [this](std::size_t begin, std::size_t end) { return context(begin, end); },
            consolidated);
        return std::move(citations_);
    }

  private:
    struct TypeBefore {
        const TypeWord* word = nullptr;
        std::size_t start = 0;  ///< first token of the type word
    };

    /// The type word right before token `first` (`Nghị quyết số`, `Kế hoạch`), if any.
    const TypeWord* type_before(std::size_t first) const { return type_word_before(first).word; }

    TypeBefore type_word_before(std::size_t first) const {
        if (first == 0) return {};
        std::size_t end = first;  // one past the type word
        if (a_.tokens[end - 1].folded == "so" && is_blank_gap(gap_before(first))) {
            --end;
            if (end == 0) return {};
        }
        if (!is_blank_gap(gap_before(end))) return {};
        for (const TypeWord& t : type_words()) {
            const std::size_t n = t.folded.size();
            if (end < n) continue;
            bool match = true;
            for (std::size_t k = 0; k < n && match; ++k) {
                match = a_.tokens[end - n + k].folded == t.folded[k] &&
                        (k == 0 || is_blank_gap(gap_before(end - n + k)));
            }
            if (match) return {&t, end - n};
        }
        return {};
    }

    /// `01/NQ-CP, 02/NQ-CP ngày 08/01/2025, 03/NQ-CP` or `... và 03/NQ-CP`: a number continues
    /// the list of the previous one, which ended (its date included) before token `previous_end`.
    bool continues_list(std::size_t previous_end, std::size_t first_token,
                        std::size_t begin) const {
        if (previous_end == 0) return false;
        if (first_token != previous_end &&
            !(first_token == previous_end + 1 && a_.tokens[previous_end].folded == "va")) {
            return false;
        }
        const std::size_t gap_begin = a_.tokens[previous_end - 1].end;
        const std::string_view gap = text_.substr(gap_begin, begin - gap_begin);
        const std::string g = collapse_spaces(gap);
        return g == "," || g == "và" || g == ", và" || g == ";";
    }

    /// `ngày 22/12/2024` or `ngày 22 tháng 12 năm 2024` starting at token `i`; advances `i`.
    std::optional<std::string> date_at(std::size_t& i) const {
        const auto& t = a_.tokens;
        if (i >= t.size() || t[i].folded != "ngay") return std::nullopt;
        if (!is_blank_gap(gap_before(i)) && collapse_spaces(gap_before(i)) != ",")
            return std::nullopt;
        std::array<std::string_view, 3> dmy;
        std::size_t k = i + 1;
        if (k + 2 < t.size() && is_digits(written(k)) && is_digits(written(k + 1)) &&
            is_digits(written(k + 2))) {
            const std::string_view g1 = gap_before(k + 1), g2 = gap_before(k + 2);
            if ((g1 == "/" && g2 == "/") || (g1 == "-" && g2 == "-") || (g1 == "." && g2 == ".")) {
                dmy = {written(k), written(k + 1), written(k + 2)};
                k += 3;
            }
        }
        if (dmy[0].empty() && k + 4 < t.size() && is_digits(written(k)) &&
            t[k + 1].folded == "thang" && is_digits(written(k + 2)) && t[k + 3].folded == "nam" &&
            is_digits(written(k + 4))) {
            dmy = {written(k), written(k + 2), written(k + 4)};
            k += 5;
        }
        if (dmy[0].empty() || dmy[0].size() > 2 || dmy[1].size() > 2) return std::nullopt;
        const int day = std::stoi(std::string(dmy[0].substr(0, 2)));
        const int month = std::stoi(std::string(dmy[1].substr(0, 2)));
        if (dmy[2].size() != 4 || day < 1 || day > 31 || month < 1 || month > 12)
            return std::nullopt;
        i = k;
        char iso[11];
        std::snprintf(iso, sizeof iso, "%.4s-%02d-%02d", dmy[2].data(), month, day);
        return std::string(iso);
    }

    /// `của Bộ Chính trị` starting at token `i`.
    std::optional<std::string> issuer_at(std::size_t i) const {
        // Words that end a body's name. Compared with their marks: `sau` (after) stops, `sáu`
        // (six, in `Hội nghị lần thứ sáu`) does not.
        static const std::vector<std::vector<std::string>> stops = [] {
            std::vector<std::vector<std::string>> words;
            for (std::string_view phrase :
                 {"về",        "tại",      "theo",      "nhằm",     "đã",       "đối với",
                  "trong",     "với",      "cho",       "ngày",     "số",       "sau",
                  "khi",       "để",       "là",        "thì",      "này",      "triển khai",
                  "thực hiện", "ban hành", "phê duyệt", "yêu cầu",  "đề nghị",  "hướng dẫn",
                  "quy định",  "gửi",      "và các",    "tiếp tục", "hiện còn", "kèm theo",
                  "của",       "kính gửi", "nơi nhận",  "như sau",  "cộng hòa"}) {
                std::vector<std::string> exact;
                for (const auto& w : split_words(phrase)) exact.push_back(word_forms(w.text).exact);
                words.push_back(std::move(exact));
            }
            return words;
        }();
        const auto& t = a_.tokens;
        if (i >= t.size() || t[i].folded != "cua") return std::nullopt;
        const std::string_view before = gap_before(i);
        if (!is_blank_gap(before) && collapse_spaces(before) != ",") return std::nullopt;
        const std::size_t first = i + 1;
        std::size_t last = first;  // one past
        while (last < t.size() && last - first < kMaxIssuerTokens) {
            if (last > first && !is_blank_gap(gap_before(last))) break;
            if (is_digits(t[last].folded)) break;
            bool stop = false;
            for (const auto& s : stops) {
                if (last + s.size() > t.size()) continue;
                bool all = true;
                for (std::size_t k = 0; k < s.size() && all; ++k) all = t[last + k].exact == s[k];
                if (all) stop = true;
            }
            // A type word starts another citation: `... của Tỉnh ủy Kế hoạch số 02`.
            if (!stop && last > first) {
                for (const TypeWord& tw : type_words()) {
                    if (!tw.code.empty() && last + tw.folded.size() <= t.size() &&
                        std::equal(
                            tw.folded.begin(), tw.folded.end(), t.begin() + static_cast<long>(last),
                            [](const std::string& a, const Token& b) { return a == b.folded; }) &&
                        starts_with_upper(written(last))) {
                        stop = true;
                        break;
                    }
                }
            }
            if (stop) break;
            ++last;
        }
        while (last > first && (t[last - 1].folded == "va" || t[last - 1].folded == "hoac")) --last;
        if (last == first) return std::nullopt;
        // Names start with a capital: `của Bộ Chính trị`, not `của các cơ quan`.
        if (!starts_with_upper(written(first))) return std::nullopt;
        return collapse_spaces(written(first, last - 1));
    }

    /// The sentence around [begin, end).
    TextExcerpt context(std::size_t begin, std::size_t end) const {
        auto is_stop = [&](std::size_t p) {
            const char c = text_[p];
            if (c != '.' && c != ';' && c != '!' && c != '?') return false;
            return p + 1 >= text_.size() || text_[p + 1] == ' ' || text_[p + 1] == '\n';
        };
        auto is_space = [&](std::size_t p) {
            return text_[p] == ' ' || text_[p] == '\n' || text_[p] == '\t';
        };
        std::size_t from = begin;
        while (from > 0 && begin - from < kContextReach && !is_stop(from - 1)) --from;
        const bool cut_before = from > 0 && !is_stop(from - 1);
        if (cut_before) {
            while (from < begin && !is_space(from)) ++from;  // start on a whole word
        }
        std::size_t to = end;
        while (to < text_.size() && to - end < kContextReach && !is_stop(to)) ++to;
        const bool cut_after = to < text_.size() && !is_stop(to);
        if (cut_after) {
            while (to > end && !is_space(to - 1)) --to;
        } else if (to < text_.size()) {
            ++to;  // keep the full stop
        }
        return {static_cast<uint32_t>(from), static_cast<uint32_t>(to), cut_before, cut_after};
    }

    void add(Citation c) {
        for (std::size_t k = 0; k < citations_.size(); ++k) {
            Citation& existing = citations_[k];
            if (existing.key != c.key) continue;
            existing.spans.insert(existing.spans.end(), c.spans.begin(), c.spans.end());
            if (existing.type.empty()) existing.type = c.type;
            if (!existing.date) existing.date = c.date;
            if (!existing.issuer) existing.issuer = c.issuer;
            citations_order_.push_back(k);
            return;
        }
        citations_.push_back(std::move(c));
        citations_order_.push_back(citations_.size() - 1);
    }

    /// `Kế hoạch số 02` with no codes after the numeral.
    void read_short_references() {
        const auto& t = a_.tokens;
        for (std::size_t i = 1; i + 1 < t.size(); ++i) {
            if (t[i].folded != "so" || t[i + 1].number >= 0 || !is_digits(t[i + 1].folded))
                continue;
            if (!is_blank_gap(gap_before(i + 1))) continue;
            // Not the start of a date or a longer figure: `số 02` then ')' ';' ',' '.' or a word.
            if (i + 2 < t.size()) {
                const std::string_view after = gap_before(i + 2);
                if (after == "/" || after == "-" || after == "." || after == ",") continue;
            }
            const TypeWord* type = type_before(i + 1);
            if (type == nullptr || type->code.empty()) continue;
            std::string numeral(t[i + 1].folded);
            numeral.erase(0, std::min(numeral.find_first_not_of('0'), numeral.size() - 1));
            const std::string type_code = fold(type->code);
            auto full = std::find_if(citations_.begin(), citations_.end(), [&](const Citation& c) {
                return !c.partial && c.parts.numeral == numeral && !c.parts.codes.empty() &&
                       (fold(c.parts.codes.front()) == type_code || c.type == type->display);
            });
            if (full != citations_.end()) {
                full->spans.emplace_back(t[i + 1].begin, t[i + 1].end);
                continue;
            }
            Citation c;
            c.type = type->display;
            c.number = std::string(written(i + 1));
            c.parts = {numeral, "", {type->code}};
            c.key = c.parts.key();
            c.partial = true;
            c.context = context(t[i + 1].begin, t[i + 1].end);
            c.spans.emplace_back(t[i + 1].begin, t[i + 1].end);
            std::size_t after = i + 2;
            c.date = date_at(after);
            c.issuer = issuer_at(after);
            add(std::move(c));
        }
    }

    const Analysis& a_;
    std::vector<Citation> citations_;
    std::vector<std::size_t> citations_order_;  // citation index of each full mention, in order
    std::size_t list_start_ = 0;
    std::string last_type_;
};

}  // namespace

std::vector<Citation> parse_citations(std::string_view text, const Analysis& analysis,
                                      std::optional<std::size_t> own_number) {
    return CitationReader(text, analysis).read(own_number);
}

}  // namespace tracuu
