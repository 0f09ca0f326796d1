// The HTTP side: cpp-httplib routes that adapt requests to the handlers in api.hpp, the static
// page, JSON errors, the access log and /metrics.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "connection_limits.hpp"

namespace tracuu {

struct ServerConfig {
    std::vector<std::string> databases;  ///< directories or tcp://host:port shards
    std::string host = "127.0.0.1";
    int port = 8080;                     ///< 0: any free port (see bind)
    std::filesystem::path static_dir;    ///< empty: no page, API only
    bool access_log = true;              ///< one JSON line per request on stderr
    std::size_t cache_bytes = 64 << 20;  ///< search result cache (0: none)
    ConnectionLimits limits;
    /// Web origins whose pages may call the API (`*`: any); none by default.
    std::vector<std::string> cors_origins;
    /// When set, /api/* and /metrics need `Authorization: Bearer TOKEN` with a token of it.
    std::filesystem::path token_file;
    /// Longest wait for a remote shard to connect or answer one call; past it the shard is
    /// "slow" and left out like one that is down.
    std::chrono::milliseconds shard_timeout{5000};
    /// A shard that does not answer: search the others and mark the answer partial, rather
    /// than answer 503.
    bool allow_partial = false;
};

/// What to warn about at start, or empty: listening beyond this machine (any address but
/// loopback) without a token file lets anyone who reaches the port read everything.
std::string exposure_warning(const ServerConfig& config);

class HttpServer {
  public:
    explicit HttpServer(ServerConfig config);
    ~HttpServer();

    /// Binds the listening socket; returns the port (useful with port 0). Throws on failure.
    int bind();
    /// Serves until stop(); returns false if serving failed.
    bool serve();
    /// Stops accepting, answers the requests already accepted, then makes serve() return. Safe
    /// from any thread (tracuu-server calls it from its signal thread).
    void stop();

    /// Reads the token file again (SIGHUP); returns a line for the log saying what happened.
    std::string reload_tokens();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tracuu
