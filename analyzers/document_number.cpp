#include "document_number.hpp"

#include <algorithm>

#include "code_tables.hpp"
#include "latin_letters.hpp"
#include "ocr_vocabulary.hpp"
#include "text_normalizer.hpp"
#include "utf8.hpp"
#include "word_forms.hpp"

namespace tracuu {
namespace {

// A line break inside a number (`57-` / `NQ/TW`) leaves a few spaces and newlines; more than this
// and the two sides are separate things.
constexpr std::size_t kMaxGapWhitespace = 16;
constexpr std::size_t kMaxCodeLength = 12;
constexpr std::size_t kMaxSpacedCodes = 3;

std::string strip_leading_zeros(std::string_view digits) {
    std::size_t i = 0;
    while (i + 1 < digits.size() && digits[i] == '0') ++i;
    return std::string(digits.substr(i));
}

/// The provinces' names (province_names()) as accent-free words: `da`, `nang`.
const std::vector<std::vector<std::string>>& folded_province_names() {
    static const auto names = [] {
        std::vector<std::vector<std::string>> out;
        for (std::size_t i = 0; i < province_names().size(); ++i) {
            std::vector<std::string> words;
            std::string_view name = province_names().entry(i);
            while (!name.empty()) {
                const std::size_t space = std::min(name.find(' '), name.size());
                words.push_back(word_forms(name.substr(0, space)).folded);
                name.remove_prefix(std::min(space + 1, name.size()));
            }
            out.push_back(std::move(words));
        }
        return out;
    }();
    return names;
}

/// The loose form of a folded code: doubled letters collapsed (`sgddt` -> `sgdt`) and `&` left
/// out (`bnn&mt` -> `bnmt`, as the ministry writes its code `BNNMT`).
std::string collapse_doubled_letters(std::string_view folded_code) {
    std::string out;
    for (char c : folded_code) {
        if (c == '&') continue;
        const bool letter = c >= 'a' && c <= 'z';
        if (letter && !out.empty() && out.back() == c) continue;
        out.push_back(c);
    }
    return out;
}

/// What lies between two tokens.
struct Gap {
    bool separator = false;   ///< exactly one '-' or '/' (or a dash) with optional whitespace
    bool ampersand = false;   ///< exactly "&"
    bool only_space = false;  ///< whitespace only (at least one character)
    bool space_before = false;
    bool space_after = false;
    bool line_break = false;
};

bool is_dash(char32_t c) {
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2212;
}

Gap analyse_gap(std::string_view gap) {
    Gap g;
    if (gap == "&") {
        g.ampersand = true;
        return g;
    }
    std::size_t spaces = 0;
    int separators = 0;
    std::size_t pos = 0;
    while (pos < gap.size()) {
        const char32_t c = utf8::next(gap, pos);
        if (c == ' ' || c == '\t' || c == '\n') {
            ++spaces;
            if (c == '\n') g.line_break = true;
            if (separators == 0) {
                g.space_before = true;
            } else {
                g.space_after = true;
            }
        } else if (c == '/' || is_dash(c)) {
            ++separators;
        } else {
            return Gap{};
        }
    }
    if (spaces > kMaxGapWhitespace) return Gap{};
    g.separator = separators == 1;
    g.only_space = separators == 0 && spaces > 0;
    return g;
}

char separator_char(std::string_view gap) {
    return gap.find('/') != std::string_view::npos ? '/' : '-';
}

class Matcher {
  public:
    Matcher(std::string_view text, const std::vector<RawToken>& tokens, NumberMode mode)
        : text_(text), tokens_(tokens), mode_(mode) {}

    std::vector<NumberMatch> run() {
        std::vector<NumberMatch> found;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            std::optional<NumberMatch> m;
            if (tokens_[i].kind == RawTokenKind::Digits && !continues_digit_chain(i)) {
                m = match_separated(i);
            }
            if (!m && mode_ == NumberMode::Query) m = match_typed(i);
            if (m) {
                i = m->last_token;
                found.push_back(std::move(*m));
            }
        }
        return found;
    }

  private:
    std::string_view token(std::size_t i) const {
        return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
    }
    std::string_view gap(std::size_t i) const {  // between token i and i + 1
        return text_.substr(tokens_[i].end, tokens_[i + 1].begin - tokens_[i].end);
    }
    bool has(std::size_t i) const { return i < tokens_.size(); }

    /// `01` in `15/01/2025` or `2025` in `2023-2025`: part of a date or range, not a numeral.
    bool continues_digit_chain(std::size_t i) const {
        if (i == 0) return false;
        const auto prev = tokens_[i - 1].kind;
        if (prev != RawTokenKind::Digits && prev != RawTokenKind::Numeric) return false;
        const std::string_view g = gap(i - 1);
        return g == "/" || g == "-" || g == ".";
    }

    bool acceptable_separator(const Gap& g) const {
        if (!g.separator) return false;
        // `1 - QUY ĐỊNH` is a dash between words; numbers have at most one side spaced.
        return mode_ == NumberMode::Query || !(g.space_before && g.space_after);
    }

    /// Index of the last token of a code starting at `i` (codes join over '&'), or nullopt.
    std::optional<std::size_t> code_at(std::size_t i) const {
        if (!has(i) || tokens_[i].kind != RawTokenKind::Word) return std::nullopt;
        if (!looks_like_code(token(i), mode_)) return std::nullopt;
        std::size_t last = i;
        while (has(last + 1) && analyse_gap(gap(last)).ampersand &&
               tokens_[last + 1].kind == RawTokenKind::Word &&
               looks_like_code(token(last + 1), mode_)) {
            ++last;
        }
        return last;
    }

    std::string code_text(std::size_t first, std::size_t last) const {
        return std::string(
            text_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin));
    }

    NumberMatch make_match(std::size_t first, std::size_t last, DocumentNumber number) const {
        NumberMatch m;
        m.number = std::move(number);
        m.first_token = first;
        m.last_token = last;
        m.begin = tokens_[first].begin;
        m.end = tokens_[last].end;
        for (char c : text_.substr(m.begin, m.end - m.begin)) {
            if (c != ' ' && c != '\n' && c != '\t') m.text.push_back(c);
        }
        return m;
    }

    /// `57-NQ/TW`, `2265 /SGDDĐT-VP`, `118/2025/NĐ-CP`, `472/SKHCN-BCVT&CĐS`, `57-` + `NQ/TW`.
    std::optional<NumberMatch> match_separated(std::size_t i) const {
        if (!has(i + 1)) return std::nullopt;
        const Gap first_gap = analyse_gap(gap(i));
        if (!acceptable_separator(first_gap)) return std::nullopt;
        const char first_separator = separator_char(gap(i));

        DocumentNumber number;
        number.numeral = strip_leading_zeros(token(i));
        std::size_t k = i + 1;
        const std::string_view maybe_year = token(k);
        if (tokens_[k].kind == RawTokenKind::Digits && maybe_year.size() == 4 &&
            (maybe_year.starts_with("19") || maybe_year.starts_with("20")) && has(k + 1) &&
            acceptable_separator(analyse_gap(gap(k))) && code_at(k + 1)) {
            number.year = std::string(maybe_year);
            ++k;
        }
        auto code_end = code_at(k);
        if (!code_end) return std::nullopt;
        number.codes.push_back(code_text(k, *code_end));
        std::size_t last = *code_end;
        while (has(last + 1) && acceptable_separator(analyse_gap(gap(last)))) {
            auto next_end = code_at(last + 1);
            if (!next_end) break;
            number.codes.push_back(code_text(last + 1, *next_end));
            last = *next_end;
        }
        // `57-NQ` alone reads as a number only when the code is a document type.
        if (number.codes.size() == 1 && number.year.empty() && first_separator == '-' &&
            !find_type_code(number.codes.front())) {
            return std::nullopt;
        }
        number.complete = number.codes.size() >= 2;
        return make_match(i, last, std::move(number));
    }

    bool spaced_code_ok(std::size_t i) const {
        if (tokens_[i].kind != RawTokenKind::Word) return false;
        if (starts_place(i)) return false;
        const std::string_view t = token(i);
        if (!looks_like_code(t, NumberMode::Query)) return false;
        if (is_known_code(fold(t))) return true;
        return looks_like_code(t, NumberMode::Document) &&
               std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    }

    /// A place after a typed number, not its code: `TP Hà Nội`, `tp hcm`, `tỉnh Lào Cai`, or a
    /// province's name (`da nang` was read as the code DA).
    bool starts_place(std::size_t i) const {
        const std::string first = folded(i);
        if ((first == "tp" || first == "tinh") && has(i + 1) &&
            tokens_[i + 1].kind == RawTokenKind::Word && (spaced(i) || gap(i) == "."))
            return true;  // `TP.HCM` too
        for (const auto& name : folded_province_names()) {
            if (name.front() != first) continue;
            std::size_t k = 1;
            while (k < name.size() && has(i + k) && tokens_[i + k].kind == RawTokenKind::Word &&
                   spaced(i + k - 1) && folded(i + k) == name[k])
                ++k;
            if (k == name.size()) return true;
        }
        return false;
    }

    bool spaced(std::size_t i) const {  // only whitespace between token i and i + 1
        return has(i + 1) && analyse_gap(gap(i)).only_space;
    }
    bool is_year(std::size_t i) const {
        const std::string_view t = token(i);
        return tokens_[i].kind == RawTokenKind::Digits && t.size() == 4 &&
               (t.starts_with("19") || t.starts_with("20"));
    }
    std::string folded(std::size_t i) const { return word_forms(token(i)).folded; }

    /// The type spelled out at `i` (`nghị định`, `thong tu lien tich`): its codes (several for
    /// `quy định`) and the token after the name, else nullopt.
    std::optional<std::pair<std::vector<std::string>, std::size_t>> type_words_at(
        std::size_t i) const {
        for (std::size_t words = 4; words >= 2; --words) {
            if (!has(i + words - 1)) continue;
            std::string name;
            bool ok = true;
            for (std::size_t k = i; k < i + words && ok; ++k) {
                ok = tokens_[k].kind == RawTokenKind::Word && (k == i || spaced(k - 1));
                if (k > i) name.push_back(' ');
                name += folded(k);
            }
            if (!ok) continue;
            std::vector<std::string> codes;
            for (const auto& entry : document_type_codes()) {
                if (entry.folded_name == name) codes.push_back(entry.code);
            }
            if (!codes.empty()) return std::make_pair(std::move(codes), i + words);
        }
        return std::nullopt;
    }

    /// A type code at `i` that can lead a typed number (`nq`, `QD`, `cv`): letters only.
    bool leading_type_code(std::size_t i) const {
        if (!has(i) || tokens_[i].kind != RawTokenKind::Word) return false;
        const std::string_view t = token(i);
        return std::none_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               looks_like_code(t, NumberMode::Query) && find_type_code(t) != nullptr;
    }

    /// Query only: every typed shape but the separated one (match_separated), read as
    ///   [type in words [số] | type code [codes]] numeral [year | năm year] [codes]
    /// with spaces, `/` or `-` between the parts, or the code glued to the numeral (`NĐ168`,
    /// `57NQ`). `công văn số 2265`, `QD TTg 2634`, `ND 168 2024`, `168 2024 nd cp`,
    /// `168/2024 NĐ CP`, `nghi dinh 168 nam 2024`, `2634 TTg`, `168/2024`.
    std::optional<NumberMatch> match_typed(std::size_t i) const {
        std::vector<std::string> word_types;  // codes of a type spelled out
        std::vector<std::string> lead;        // codes before the numeral
        std::size_t k = i;
        if (auto words = type_words_at(i)) {
            word_types = std::move(words->first);
            k = words->second;
            if (!spaced(k - 1)) return std::nullopt;
            if (has(k) && tokens_[k].kind == RawTokenKind::Word && folded(k) == "so") {
                if (!spaced(k)) return std::nullopt;
                ++k;
            }
        }
        if (!has(k)) return std::nullopt;
        DocumentNumber number;
        std::size_t last = k;  // the numeral's token
        bool glued = false;
        if (word_types.empty() && leading_type_code(k)) {
            lead.emplace_back(token(k));
            while (lead.size() < kMaxSpacedCodes && spaced(k) && spaced_code_ok(k + 1)) {
                const std::string_view t = token(k + 1);
                if (std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    break;
                lead.emplace_back(t);
                ++k;
            }
            if (!spaced(k)) return std::nullopt;
            ++k;
            // `NQ số 394`, as after a type in words.
            if (has(k) && tokens_[k].kind == RawTokenKind::Word && folded(k) == "so" && spaced(k))
                ++k;
            last = k;
        }
        if (tokens_[k].kind == RawTokenKind::Word && lead.empty()) {
            // `NĐ168`, `nd168`, `NQ57`: a type code glued to the numeral.
            const std::string_view t = token(k);
            const auto digit =
                std::find_if(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digit == t.end()) return std::nullopt;
            const std::string_view letters = t.substr(0, digit - t.begin());
            const std::string_view digits = t.substr(digit - t.begin());
            if (!std::all_of(digits.begin(), digits.end(),
                             [](char c) { return c >= '0' && c <= '9'; }) ||
                !looks_like_code(letters, NumberMode::Query) || !find_type_code(letters))
                return std::nullopt;
            lead.emplace_back(letters);
            number.numeral = strip_leading_zeros(digits);
            glued = true;
        } else if (tokens_[k].kind == RawTokenKind::Mixed && lead.empty()) {
            // `57NQ`: the numeral with a type code glued after it.
            const std::string_view t = token(k);
            const auto letter =
                std::find_if(t.begin(), t.end(), [](char c) { return c < '0' || c > '9'; });
            const std::string_view digits = t.substr(0, letter - t.begin());
            const std::string_view letters = t.substr(letter - t.begin());
            if (!looks_like_code(letters, NumberMode::Query) || !find_type_code(letters))
                return std::nullopt;
            number.numeral = strip_leading_zeros(digits);
            number.codes.emplace_back(letters);
            return make_match(i, k, std::move(number));
        } else if (tokens_[k].kind == RawTokenKind::Digits) {
            if (k == i && continues_digit_chain(k)) return std::nullopt;
            number.numeral = strip_leading_zeros(token(k));
        } else {
            return std::nullopt;
        }
        const bool prefixed = !word_types.empty() || !lead.empty();

        // After a type in words, a number written in full (`công văn 2265/SGDĐT-VP`).
        if (!word_types.empty() && !glued) {
            if (auto written = match_separated(k)) {
                written->first_token = i;
                written->begin = tokens_[i].begin;
                DocumentNumber& n = written->number;
                const bool has_type = std::any_of(n.codes.begin(), n.codes.end(), [&](auto& c) {
                    return loose_code(c) == loose_code(word_types.front());
                });
                if (!has_type) n.type = loose_code(word_types.front());
                return written;
            }
        }

        // The year: `/2024`, `-2024`, ` 2024`, ` năm 2024`.
        bool year_slash = false;
        if (has(last + 1)) {
            const Gap g = analyse_gap(gap(last));
            if ((g.separator || g.only_space) && is_year(last + 1)) {
                number.year = std::string(token(last + 1));
                year_slash = g.separator && separator_char(gap(last)) == '/';
                ++last;
            } else if (g.only_space && tokens_[last + 1].kind == RawTokenKind::Word &&
                       folded(last + 1) == "nam" && spaced(last + 1) && has(last + 2) &&
                       is_year(last + 2)) {
                number.year = std::string(token(last + 2));
                last += 2;
            }
        }
        // Codes after the numeral (or the year): separated, or spaced when they read as codes.
        std::vector<std::string> after;
        while (has(last + 1) && after.size() < kMaxSpacedCodes) {
            const Gap g = analyse_gap(gap(last));
            if (acceptable_separator(g)) {
                auto end = code_at(last + 1);
                if (!end) break;
                after.push_back(code_text(last + 1, *end));
                last = *end;
            } else if (g.only_space && spaced_code_ok(last + 1)) {
                after.emplace_back(token(last + 1));
                ++last;
            } else {
                break;
            }
        }
        if (!prefixed) {
            if (after.empty()) {
                // `168/2024`: a numeral and a year, unless a month (`10/2025`, `tháng 10/2025`).
                if (!year_slash || number.numeral.size() < 2 ||
                    (number.numeral.size() == 2 && number.numeral <= "12"))
                    return std::nullopt;
                if (i > 0) {
                    const std::string before = folded(i - 1);
                    if (before == "thang" || before == "quy" || before == "ngay" ||
                        before == "nam" || before == "ky" || before == "dot")
                        return std::nullopt;
                }
            } else if (after.size() == 1 && number.year.empty()) {
                // `57 NQ`, `2634 TTg`: a type code, or an issuer's code written as its issuer
                // writes it (with a capital).
                const std::string_view code = after.front();
                const bool capital = std::any_of(code.begin(), code.end(),
                                                 [](char c) { return c >= 'A' && c <= 'Z'; });
                if (!find_type_code(code) && !(capital && is_known_code(fold(code))))
                    return std::nullopt;
            }
        }
        number.codes = lead;
        number.codes.insert(number.codes.end(), after.begin(), after.end());
        std::vector<DocumentNumber> readings;
        if (word_types.empty()) {
            readings.push_back(std::move(number));
        } else if (number.codes.empty()) {
            for (const auto& code : word_types) {
                DocumentNumber r = number;
                r.codes = {code};
                readings.push_back(std::move(r));
            }
        } else {
            for (const auto& code : word_types) {
                DocumentNumber r = number;
                const bool has_type = std::any_of(r.codes.begin(), r.codes.end(), [&](auto& c) {
                    return loose_code(c) == loose_code(code);
                });
                if (!has_type) r.type = loose_code(code);
                readings.push_back(std::move(r));
            }
        }
        NumberMatch m = make_match(i, last, readings.front());
        m.alternatives.assign(readings.begin() + 1, readings.end());
        return m;
    }

    std::string_view text_;
    const std::vector<RawToken>& tokens_;
    NumberMode mode_;
};

}  // namespace

bool looks_like_code(std::string_view token, NumberMode mode) {
    std::size_t length = 0;
    std::size_t upper = 0;
    std::size_t lower = 0;
    std::size_t pos = 0;
    bool first = true;
    while (pos < token.size()) {
        const char32_t c = utf8::next(token, pos);
        if (++length > kMaxCodeLength) return false;
        if (c >= '0' && c <= '9') {
            if (first) return false;
            continue;
        }
        auto letter = latin_letter(c);
        // Codes are written without tone or vowel marks; Đ is the only mark they carry.
        if (!letter || letter->tone != Tone::None || letter->foreign_mark) return false;
        if (letter->quality != Quality::None && letter->quality != Quality::Stroke) return false;
        if (first && mode == NumberMode::Document && !letter->upper) return false;
        (letter->upper ? upper : lower) += 1;
        first = false;
    }
    if (length == 0) return false;
    // In running text `TTr`, `QyĐ`, `TTg` are codes, `Chủ` or `Danh` are words.
    return mode == NumberMode::Query || upper >= lower;
}

std::string DocumentNumber::key() const {
    std::string k = numeral;
    if (!year.empty()) k += "-" + year;
    for (const auto& code : codes) {
        k += '-';
        append_folded(k, code);
    }
    return k;
}

std::string DocumentNumber::loose_key() const {
    std::string k = numeral;
    if (!year.empty()) k += "-" + year;
    for (const auto& code : codes) k += "-" + collapse_doubled_letters(fold(code));
    return k;
}

std::string loose_code(std::string_view code) {
    return collapse_doubled_letters(fold(code));
}

std::string piece_key(std::string_view numeral, std::string_view part) {
    std::string k(numeral);
    k += '.';
    k += part;
    return k;
}

std::vector<std::string> DocumentNumber::exact_keys() const {
    std::vector<std::string> keys{key()};
    if (loose_key() != keys.front()) keys.push_back(loose_key());
    return keys;
}

std::vector<std::string> DocumentNumber::query_keys() const {
    std::vector<std::string> keys;
    if (numeral.empty()) return keys;
    auto add = [&](std::string k) {
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
    };
    if (!year.empty()) add(piece_key(numeral, year));
    for (const auto& code : codes) add(piece_key(numeral, loose_code(code)));
    if (!type.empty()) add(piece_key(numeral, loose_code(type)));
    return keys;
}

bool DocumentNumber::names(const DocumentNumber& other, std::string_view other_type) const {
    if (complete) return loose_key() == other.loose_key();
    const auto wanted = query_keys();
    if (wanted.empty()) return false;
    DocumentNumber pieces = other;
    if (pieces.type.empty()) pieces.type = std::string(other_type);
    const auto has = pieces.query_keys();
    return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& k) {
        return std::find(has.begin(), has.end(), k) != has.end();
    });
}

std::string DocumentNumber::display() const {
    std::string d = numeral;
    if (!year.empty()) d += "/" + year;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        d += (i == 0 ? "/" : "-");
        d += codes[i];
    }
    return d;
}

std::vector<NumberMatch> find_document_numbers(std::string_view text,
                                               const std::vector<RawToken>& tokens,
                                               NumberMode mode) {
    return Matcher(text, tokens, mode).run();
}

std::size_t dotted_code_tail(std::string_view text, std::size_t end) {
    if (end >= text.size() || text[end] != '.') return 0;
    std::size_t e = end + 1;
    while (e < text.size() && e - end <= 4 && text[e] >= 'A' && text[e] <= 'Z') ++e;
    const bool boundary = e == text.size() || text[e] == ' ' || text[e] == '\n' ||
                          text[e] == '\t' || text[e] == ')' || text[e] == ',' || text[e] == ';';
    if (e == end + 1 || e - end > 4 || !boundary) return 0;
    return e - end;
}

std::vector<DocumentNumber> read_document_number(std::string_view input) {
    const std::string text = normalize_text(input);
    const auto tokens = split_tokens(text);
    if (tokens.empty()) return {};
    auto matches = find_document_numbers(text, tokens, NumberMode::Query);
    if (matches.size() != 1) return {};
    const NumberMatch& m = matches.front();
    // The whole input must be the number (an optional leading "số" aside), a dotted unit code
    // such as a document gives its own number (`11554/VPCP-V.I`) included.
    if (m.last_token != tokens.size() - 1 && m.end + dotted_code_tail(text, m.end) != text.size())
        return {};
    if (m.first_token > 1) return {};
    if (m.first_token == 1 && fold(std::string_view(text).substr(
                                  tokens[0].begin, tokens[0].end - tokens[0].begin)) != "so") {
        return {};
    }
    std::vector<DocumentNumber> readings{m.number};
    readings.insert(readings.end(), m.alternatives.begin(), m.alternatives.end());
    return readings;
}

std::optional<DocumentNumber> parse_document_number(std::string_view input) {
    auto readings = read_document_number(input);
    if (readings.empty()) return std::nullopt;
    return std::move(readings.front());
}

}  // namespace tracuu
