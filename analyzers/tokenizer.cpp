#include "tokenizer.hpp"

#include <unicode/uchar.h>

#include "utf8.hpp"

namespace tracuu {

bool is_word_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    // Latin with diacritics, where Vietnamese lives, without asking ICU (× and ÷ are symbols).
    if ((c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c < 0x1F00))
        return true;
    const auto uc = static_cast<UChar32>(c);
    if (u_isalpha(uc)) return true;
    const int8_t type = u_charType(uc);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
           type == U_ENCLOSING_MARK;
}

bool is_word_digit(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return u_isdigit(static_cast<UChar32>(c));
}

std::vector<RawToken> split_tokens(std::string_view text) {
    std::vector<RawToken> tokens;
    tokens.reserve(text.size() / 5);
    std::size_t pos = 0;
    bool in_token = false;
    RawToken current;
    bool has_letter = false;
    bool has_inner_separator = false;

    auto close = [&](std::size_t end) {
        current.end = static_cast<uint32_t>(end);
        const auto first = static_cast<unsigned char>(text[current.begin]);
        const bool starts_with_digit = first >= '0' && first <= '9';
        if (!starts_with_digit && has_letter) {
            current.kind = RawTokenKind::Word;
        } else if (has_letter) {
            current.kind = RawTokenKind::Mixed;
        } else if (has_inner_separator) {
            current.kind = RawTokenKind::Numeric;
        } else if (starts_with_digit) {
            current.kind = RawTokenKind::Digits;
        } else {
            current.kind = RawTokenKind::Word;  // a non-ASCII digit or a lone mark
        }
        tokens.push_back(current);
        in_token = false;
    };

    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t c = utf8::next(text, pos);
        const bool letter = is_word_letter(c);
        const bool digit = !letter && is_word_digit(c);
        if (letter || digit) {
            if (!in_token) {
                in_token = true;
                current = RawToken{static_cast<uint32_t>(start), 0, RawTokenKind::Word};
                has_letter = false;
                has_inner_separator = false;
            }
            has_letter = has_letter || letter;
            continue;
        }
        // Keep digit groups whole: a '.' or ',' between two digits of a number without letters.
        if (in_token && !has_letter && (c == '.' || c == ',') && pos < text.size() &&
            text[pos] >= '0' && text[pos] <= '9' && text[start - 1] >= '0' &&
            text[start - 1] <= '9') {
            has_inner_separator = true;
            continue;
        }
        if (in_token) close(start);
    }
    if (in_token) close(text.size());
    return tokens;
}

}  // namespace tracuu
