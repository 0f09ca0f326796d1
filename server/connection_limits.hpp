// How much a connection may take from the server: time, bytes, threads. Set from tracuu-server's
// command line; enforced by BoundedServer.
#pragma once

#include <chrono>
#include <cstddef>

namespace tracuu {

struct ConnectionLimits {
    std::size_t threads = 64;      ///< connections served at once
    std::size_t max_waiting = 64;  ///< accepted connections waiting for a worker; more get 503
    /// Time to receive a whole request (line, headers, body), and again to send its answer.
    std::chrono::milliseconds request_timeout{10000};
    /// How long an open connection may wait for its next request. A worker waiting so gives up
    /// at once when other connections wait for a worker.
    std::chrono::milliseconds idle_timeout{5000};
    std::size_t max_requests_per_connection = 1000;
    /// Request line, headers and body together; a 1 MB query string still gets its 414.
    std::size_t max_request_bytes = 2 << 20;
};

}  // namespace tracuu
