#include "byte_ranges.hpp"

namespace tracuu {

RangeChoice choose_range(const ByteRanges& ranges, std::uint64_t size) {
    RangeChoice whole{200, 0, size, {}};
    if (ranges.size() != 1) return whole;
    const auto [first, last] = ranges.front();
    std::uint64_t from = 0, to = 0;           // inclusive
    if (first < 0 && last < 0) return whole;  // `bytes=-`: no range at all
    if (first < 0) {
        // A suffix: the last `last` bytes.
        const auto wanted = static_cast<std::uint64_t>(last);
        if (wanted == 0 || size == 0) return {416, 0, 0, "bytes */" + std::to_string(size)};
        from = wanted >= size ? 0 : size - wanted;
        to = size - 1;
    } else {
        from = static_cast<std::uint64_t>(first);
        if (from >= size) return {416, 0, 0, "bytes */" + std::to_string(size)};
        to = last < 0 || static_cast<std::uint64_t>(last) >= size
                 ? size - 1
                 : static_cast<std::uint64_t>(last);
    }
    return {
        206, from, to - from + 1,
        "bytes " + std::to_string(from) + "-" + std::to_string(to) + "/" + std::to_string(size)};
}

}  // namespace tracuu
