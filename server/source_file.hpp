// The original file behind a document: GET /api/documents/{id}/source, and the `source` link in
// the document's JSON. The file is found as index root (database metadata) + id, and only when
// it really lies under the root once symbolic links are resolved.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <httplib.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "api.hpp"

namespace tracuu {

struct SourceFileAnswer {
    /// Set when the file can be served; otherwise `error` says why (404, 400).
    std::optional<std::filesystem::path> path;
    std::string content_type;
    std::string file_name;  ///< for Content-Disposition
    ApiResponse error;
};

/// Finds the original file of the indexed document `id`.
SourceFileAnswer find_source_file(const Xapian::Database& db, const std::string& id);

/// `{url, content_type, bytes, format}` for a document whose original is on disk, else null.
nlohmann::json source_link(const Xapian::Database& db, const std::string& id,
                           const nlohmann::json& meta);

/// GET /api/documents/{id}/source: streams the file into `res` and returns status 0, or returns
/// the JSON error to send (404 unknown id or file gone, 400 bad id).
ApiResponse send_source_file(httplib::Response& res, const Xapian::Database& db,
                             const std::string& id);

/// `/api/documents/{id}/source` with each path segment of the id percent-encoded.
std::string source_url(const std::string& id);

}  // namespace tracuu
