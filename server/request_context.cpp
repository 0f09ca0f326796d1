#include "request_context.hpp"

#include <atomic>
#include <cstdio>
#include <random>

namespace tracuu {
namespace {

thread_local RequestContext t_request;

uint32_t process_prefix() {
    static const uint32_t prefix = std::random_device{}();
    return prefix;
}

std::atomic<uint64_t> g_request_counter{0};

}  // namespace

RequestContext& current_request() {
    return t_request;
}

RequestContext& begin_request() {
    t_request.id = new_request_id();
    t_request.started = std::chrono::steady_clock::now();
    t_request.cut = RequestCut::None;
    t_request.answered = false;
    t_request.close_connection = false;
    t_request.ranges.clear();
    return t_request;
}

std::string new_request_id() {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%08x-%llx", process_prefix(),
                  static_cast<unsigned long long>(++g_request_counter));
    return buffer;
}

bool is_acceptable_request_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok) return false;
    }
    return true;
}

}  // namespace tracuu
