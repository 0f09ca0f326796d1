// Which bytes of a file a Range header asks for (RFC 9110 §14), for the files the server sends
// (the page's, original documents). Generated JSON is always sent whole.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tracuu {

/// cpp-httplib's parsed ranges: {first, last}, -1 where the header left a side open.
using ByteRanges = std::vector<std::pair<std::int64_t, std::int64_t>>;

struct RangeChoice {
    int status = 200;          ///< 200 whole, 206 one part, 416 none satisfiable
    std::uint64_t offset = 0;  ///< the part sent (206), or 0 and the size (200)
    std::uint64_t length = 0;
    std::string content_range;  ///< `bytes 0-99/1234` (206), `bytes */1234` (416), else empty
};

/// The answer to `ranges` on a file of `size` bytes: none, or several (each could overlap the
/// others and multiply the answer), the whole file; one that starts inside the file, that part;
/// one that cannot be satisfied (starts at or past the end, or a zero-length suffix), 416.
RangeChoice choose_range(const ByteRanges& ranges, std::uint64_t size);

}  // namespace tracuu
