// The access log: one JSON object per line and per answered request, so that a log shipper or
// `jq` reads it without a pattern: time, request id, client, method, path, query, status, time
// taken and bytes sent.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace tracuu {

struct AccessRecord {
    std::chrono::system_clock::time_point time;
    std::string_view request_id;
    std::string_view remote;
    std::string_view method;
    std::string_view path;
    std::string_view query;
    int status = 0;
    double milliseconds = 0;
    std::size_t bytes = 0;
};

/// Paths and queries longer than this are logged cut, with a trailing "...".
inline constexpr std::size_t kMaxLoggedTargetBytes = 512;

/// The record as one line of JSON ending in '\n'; bytes that are not UTF-8 become U+FFFD.
std::string access_log_line(const AccessRecord& record);

/// Writes lines whole: lines from concurrent requests never interleave.
class AccessLog {
  public:
    explicit AccessLog(std::FILE* out) : out_(out) {}
    void write(const AccessRecord& record);

  private:
    std::FILE* out_;
    std::mutex mutex_;
};

}  // namespace tracuu
