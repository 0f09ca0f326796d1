#include "ocr_vocabulary.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "code_tables.hpp"
#include "embedded_data.hpp"
#include "utf8.hpp"
#include "vietnamese_syllables.hpp"
#include "word_forms.hpp"

namespace tracuu {
namespace {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < s.size()) out.push_back(utf8::next(s, pos));
    return out;
}

bool is_letter_or_digit(char32_t c) {
    return u_isalnum(static_cast<UChar32>(c)) != 0;
}

/// Each word's exact form (lower case, marks canonical), punctuation dropped, one space apart.
std::string written_form(std::string_view s) {
    std::string out;
    std::size_t pos = 0;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!out.empty()) out.push_back(' ');
        out += word_forms(word).exact;
        word.clear();
    };
    while (pos < s.size()) {
        const char32_t c = utf8::next(s, pos);
        if (is_letter_or_digit(c)) {
            utf8::append(word, c);
        } else {
            flush();
        }
    }
    flush();
    return out;
}

std::size_t letters_in(std::u32string_view form) {
    return static_cast<std::size_t>(
        std::count_if(form.begin(), form.end(), [](char32_t c) { return c != U' '; }));
}

}  // namespace

std::string ocr_match_form(std::string_view text) {
    const std::string folded = fold(text);
    std::string out;
    bool space = false;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const char32_t c = utf8::next(folded, pos);
        if (!is_letter_or_digit(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        utf8::append(out, c);
    }
    return out;
}

std::size_t edit_distance_within(std::u32string_view a, std::u32string_view b, std::size_t limit) {
    const std::size_t longer = std::max(a.size(), b.size());
    const std::size_t shorter = std::min(a.size(), b.size());
    if (longer - shorter > limit) return limit + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return std::min(row[b.size()], limit + 1);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    return edit_distance_within(a, b, std::max(a.size(), b.size()));
}

std::size_t ocr_edit_allowance(std::size_t letters) {
    if (letters < 5) return 0;
    if (letters < 10) return 1;
    if (letters < 20) return 2;
    return 3;
}

bool differs_as_written(std::string_view phrase, std::string_view entry) {
    return written_form(phrase) != written_form(entry);
}

ClosedVocabulary::ClosedVocabulary(std::vector<std::string> entries)
    : entries_(std::move(entries)) {
    for (const auto& e : entries_) {
        forms_.push_back(code_points(ocr_match_form(e)));
        exact_.push_back(written_form(e));
    }
}

std::optional<ClosedVocabulary::Match> ClosedVocabulary::match(std::string_view phrase) const {
    const std::u32string form = code_points(ocr_match_form(phrase));
    if (form.empty()) return std::nullopt;
    std::optional<Match> best;
    bool tied = false;
    for (std::size_t i = 0; i < forms_.size(); ++i) {
        const std::size_t allowance = ocr_edit_allowance(letters_in(forms_[i]));
        const std::size_t d = edit_distance_within(form, forms_[i], allowance);
        if (d > allowance) continue;
        if (best && d == best->distance && forms_[i] != forms_[best->entry]) tied = true;
        if (!best || d < best->distance) {
            best = Match{i, d, false};
            tied = false;
        }
    }
    if (!best || tied) return std::nullopt;
    best->corrected = best->distance > 0 || written_form(phrase) != exact_[best->entry];
    return best;
}

std::optional<std::string> corrected_syllable(std::string_view word) {
    if (word.empty() || is_vietnamese_syllable(word)) return std::nullopt;
    // Letters OCR takes for one another in Times-like type.
    static const std::vector<std::pair<std::string_view, std::string_view>> confusions = {
        {"l", "i"}, {"i", "l"}, {"rn", "m"}, {"0", "o"}, {"1", "i"}, {"cl", "d"}, {"I", "l"}};
    std::optional<std::string> found;
    for (const auto& [from, to] : confusions) {
        for (std::size_t at = word.find(from); at != std::string_view::npos;
             at = word.find(from, at + 1)) {
            std::string candidate(word);
            candidate.replace(at, from.size(), to);
            if (!is_vietnamese_syllable(candidate)) continue;
            if (found && *found != candidate) return std::nullopt;  // two readings: no guess
            found = candidate;
        }
    }
    return found;
}

const ClosedVocabulary& province_names() {
    static const ClosedVocabulary vocabulary = [] {
        std::vector<std::string> names;
        for (const auto& row : parse_tsv(embedded::provinces)) names.emplace_back(row[0]);
        return ClosedVocabulary(std::move(names));
    }();
    return vocabulary;
}

bool correct_province_in_name(std::string& name) {
    std::vector<std::string> words;
    for (std::size_t p = 0; p < name.size();) {
        const std::size_t space = name.find(' ', p);
        const std::size_t end = space == std::string::npos ? name.size() : space;
        if (end > p) words.push_back(name.substr(p, end - p));
        p = end + 1;
    }
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (ocr_match_form(words[i]) != "tinh") continue;
        for (std::size_t n = std::min<std::size_t>(4, words.size() - i - 1); n >= 1; --n) {
            std::string run;
            for (std::size_t k = i + 1; k <= i + n; ++k) run += (run.empty() ? "" : " ") + words[k];
            const auto m = province_names().match(run);
            if (!m) continue;
            if (!m->corrected && words[i] == "tỉnh") return false;
            std::string fixed;
            for (std::size_t k = 0; k < i; ++k) fixed += words[k] + " ";
            fixed += "tỉnh " + province_names().entry(m->entry);
            for (std::size_t k = i + n + 1; k < words.size(); ++k) fixed += " " + words[k];
            name = fixed;
            return true;
        }
    }
    return false;
}

}  // namespace tracuu
