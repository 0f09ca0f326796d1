// The original file behind a document: GET /api/documents/{id}/source, and the `source` link in
// the document's JSON. The file is found as index root (database metadata) + id, and only when
// it really lies under the root once symbolic links are resolved.
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "api.hpp"
#include "byte_ranges.hpp"

namespace tracuu {

struct SourceFileAnswer {
    /// Set when the file can be served; otherwise `error` says why (404, 400).
    std::optional<std::filesystem::path> path;
    /// With the charset the file was read in, for text (`text/plain; charset=windows-1258`).
    std::string content_type;
    /// A text file in a legacy encoding no browser knows (TCVN3, VNI, or a legacy font read as
    /// Windows-1252): its name (`TCVN3`); the file is then sent converted to UTF-8.
    std::string converted_from;
    std::string file_name;  ///< for Content-Disposition
    ApiResponse error;
};

/// How a text original is labelled: the charset to send, or the legacy encoding it must be
/// converted from (then the charset is utf-8). From the extraction's `encoding` as stored.
struct TextCharset {
    std::string charset;  ///< `utf-8`, `utf-16`, `windows-1258`; empty when the page declares it
    std::string converted_from;
};
TextCharset text_charset(std::string_view stored_encoding);

/// A file name a person can read, from the document's type and number (ASCII, marks removed,
/// `/` and spaces as `-`): `Cong-van-2265-SGDDDT-VP.txt` for Công văn 2265/SGDDĐT-VP. Without a
/// number, from type, issuer and date (or month, or year); without an issuer either, `fallback`
/// (the file's own name).
std::string download_name(const nlohmann::json& fields, const std::string& extension,
                          const std::string& fallback);

/// Finds the original file of the indexed document `id`.
SourceFileAnswer find_source_file(const Xapian::Database& db, const std::string& id);

/// `{url, content_type, bytes, format}` for a document whose original is on disk, else null.
nlohmann::json source_link(const Xapian::Database& db, const std::string& id,
                           const nlohmann::json& meta);

/// GET /api/documents/{id}/source as a value, like StaticReply: the status and headers, and the
/// bytes to send as a stream (the file, or its text converted to UTF-8); http_server.cpp only
/// copies it into cpp-httplib's response.
struct SourceReply {
    int status = 200;  ///< 200, 206 (a part); or the status of `error`
    std::string content_type;
    std::vector<std::pair<std::string, std::string>> headers;  ///< Content-Disposition...
    /// Where the bytes are read from: the file opened, or the text converted from a legacy
    /// encoding; [offset, offset + length) of it is sent.
    std::shared_ptr<std::istream> bytes;
    uint64_t offset = 0;
    uint64_t length = 0;
    /// Set when no bytes go out: the JSON error to send (404 unknown id or file gone, 400 bad
    /// id, 416 a range past the end), after `headers`.
    std::optional<ApiResponse> error;
};

/// GET /api/documents/{id}/source: the file of `id` (or the part `ranges` asks for).
SourceReply source_reply(const Xapian::Database& db, const std::string& id,
                         const ByteRanges& ranges);

/// `/api/documents/{id}/source` with each path segment of the id percent-encoded.
std::string source_url(const std::string& id);

}  // namespace tracuu
