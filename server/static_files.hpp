// The browser page's files: one free function turns a raw request target into a reply, so the
// rules (content types, caching, never a byte from outside the folder) are tested without a
// socket; http_server.cpp only copies the reply into cpp-httplib's response.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "byte_ranges.hpp"

namespace tracuu {

struct StaticReply {
    int status = 200;
    std::string content_type;
    std::string body;                                          ///< empty for 304
    std::vector<std::pair<std::string, std::string>> headers;  ///< ETag, Cache-Control...
};

/// The page folder `dir` made absolute with every symlink resolved, the form serve_static
/// expects. Throws std::runtime_error naming `dir` when it is not a readable directory.
std::filesystem::path static_root(const std::filesystem::path& dir);

/// Answers GET `target` (the request target as sent: percent-encoded path, maybe a query) from
/// `root` (a static_root). `/` and folders serve their index.html. Files are sent with
/// `Cache-Control: no-cache` and a content-hash ETag: the browser keeps them and revalidates
/// with `If-None-Match` (`if_none_match`, the header's value), answered 304 when unchanged.
/// Never serves a file outside `root`: `..` or `.` segments (also percent-encoded), encoded
/// `/` or `\`, backslashes, empty segments, control bytes and hidden names get 400 or 404, a
/// symlink that leads outside 403; the body is then a JSON error (error_response).
/// A single satisfiable range of `ranges` (Range header) gets 206 with that part, one past the
/// end 416 (`Content-Range: bytes */SIZE`), several the whole file; an If-Range that is not the
/// file's ETag means the whole file.
StaticReply serve_static(const std::filesystem::path& root, std::string_view target,
                         std::string_view if_none_match = {}, const ByteRanges& ranges = {},
                         std::string_view if_range = {});

/// Content type for a file name by its extension (text types with charset=utf-8);
/// application/octet-stream when unknown.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace tracuu
