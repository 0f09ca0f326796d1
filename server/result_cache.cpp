#include "result_cache.hpp"

namespace tracuu {
namespace {

/// Bytes an entry holds, with a rough allowance for the list node and index slot.
std::size_t cost(const std::string& request, const std::string& answer) {
    return 2 * request.size() + answer.size() + 96;
}

}  // namespace

std::optional<std::string> ResultCache::find(const std::string& version,
                                             const std::string& request) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    const auto it = version == version_ ? index_.find(request) : index_.end();
    if (it == index_.end()) {
        ++misses_;
        return std::nullopt;
    }
    ++hits_;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->answer;
}

void ResultCache::store(const std::string& version, const std::string& request,
                        const std::string& answer) {
    if (!enabled() || cost(request, answer) > max_bytes_ / 4) return;
    std::lock_guard lock(mutex_);
    if (version != version_) {
        entries_.clear();
        index_.clear();
        bytes_ = 0;
        version_ = version;
    }
    if (index_.count(request)) return;  // another thread computed it meanwhile
    entries_.push_front({request, answer});
    index_.emplace(request, entries_.begin());
    bytes_ += cost(request, answer);
    while (bytes_ > max_bytes_) drop_oldest();
}

void ResultCache::drop_oldest() {
    const Entry& last = entries_.back();
    bytes_ -= cost(last.request, last.answer);
    index_.erase(last.request);
    entries_.pop_back();
}

ResultCache::Counts ResultCache::counts() const {
    std::lock_guard lock(mutex_);
    return {hits_, misses_, entries_.size(), bytes_};
}

}  // namespace tracuu
