// The JSON API as free functions: parsed request in, status + JSON out. No sockets here, so
// every endpoint is tested directly; http_server.cpp only adapts cpp-httplib to these.
#pragma once

#include <map>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "value_table.hpp"

namespace tracuu {

using Params = std::multimap<std::string, std::string>;

struct ApiResponse {
    ApiResponse() = default;
    ApiResponse(int status, nlohmann::json body) : status(status), body(std::move(body)) {}

    int status = 200;
    nlohmann::json body;
    /// The body already rendered as JSON text (search results splice stored lines); when set,
    /// `body` is unused.
    std::string rendered;
    /// Served from the server's result cache.
    bool cached = false;

    /// The body as sent.
    std::string text() const;
    /// The body as JSON (parsed again when it was rendered).
    nlohmann::json json() const;
};

/// Limits on what a request may ask for.
inline constexpr std::size_t kMaxQueryBytes = 1000;
inline constexpr std::size_t kDefaultLimit = 10;
inline constexpr std::size_t kMaxLimit = 100;
inline constexpr std::size_t kMaxOffset = 10000;

/// {"error": {"code", "message", "parameter"?}} with `status`.
ApiResponse error_response(int status, const std::string& code, const std::string& message,
                           const std::string& parameter = {});

/// GET /api/search. `values`: a ValueTable read from `db` at its revision, or null.
ApiResponse handle_search(const Xapian::Database& db, const Params& params,
                          const std::shared_ptr<const ValueTable>& values = nullptr);

/// GET /api/documents/{id}
ApiResponse handle_document(const Xapian::Database& db, const std::string& id);

/// GET /api/references/{number}
ApiResponse handle_references(const Xapian::Database& db, const std::string& number);

/// GET /api/stats
ApiResponse handle_stats(const Xapian::Database& db);

}  // namespace tracuu
