#include "shard_health.hpp"

namespace tracuu {

std::string_view shard_state_name(ShardState state) {
    switch (state) {
        case ShardState::Up:
            return "up";
        case ShardState::Down:
            return "down";
        case ShardState::Slow:
            return "slow";
        case ShardState::Unknown:
            break;
    }
    return "unknown";
}

void ShardHealth::mark_up(const std::string& address) {
    std::lock_guard lock(mutex_);
    Entry& entry = shards_[address];
    entry.state = ShardState::Up;
    entry.reason.clear();
}

void ShardHealth::mark_failed(const std::string& address, ShardState state,
                              const std::string& reason) {
    std::lock_guard lock(mutex_);
    Entry& entry = shards_[address];
    entry.state = state;
    entry.reason = reason;
    entry.retry_at = Clock::now() + retry_after_;
}

bool ShardHealth::claim(const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto found = shards_.find(address);
    if (found == shards_.end() || found->second.state == ShardState::Up ||
        found->second.state == ShardState::Unknown)
        return true;
    const auto now = Clock::now();
    if (now < found->second.retry_at) return false;
    found->second.retry_at = now + retry_after_;  // until this caller has its answer
    return true;
}

bool ShardHealth::worth_asking(const std::string& address) const {
    std::lock_guard lock(mutex_);
    const auto found = shards_.find(address);
    return found == shards_.end() || found->second.state == ShardState::Up ||
           found->second.state == ShardState::Unknown || Clock::now() >= found->second.retry_at;
}

ShardState ShardHealth::state(const std::string& address) const {
    std::lock_guard lock(mutex_);
    const auto found = shards_.find(address);
    return found == shards_.end() ? ShardState::Unknown : found->second.state;
}

std::string ShardHealth::reason(const std::string& address) const {
    std::lock_guard lock(mutex_);
    const auto found = shards_.find(address);
    return found == shards_.end() ? std::string() : found->second.reason;
}

}  // namespace tracuu
