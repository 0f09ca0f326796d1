#include "text_lines.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "analyzers/utf8.hpp"
#include "analyzers/word_forms.hpp"

namespace tracuu {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto eol = text.find('\n', pos);
        const std::size_t end = eol == std::string_view::npos ? text.size() : eol;
        std::string_view raw = text.substr(pos, end - pos);
        std::size_t lead = 0;
        while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t')) ++lead;
        lines.push_back({trim(raw), pos + lead});
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
    }
    return lines;
}

std::vector<Word> split_words(std::string_view s, bool with_folded) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') ++i;
        if (i > start) {
            const std::string_view w = s.substr(start, i - start);
            words.push_back({w, with_folded ? fold(w) : std::string(), start, i});
        }
    }
    return words;
}

namespace {

std::string_view strip_punct(std::string_view w) {
    auto punct = [](char c) {
        return c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
               c == '*' || c == '!' || c == '?';
    };
    while (!w.empty() && punct(w.front())) w.remove_prefix(1);
    while (!w.empty() && punct(w.back())) w.remove_suffix(1);
    return w;
}

}  // namespace

std::size_t find_phrase(const std::vector<Word>& words, std::string_view phrase, std::size_t from) {
    std::vector<std::string_view> wanted;
    std::size_t p = 0;
    while (p < phrase.size()) {
        const auto space = phrase.find(' ', p);
        const std::size_t end = space == std::string_view::npos ? phrase.size() : space;
        if (end > p) wanted.push_back(phrase.substr(p, end - p));
        p = end + 1;
    }
    if (wanted.empty()) return std::string_view::npos;
    for (std::size_t i = from; i + wanted.size() <= words.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < wanted.size() && match; ++k) {
            match = strip_punct(words[i + k].folded) == wanted[k];
        }
        if (match) return i;
    }
    return std::string_view::npos;
}

std::string folded_label(std::string_view s) {
    std::string folded = fold(s);
    for (char& c : folded) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !std::isalnum(u) && c != '/' && c != '-') c = ' ';
    }
    return collapse_spaces(folded);
}

std::size_t letter_count(std::string_view s) {
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (u_isalpha(static_cast<UChar32>(utf8::next(s, pos)))) ++n;
    }
    return n;
}

bool starts_with_upper(std::string_view s) {
    std::size_t pos = 0;
    return !s.empty() && u_isupper(static_cast<UChar32>(utf8::next(s, pos)));
}

double uppercase_share(std::string_view s) {
    std::size_t letters = 0;
    std::size_t upper = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto c = static_cast<UChar32>(utf8::next(s, pos));
        if (!u_isalpha(c)) continue;
        ++letters;
        if (u_isupper(c)) ++upper;
    }
    return letters == 0 ? 0.0 : static_cast<double>(upper) / static_cast<double>(letters);
}

std::string to_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size())
        utf8::append(out,
                     static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::next(s, pos)))));
    return out;
}

std::string capitalize(std::string_view word) {
    std::string out;
    std::size_t pos = 0;
    bool first = true;
    while (pos < word.size()) {
        const auto c = static_cast<UChar32>(utf8::next(word, pos));
        if (first && u_isalpha(c)) {
            utf8::append(out, static_cast<char32_t>(u_toupper(c)));
            first = false;
        } else {
            utf8::append(out, static_cast<char32_t>(u_tolower(c)));
        }
    }
    return out;
}

std::string capitalize_words(std::string_view s) {
    std::string out;
    for (const auto& w : split_words(s)) {
        if (!out.empty()) out.push_back(' ');
        out += capitalize(w.text);
    }
    return out;
}

}  // namespace tracuu
