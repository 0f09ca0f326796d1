// UTF-8 decoding and encoding helpers over ICU's U8 macros.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace tracuu::utf8 {

/// Replacement for bytes that are not valid UTF-8.
inline constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the code point at `pos` and advances `pos`; invalid bytes decode to U+FFFD.
inline char32_t next(std::string_view text, std::size_t& pos) {
    auto i = static_cast<int32_t>(pos);
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    pos = static_cast<std::size_t>(i);
    return c < 0 ? kReplacement : static_cast<char32_t>(c);
}

/// Decodes the code point ending just before `pos` and moves `pos` back to its start.
inline char32_t previous(std::string_view text, std::size_t& pos) {
    auto i = static_cast<int32_t>(pos);
    UChar32 c;
    U8_PREV(text.data(), 0, i, c);
    pos = static_cast<std::size_t>(i);
    return c < 0 ? kReplacement : static_cast<char32_t>(c);
}

inline void append(std::string& out, char32_t c) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
    if (error) {
        append(out, kReplacement);
        return;
    }
    out.append(buf, static_cast<std::size_t>(len));
}

/// True when every byte sequence in `text` is well-formed UTF-8.
bool is_valid(std::string_view text);

/// How many code points valid UTF-8 `text` holds: what a limit in characters counts.
std::size_t code_points(std::string_view text);

/// Byte offset of the first invalid sequence, or npos.
std::size_t first_invalid(std::string_view text);

/// Replaces every invalid sequence by U+FFFD (one per maximal ill-formed subpart, as ICU decodes);
/// returns how many were replaced (0: `text` was valid and is unchanged).
std::size_t repair(std::string& text);

/// `pos` moved back to the start of the code point it falls in (`pos` itself when it starts one,
/// or is past the end): cutting there never splits a character.
std::size_t floor_boundary(std::string_view text, std::size_t pos);

/// The longest prefix of at most `max_bytes` bytes that ends on a code point boundary.
std::string_view cut(std::string_view text, std::size_t max_bytes);

/// `text` without the code points of `chars` (UTF-8, any mix of ASCII and others such as `…`,
/// `–`, `·`) at either end: whole characters, never single bytes of one.
std::string_view strip(std::string_view text, std::string_view chars);

}  // namespace tracuu::utf8
