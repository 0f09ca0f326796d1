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
    const std::string* answer = version == version_ ? answers_.find(request) : nullptr;
    if (!answer) {
        ++misses_;
        return std::nullopt;
    }
    ++hits_;
    return *answer;
}

void ResultCache::store(const std::string& version, const std::string& request,
                        const std::string& answer) {
    if (!enabled()) return;
    std::lock_guard lock(mutex_);
    if (version != version_) {
        answers_.clear();
        version_ = version;
    }
    answers_.insert(request, answer, cost(request, answer));
}

CacheGauges ResultCache::counts() const {
    std::lock_guard lock(mutex_);
    return {hits_, misses_, answers_.size(), answers_.bytes()};
}

}  // namespace tracuu
