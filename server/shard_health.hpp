// What the server last saw of each shard it searches: up, down (refused, closed, gone) or slow
// (past --shard-timeout-ms), shared by all threads. A failed shard is not asked again until its
// retry is due, and then by one request only: under load a dead or stalled shard costs one
// timeout per retry interval, not one per request.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace tracuu {

enum class ShardState { Unknown, Up, Down, Slow };

/// "unknown", "up", "down", "slow": as /healthz and /metrics show it.
std::string_view shard_state_name(ShardState state);

class ShardHealth {
  public:
    using Clock = std::chrono::steady_clock;

    explicit ShardHealth(Clock::duration retry_after) : retry_after_(retry_after) {}

    void mark_up(const std::string& address);
    void mark_failed(const std::string& address, ShardState state, const std::string& reason);

    /// Whether to ask `address` now: yes unless it failed and its retry is not due. A due retry
    /// is taken by this caller (others keep leaving the shard out until it has been asked).
    bool claim(const std::string& address);
    /// Whether a shard left out should be asked again (it is up, or its retry is due).
    bool worth_asking(const std::string& address) const;

    ShardState state(const std::string& address) const;
    /// Why it failed last ("" when up or never asked).
    std::string reason(const std::string& address) const;

  private:
    struct Entry {
        ShardState state = ShardState::Unknown;
        std::string reason;
        Clock::time_point retry_at;
    };
    Clock::duration retry_after_;
    mutable std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> shards_;
};

}  // namespace tracuu
