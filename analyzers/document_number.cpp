#include "document_number.hpp"

#include <algorithm>

#include "code_tables.hpp"
#include "latin_letters.hpp"
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

std::string collapse_doubled_letters(std::string_view folded_code) {
    std::string out;
    for (char c : folded_code) {
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
                if (!m && mode_ == NumberMode::Query) m = match_spaced(i);
                if (!m && mode_ == NumberMode::Query) m = match_type_words(i);
            }
            if (!m && mode_ == NumberMode::Query) m = match_code_first(i);
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
        return make_match(i, last, std::move(number));
    }

    bool spaced_code_ok(std::size_t i) const {
        if (tokens_[i].kind != RawTokenKind::Word) return false;
        const std::string_view t = token(i);
        if (!looks_like_code(t, NumberMode::Query)) return false;
        if (is_known_code(fold(t))) return true;
        return looks_like_code(t, NumberMode::Document) &&
               std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    }

    /// Query only: `57 NQ TW`, `2265 SGDĐT VP`.
    std::optional<NumberMatch> match_spaced(std::size_t i) const {
        DocumentNumber number;
        number.numeral = strip_leading_zeros(token(i));
        std::size_t last = i;
        while (has(last + 1) && number.codes.size() < kMaxSpacedCodes &&
               analyse_gap(gap(last)).only_space && spaced_code_ok(last + 1)) {
            ++last;
            number.codes.emplace_back(token(last));
        }
        if (number.codes.empty()) return std::nullopt;
        if (number.codes.size() == 1 && !find_type_code(number.codes.front())) return std::nullopt;
        return make_match(i, last, std::move(number));
    }

    /// Query only: `nq 57`, `NQ57`, `57NQ`.
    std::optional<NumberMatch> match_code_first(std::size_t i) const {
        const std::string_view t = token(i);
        if (tokens_[i].kind == RawTokenKind::Word) {
            const auto digit =
                std::find_if(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digit == t.end()) {
                if (!has(i + 1) || tokens_[i + 1].kind != RawTokenKind::Digits) return std::nullopt;
                if (!analyse_gap(gap(i)).only_space || !find_type_code(t)) return std::nullopt;
                if (!looks_like_code(t, NumberMode::Query)) return std::nullopt;
                return make_match(i, i + 1,
                                  {strip_leading_zeros(token(i + 1)), "", {std::string(t)}});
            }
            const std::string_view letters = t.substr(0, digit - t.begin());
            const std::string_view digits = t.substr(digit - t.begin());
            if (!std::all_of(digits.begin(), digits.end(),
                             [](char c) { return c >= '0' && c <= '9'; }))
                return std::nullopt;
            if (!looks_like_code(letters, NumberMode::Query) || !find_type_code(letters))
                return std::nullopt;
            return make_match(i, i, {strip_leading_zeros(digits), "", {std::string(letters)}});
        }
        if (tokens_[i].kind == RawTokenKind::Mixed) {
            const auto letter =
                std::find_if(t.begin(), t.end(), [](char c) { return c < '0' || c > '9'; });
            const std::string_view digits = t.substr(0, letter - t.begin());
            const std::string_view letters = t.substr(letter - t.begin());
            if (!looks_like_code(letters, NumberMode::Query) || !find_type_code(letters))
                return std::nullopt;
            return make_match(i, i, {strip_leading_zeros(digits), "", {std::string(letters)}});
        }
        return std::nullopt;
    }

    /// Query only: `Nghị quyết 57`, `nghi quyet so 57`, `Thông tư liên tịch 05`.
    std::optional<NumberMatch> match_type_words(std::size_t i) const {
        if (i == 0 || !analyse_gap(gap(i - 1)).only_space) return std::nullopt;
        std::size_t name_end = i;  // one past the type name
        if (fold(token(i - 1)) == "so") {
            if (i < 2 || !analyse_gap(gap(i - 2)).only_space) return std::nullopt;
            name_end = i - 1;
        }
        for (std::size_t words = 3; words >= 2; --words) {
            if (name_end < words) continue;
            const std::size_t first = name_end - words;
            std::string name;
            bool spaced = true;
            for (std::size_t k = first; k < name_end; ++k) {
                if (tokens_[k].kind != RawTokenKind::Word) spaced = false;
                if (k > first) {
                    spaced = spaced && analyse_gap(gap(k - 1)).only_space;
                    name.push_back(' ');
                }
                name += word_forms(token(k)).folded;
            }
            if (!spaced) continue;
            std::vector<DocumentNumber> readings;
            for (const auto& entry : document_type_codes()) {
                if (entry.folded_name == name) {
                    readings.push_back({strip_leading_zeros(token(i)), "", {entry.code}});
                }
            }
            if (readings.empty()) continue;
            NumberMatch m = make_match(first, i, readings.front());
            m.alternatives.assign(readings.begin() + 1, readings.end());
            return m;
        }
        return std::nullopt;
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

std::vector<std::string> DocumentNumber::index_keys() const {
    std::vector<DocumentNumber> variants{*this};
    if (!year.empty()) variants.push_back({numeral, "", codes});
    if (codes.size() >= 2) variants.push_back({numeral, "", {codes.front()}});
    std::vector<std::string> keys;
    for (const auto& v : variants) {
        for (auto k : {v.key(), v.loose_key()}) {
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
        }
    }
    return keys;
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

std::optional<DocumentNumber> parse_document_number(std::string_view input) {
    const std::string text = normalize_text(input);
    const auto tokens = split_tokens(text);
    if (tokens.empty()) return std::nullopt;
    auto matches = find_document_numbers(text, tokens, NumberMode::Query);
    if (matches.size() != 1) return std::nullopt;
    const NumberMatch& m = matches.front();
    // The whole input must be the number (an optional leading "số" aside).
    if (m.last_token != tokens.size() - 1) return std::nullopt;
    if (m.first_token > 1) return std::nullopt;
    if (m.first_token == 1 && fold(std::string_view(text).substr(
                                  tokens[0].begin, tokens[0].end - tokens[0].begin)) != "so") {
        return std::nullopt;
    }
    return m.number;
}

}  // namespace tracuu
