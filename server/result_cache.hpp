// Answers to recent searches, kept per database revision. An office asks the same few things all
// day (the directive everyone was sent this morning, the issuer's latest plans), and each answer
// costs milliseconds of matching that a lookup saves. An entry names the revision it was computed
// on, so a commit makes every older answer unreachable: nothing stale is ever served.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "metrics.hpp"
#include "search/lru_map.hpp"

namespace tracuu {

/// A search answer as sent: the JSON text, and its gzip form when it is large enough to be sent
/// compressed (compressed once, when stored, rather than for every client that asks).
struct CachedAnswer {
    std::string text;
    std::string gzipped;
};

class ResultCache {
  public:
    /// At most `max_bytes` of answers (0: nothing is kept).
    explicit ResultCache(std::size_t max_bytes) : enabled_(max_bytes > 0), answers_(max_bytes) {}

    bool enabled() const { return enabled_; }

    /// The answer stored for `request` on database `version`, if any.
    std::optional<CachedAnswer> find(const std::string& version, const std::string& request);

    /// Keeps `answer`, dropping the least recently used beyond the budget. Answers of an older
    /// version are dropped as soon as one of a new version arrives.
    void store(const std::string& version, const std::string& request, CachedAnswer answer);

    CacheGauges counts() const;

  private:
    const bool enabled_;
    mutable std::mutex mutex_;
    std::string version_;
    LruMap<CachedAnswer> answers_;  ///< by request
    uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace tracuu
