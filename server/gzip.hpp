// gzip for JSON answers: who accepts it, and the compression itself (zlib).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tracuu {

/// Answers smaller than this are sent as they are: a few hundred bytes gain little and a
/// compressed one-line error is harder to read in a log or a terminal.
inline constexpr std::size_t kCompressAtLeast = 1024;

/// True when an Accept-Encoding header value accepts gzip: `gzip` or `*` listed without `q=0`
/// (`gzip;q=0` refuses it, `identity` alone does not ask for it).
bool accepts_gzip(std::string_view accept_encoding);

/// `bytes` as a gzip member (RFC 1952).
std::string gzip_compress(std::string_view bytes);

}  // namespace tracuu
