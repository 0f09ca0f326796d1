// Answers to recent searches, kept per database revision. An office asks the same few things all
// day (the directive everyone was sent this morning, the issuer's latest plans), and each answer
// costs milliseconds of matching that a lookup saves. An entry names the revision it was computed
// on, so a commit makes every older answer unreachable: nothing stale is ever served.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace tracuu {

class ResultCache {
  public:
    /// At most `max_bytes` of answers (0: nothing is kept).
    explicit ResultCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    bool enabled() const { return max_bytes_ > 0; }

    /// The answer stored for `request` on database `version`, if any.
    std::optional<std::string> find(const std::string& version, const std::string& request);

    /// Keeps `answer`, dropping the least recently used beyond the budget. Answers of an older
    /// version are dropped as soon as one of a new version arrives.
    void store(const std::string& version, const std::string& request, const std::string& answer);

    struct Counts {
        uint64_t hits = 0, misses = 0;
        std::size_t entries = 0, bytes = 0;
    };
    Counts counts() const;

  private:
    struct Entry {
        std::string request, answer;
    };
    void drop_oldest();

    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::string version_;
    std::list<Entry> entries_;  ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::size_t bytes_ = 0;
    uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace tracuu
