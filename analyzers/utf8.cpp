#include "utf8.hpp"

namespace tracuu::utf8 {

std::size_t first_invalid(std::string_view text) {
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        // ASCII fast path: most of a directive is spaces, digits and punctuation.
        if (data[i] < 0x80) {
            ++i;
            continue;
        }
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(data, i, length, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::string_view::npos;
}

bool is_valid(std::string_view text) {
    return first_invalid(text) == std::string_view::npos;
}

std::size_t repair(std::string& text) {
    const std::size_t bad = first_invalid(text);
    if (bad == std::string_view::npos) return 0;
    std::string out(text, 0, bad);
    out.reserve(text.size() + 16);
    std::size_t replaced = 0;
    std::size_t pos = bad;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            out.push_back(text[pos++]);
            continue;
        }
        const std::size_t start = pos;
        auto i = static_cast<int32_t>(pos);
        UChar32 c;
        U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
        pos = static_cast<std::size_t>(i);
        if (c < 0) {
            append(out, kReplacement);
            ++replaced;
        } else {
            out.append(text, start, pos - start);
        }
    }
    text = std::move(out);
    return replaced;
}

std::size_t floor_boundary(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return pos;
    // A UTF-8 character is at most 4 bytes: its lead byte is at most 3 continuation bytes back.
    std::size_t p = pos;
    while (p > 0 && pos - p < 3 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    if ((static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) return pos;  // not UTF-8 here
    // `p` starts a character: it contains `pos` only when it reaches past it.
    std::size_t end = p;
    next(text, end);
    return end > pos ? p : pos;
}

std::string_view cut(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    return text.substr(0, floor_boundary(text, max_bytes));
}

namespace {

bool contains_code_point(std::string_view chars, char32_t c) {
    std::size_t pos = 0;
    while (pos < chars.size()) {
        if (next(chars, pos) == c) return true;
    }
    return false;
}

}  // namespace

std::string_view strip(std::string_view text, std::string_view chars) {
    while (!text.empty()) {
        std::size_t end = 0;
        const char32_t c = next(text, end);
        if (c == kReplacement || !contains_code_point(chars, c)) break;
        text.remove_prefix(end);
    }
    while (!text.empty()) {
        std::size_t start = text.size();
        const char32_t c = previous(text, start);
        if (c == kReplacement || !contains_code_point(chars, c)) break;
        text.remove_suffix(text.size() - start);
    }
    return text;
}

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace tracuu::utf8
