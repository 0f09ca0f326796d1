// Counters for /metrics, in Prometheus' text format (version 0.0.4): requests by route and
// status, a latency histogram per route, bytes sent, worker pool and database gauges.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tracuu {

/// A bounded label for a request path, never the path itself (one series per document id would
/// grow without end): `/api/search`, `/api/documents`, `/api/documents/source`, ..., `static`,
/// or `unmatched` for 404s and answers given before routing.
std::string_view route_label(std::string_view path, int status);

struct IndexGauges {
    bool up = false;  ///< the database opened
    std::optional<uint64_t> documents;
    std::optional<uint64_t> revision;  ///< absent for several shards
    std::optional<uint64_t> shards;    ///< databases searched as one
    /// Each shard's address and state (up, down, slow, unknown: shard_health.hpp).
    std::vector<std::pair<std::string, std::string>> shard_states;
};

struct PoolGauges {
    std::size_t threads = 0;
    std::size_t busy = 0;
    std::size_t waiting = 0;
};

/// The search result cache (result_cache.hpp).
struct CacheGauges {
    uint64_t hits = 0, misses = 0;
    std::size_t entries = 0, bytes = 0;
};

class Metrics {
  public:
    /// Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1,    2.5,   10};

    void record_request(std::string_view route, int status, double seconds, std::size_t bytes);
    /// A request read the database again because a commit outran it.
    void record_database_retry();

    std::string render(const IndexGauges& index, const PoolGauges& pool,
                       const CacheGauges& cache = {}) const;

  private:
    struct Latency {
        std::array<uint64_t, kBuckets.size()> buckets{};  ///< not cumulative; summed on render
        uint64_t count = 0;
        double sum = 0;
    };

    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, uint64_t> requests_;
    std::map<std::string, Latency> latency_;
    uint64_t bytes_sent_ = 0;
    uint64_t database_retries_ = 0;
};

}  // namespace tracuu
