// Cross-origin calls (CORS): which web origins may call the API from a browser, and the headers
// that tell the browser so. None by default: a page elsewhere cannot read our answers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// Methods and request headers a preflight allows, and response headers a script may read.
inline constexpr const char* kCorsAllowMethods = "GET, HEAD";
inline constexpr const char* kCorsAllowHeaders = "Authorization, Range, X-Request-Id";
inline constexpr const char* kCorsExposeHeaders =
    "X-Request-Id, X-Cache, Content-Disposition, Content-Range, X-Converted-From";
/// How long a browser may remember a preflight's answer, in seconds.
inline constexpr const char* kCorsMaxAge = "600";

class CorsPolicy {
  public:
    CorsPolicy() = default;
    /// `origins`: `scheme://host[:port]` each, or `*` for any.
    explicit CorsPolicy(std::vector<std::string> origins) : origins_(std::move(origins)) {}

    bool enabled() const { return !origins_.empty(); }
    /// The Access-Control-Allow-Origin value for a request from `origin` (`*` when any origin
    /// is allowed, else the origin itself), or empty when it is not allowed.
    std::string allow_origin(std::string_view origin) const;

  private:
    std::vector<std::string> origins_;
};

/// Why `origin` cannot be given to --cors-origin (empty when it can): `*`, or a scheme, `://`
/// and a host with an optional port, with no path, as browsers send in the Origin header.
std::string cors_origin_problem(std::string_view origin);

/// True for the paths CORS applies to: the API, /healthz and /metrics (not the page's files).
bool is_api_path(std::string_view path);

}  // namespace tracuu
