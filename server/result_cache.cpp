#include "result_cache.hpp"

namespace tracuu {
namespace {

/// Bytes an entry holds, with a rough allowance for the list node and index slot.
std::size_t cost(const std::string& request, const CachedAnswer& answer) {
    return 2 * request.size() + answer.text.size() + answer.gzipped.size() + 128;
}

}  // namespace

std::optional<CachedAnswer> ResultCache::find(const std::string& version,
                                              const std::string& request) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    const CachedAnswer* answer = version == version_ ? answers_.find(request) : nullptr;
    if (!answer) {
        ++misses_;
        return std::nullopt;
    }
    ++hits_;
    return *answer;
}

void ResultCache::store(const std::string& version, const std::string& request,
                        CachedAnswer answer) {
    if (!enabled()) return;
    std::lock_guard lock(mutex_);
    if (version != version_) {
        answers_.clear();
        version_ = version;
    }
    const std::size_t bytes = cost(request, answer);
    answers_.insert(request, std::move(answer), bytes);
}

CacheGauges ResultCache::counts() const {
    std::lock_guard lock(mutex_);
    return {hits_, misses_, answers_.size(), answers_.bytes()};
}

}  // namespace tracuu
