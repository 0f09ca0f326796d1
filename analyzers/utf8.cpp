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

}  // namespace tracuu::utf8
