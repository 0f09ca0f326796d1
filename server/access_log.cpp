#include "access_log.hpp"

#include <ctime>

#include <nlohmann/json.hpp>

namespace tracuu {
namespace {

std::string iso_time(std::chrono::system_clock::time_point time) {
    const auto since_epoch = time.time_since_epoch();
    const std::time_t seconds =
        std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[40];
    const std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(buffer + n, sizeof buffer - n, ".%03dZ", static_cast<int>(millis));
    return buffer;
}

std::string cut(std::string_view text) {
    if (text.size() <= kMaxLoggedTargetBytes) return std::string(text);
    return std::string(text.substr(0, kMaxLoggedTargetBytes)) + "...";
}

}  // namespace

std::string access_log_line(const AccessRecord& r) {
    const nlohmann::json line = {
        {"time", iso_time(r.time)},
        {"request_id", r.request_id},
        {"remote", r.remote},
        {"method", r.method},
        {"path", cut(r.path)},
        {"query", cut(r.query)},
        {"status", r.status},
        // Microsecond precision is plenty, and keeps lines short.
        {"ms", static_cast<double>(static_cast<long long>(r.milliseconds * 1000)) / 1000},
        {"bytes", r.bytes},
    };
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void AccessLog::write(const AccessRecord& record) {
    const std::string line = access_log_line(record);
    std::lock_guard lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), out_);
    std::fflush(out_);
}

}  // namespace tracuu
