#include "metrics.hpp"

#include <charconv>
#include <chrono>
#include <system_error>

namespace tracuu {
namespace {

const double kStartTime =
    std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();

/// The shortest text that reads back as `value`: `0.005`, not `0.0050000000000000001`.
std::string number(double value) {
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("NaN");
}

void header(std::string& out, const char* name, const char* type, const char* help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

/// A label value in the text format: backslash, quote and newline escaped.
std::string label_value(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == '"') out += '\\';
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    return out;
}

void gauge(std::string& out, const char* name, const char* help, double value) {
    header(out, name, "gauge", help);
    out += name;
    out += ' ';
    out += number(value);
    out += '\n';
}

}  // namespace

std::string_view route_label(std::string_view path, int status) {
    if (path.starts_with("/api/documents/") && path.ends_with("/source"))
        return "/api/documents/source";
    for (std::string_view route : {"/api/search", "/api/documents/", "/api/references/"}) {
        if (path.starts_with(route))
            return route.ends_with('/') ? route.substr(0, route.size() - 1) : route;
    }
    for (std::string_view route : {"/api/stats", "/api/openapi.json", "/healthz", "/metrics"}) {
        if (path == route) return route;
    }
    if (path.empty() || status == 404 || status == 405) return "unmatched";
    return "static";
}

void Metrics::record_request(std::string_view route, int status, double seconds,
                             std::size_t bytes) {
    std::lock_guard lock(mutex_);
    ++requests_[{std::string(route), status}];
    Latency& l = latency_[std::string(route)];
    std::size_t bucket = 0;
    while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
    if (bucket < kBuckets.size()) ++l.buckets[bucket];
    ++l.count;
    l.sum += seconds;
    bytes_sent_ += bytes;
}

void Metrics::record_database_retry() {
    std::lock_guard lock(mutex_);
    ++database_retries_;
}

std::string Metrics::render(const IndexGauges& index, const PoolGauges& pool,
                            const CacheGauges& cache) const {
    std::string out;
    std::lock_guard lock(mutex_);

    header(out, "tracuu_http_requests_total", "counter",
           "HTTP requests answered, by route and status.");
    for (const auto& [key, count] : requests_) {
        out += "tracuu_http_requests_total{route=\"" + key.first + "\",status=\"" +
               std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
    }

    header(out, "tracuu_http_request_duration_seconds", "histogram",
           "Time from a request's first byte to its answer being sent, by route.");
    for (const auto& [route, l] : latency_) {
        const std::string labels = "route=\"" + route + "\"";
        uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += l.buckets[i];
            out += "tracuu_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
                   number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
        }
        out += "tracuu_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
               std::to_string(l.count) + "\n";
        out += "tracuu_http_request_duration_seconds_sum{" + labels + "} " + number(l.sum) + "\n";
        out += "tracuu_http_request_duration_seconds_count{" + labels + "} " +
               std::to_string(l.count) + "\n";
    }

    header(out, "tracuu_http_response_bytes_total", "counter", "Response body bytes sent.");
    out += "tracuu_http_response_bytes_total " + std::to_string(bytes_sent_) + "\n";
    header(out, "tracuu_database_retries_total", "counter",
           "Requests that read the database again because a commit outran them.");
    out += "tracuu_database_retries_total " + std::to_string(database_retries_) + "\n";

    header(out, "tracuu_search_cache_hits_total", "counter",
           "Searches answered from the result cache.");
    out += "tracuu_search_cache_hits_total " + std::to_string(cache.hits) + "\n";
    header(out, "tracuu_search_cache_misses_total", "counter",
           "Searches the result cache did not hold (computed, then kept).");
    out += "tracuu_search_cache_misses_total " + std::to_string(cache.misses) + "\n";
    gauge(out, "tracuu_search_cache_entries", "Answers in the result cache.",
          static_cast<double>(cache.entries));
    gauge(out, "tracuu_search_cache_bytes", "Bytes the result cache holds.",
          static_cast<double>(cache.bytes));
    gauge(out, "tracuu_http_workers", "Threads serving connections.",
          static_cast<double>(pool.threads));
    gauge(out, "tracuu_http_workers_busy", "Threads serving a connection now.",
          static_cast<double>(pool.busy));
    gauge(out, "tracuu_http_connections_waiting", "Accepted connections waiting for a thread.",
          static_cast<double>(pool.waiting));
    gauge(out, "tracuu_database_up", "1 when the database opened for this scrape, else 0.",
          index.up ? 1 : 0);
    if (index.documents)
        gauge(out, "tracuu_documents", "Documents in the index.",
              static_cast<double>(*index.documents));
    if (index.shards)
        gauge(out, "tracuu_index_shards",
              "Databases searched as one (the shards of a stub, several --db).",
              static_cast<double>(*index.shards));
    if (!index.shard_states.empty()) {
        header(out, "tracuu_shard_up", "gauge",
               "1 when the shard answered when last asked, else 0 (state: up, down, slow past "
               "--shard-timeout-ms, unknown: not asked yet).");
        for (std::size_t i = 0; i < index.shard_states.size(); ++i) {
            const auto& [address, state] = index.shard_states[i];
            out += "tracuu_shard_up{shard=\"" + std::to_string(i) + "\",address=\"" +
                   label_value(address) + "\",state=\"" + state + "\"} " +
                   (state == "up" ? "1" : "0") + "\n";
        }
    }
    if (index.revision)
        gauge(out, "tracuu_index_revision", "Revision of the database (one per commit).",
              static_cast<double>(*index.revision));
    gauge(out, "tracuu_process_start_time_seconds", "Start time of the server, Unix time.",
          kStartTime);
    return out;
}

}  // namespace tracuu
