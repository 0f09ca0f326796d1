#include "static_files.hpp"

#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "analyzers/utf8.hpp"
#include "api.hpp"

namespace tracuu {
namespace fs = std::filesystem;
namespace {

// The page is plain files with no build step, so no file name carries a version: every file is
// revalidated (cheap 304s on a fast network) rather than cached for long and served stale after
// an upgrade.
constexpr const char* kCacheControl = "no-cache";

// The page loads nothing from elsewhere and inserts server HTML (snippets) only after parsing it
// into text and <mark>: a strict policy turns any slip into a blocked load, not a script run.
constexpr const char* kPagePolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

StaticReply error_reply(int status, const std::string& code, const std::string& message) {
    StaticReply reply;
    reply.status = status;
    reply.content_type = "application/json; charset=utf-8";
    reply.body = error_response(status, code, message).body.dump();
    reply.headers = {{"Cache-Control", "no-store"}};
    return reply;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Why a request path cannot name a file of the page.
struct PathProblem {
    int status;
    std::string message;
};

/// The decoded path of `target` split into segments, or the problem with it.
std::variant<std::vector<std::string>, PathProblem> path_segments(std::string_view target) {
    const std::string_view raw = target.substr(0, target.find_first_of("?#"));
    if (raw.empty() || raw.front() != '/') {
        return PathProblem{400, "the path must start with '/'"};
    }
    std::vector<std::string> segments;
    std::string current;
    for (std::size_t i = 1; i <= raw.size(); ++i) {
        if (i == raw.size() || raw[i] == '/') {
            if (current.empty() && i != raw.size()) {
                return PathProblem{400, "the path has an empty segment ('//')"};
            }
            segments.push_back(std::move(current));
            current.clear();
            continue;
        }
        char c = raw[i];
        if (c == '\\') return PathProblem{400, "the path contains a backslash"};
        if (c == '%') {
            const int high = i + 2 < raw.size() ? hex_value(raw[i + 1]) : -1;
            const int low = i + 2 < raw.size() ? hex_value(raw[i + 2]) : -1;
            if (high < 0 || low < 0) return PathProblem{400, "the path has a malformed '%' escape"};
            c = static_cast<char>(high * 16 + low);
            i += 2;
            if (c == '/' || c == '\\') {
                return PathProblem{400, "the path contains an encoded '/' or '\\'"};
            }
        }
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return PathProblem{400, "the path contains a control character"};
        }
        current.push_back(c);
    }
    for (const auto& segment : segments) {
        if (segment == "." || segment == "..") {
            return PathProblem{400, "the path contains a '.' or '..' segment"};
        }
        if (!utf8::is_valid(segment)) return PathProblem{400, "the path is not valid UTF-8"};
    }
    return segments;
}

bool is_inside(const fs::path& root, const fs::path& path) {
    const auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return r == root.end();
}

std::string http_date(fs::file_time_type time) {
    const auto sys = std::chrono::file_clock::to_sys(time);
    const std::time_t t = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::system_clock::duration>(sys));
    std::tm tm{};
    gmtime_r(&t, &tm);
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                  tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return buffer;
}

/// True when the If-None-Match list names `etag` (weak comparison, as RFC 9110 asks for GET).
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    std::size_t pos = 0;
    while (pos < if_none_match.size()) {
        std::size_t end = if_none_match.find(',', pos);
        if (end == std::string_view::npos) end = if_none_match.size();
        std::string_view tag = if_none_match.substr(pos, end - pos);
        while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
        if (tag == "*") return true;
        if (tag.starts_with("W/")) tag.remove_prefix(2);
        if (tag == etag) return true;
        pos = end + 1;
    }
    return false;
}

std::optional<std::string> read_whole_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(bytes).str();
}

}  // namespace

fs::path static_root(const fs::path& dir) {
    std::error_code ec;
    const fs::path root = fs::canonical(dir, ec);
    if (ec || !fs::is_directory(root)) {
        throw std::runtime_error("static directory " + dir.string() +
                                 " does not exist or is not a directory");
    }
    return root;
}

std::string content_type_for(const fs::path& file) {
    static const std::map<std::string, std::string> kTypes = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".webmanifest", "application/manifest+json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml; charset=utf-8"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
    };
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto found = kTypes.find(extension);
    return found == kTypes.end() ? "application/octet-stream" : found->second;
}

StaticReply serve_static(const fs::path& root, std::string_view target,
                         std::string_view if_none_match, const ByteRanges& ranges,
                         std::string_view if_range) {
    auto parsed = path_segments(target);
    if (const auto* problem = std::get_if<PathProblem>(&parsed)) {
        return error_reply(problem->status, "bad_path", problem->message);
    }
    const auto& segments = std::get<std::vector<std::string>>(parsed);
    const std::string shown(target.substr(0, target.find_first_of("?#")));
    fs::path candidate = root;
    for (const auto& segment : segments) {
        // Hidden names (.git, editor files) are never part of the page.
        if (segment.starts_with('.'))
            return error_reply(404, "not_found", "no such path: " + shown);
        if (!segment.empty()) candidate /= segment;
    }
    std::error_code ec;
    if (fs::is_directory(candidate, ec)) candidate /= "index.html";
    const fs::path resolved = fs::canonical(candidate, ec);
    if (ec) return error_reply(404, "not_found", "no such path: " + shown);
    if (!is_inside(root, resolved)) {
        return error_reply(403, "forbidden", "'" + shown + "' leads outside the page's folder");
    }
    if (!fs::is_regular_file(resolved, ec)) {
        return error_reply(404, "not_found", "no such path: " + shown);
    }
    auto bytes = read_whole_file(resolved);
    if (!bytes) return error_reply(403, "forbidden", "'" + shown + "' cannot be read");

    StaticReply reply;
    char etag[24];
    std::snprintf(etag, sizeof etag, "\"%016llx\"",
                  static_cast<unsigned long long>(XXH3_64bits(bytes->data(), bytes->size())));
    reply.headers = {{"ETag", etag},
                     {"Cache-Control", kCacheControl},
                     {"X-Content-Type-Options", "nosniff"},
                     {"Accept-Ranges", "bytes"}};
    if (const auto modified = fs::last_write_time(resolved, ec); !ec) {
        reply.headers.emplace_back("Last-Modified", http_date(modified));
    }
    reply.content_type = content_type_for(resolved);
    if (reply.content_type.starts_with("text/html")) {
        reply.headers.emplace_back("Content-Security-Policy", kPagePolicy);
        reply.headers.emplace_back("Referrer-Policy", "same-origin");
    }
    if (!if_none_match.empty() && etag_matches(if_none_match, etag)) {
        reply.status = 304;
        return reply;
    }
    const RangeChoice part =
        choose_range(if_range.empty() || if_range == etag ? ranges : ByteRanges{}, bytes->size());
    if (part.status == 416) {
        StaticReply refused = error_reply(416, "bad_range",
                                          "the range starts past the end of '" + shown + "' (" +
                                              std::to_string(bytes->size()) + " bytes)");
        refused.headers.emplace_back("Content-Range", part.content_range);
        return refused;
    }
    reply.status = part.status;
    if (part.status == 206) {
        reply.headers.emplace_back("Content-Range", part.content_range);
        reply.body = bytes->substr(part.offset, part.length);
    } else {
        reply.body = std::move(*bytes);
    }
    return reply;
}

}  // namespace tracuu
