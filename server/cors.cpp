#include "cors.hpp"

#include <algorithm>

namespace tracuu {

std::string CorsPolicy::allow_origin(std::string_view origin) const {
    if (origin.empty()) return {};
    for (const auto& allowed : origins_) {
        if (allowed == "*") return "*";
        if (allowed == origin) return allowed;
    }
    return {};
}

std::string cors_origin_problem(std::string_view origin) {
    if (origin == "*") return {};
    const auto scheme_end = origin.find("://");
    if (scheme_end == std::string_view::npos || scheme_end == 0)
        return "an origin is scheme://host[:port], such as https://intranet.example.gov.vn";
    const std::string_view host = origin.substr(scheme_end + 3);
    if (host.empty()) return "the origin has no host";
    const bool plain = std::all_of(host.begin(), host.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    });
    if (!plain) return "an origin has no path, query or spaces: only scheme://host[:port]";
    return {};
}

bool is_api_path(std::string_view path) {
    return path.starts_with("/api/") || path == "/healthz" || path == "/metrics";
}

}  // namespace tracuu
