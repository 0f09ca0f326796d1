// cpp-httplib's Server with every connection bounded: in time (a whole request must arrive, and
// its answer leave, within a deadline), in size (bytes per request), in number (a fixed worker
// pool with a bounded wait list, overflow answered 503 at once) and in shutdown (drain_and_stop()
// answers what was accepted, then returns). Routing, handlers and HTTP parsing stay cpp-httplib's:
// this replaces only its per-connection loop (process_and_close_socket, virtual for this purpose,
// as httplib's own SSLServer does). It also owns the post-routing hook (X-Request-Id, and
// `Connection: close` on a connection's last answer) and the logger: use set_access_logger().
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

#include "connection_limits.hpp"
#include "worker_pool.hpp"

namespace tracuu {

class BoundedServer : public httplib::Server {
  public:
    explicit BoundedServer(const ConnectionLimits& limits);

    /// Also remembered to log the answers this class writes itself (busy, timeouts).
    void set_access_logger(httplib::Logger logger);
    /// Runs on every answer cpp-httplib writes, just before its headers leave (CORS, Vary).
    void set_response_decorator(Handler decorate) { decorate_ = std::move(decorate); }

    /// Stops accepting, answers every connection already accepted (one last request each, with
    /// `Connection: close`), then lets listen_after_bind() return. Safe from any thread, also
    /// before listening has begun.
    void drain_and_stop();
    bool stopping() const { return stopping_; }

    const WorkerCounts& worker_counts() const { return *counts_; }

    /// After binding: lets the kernel hold many connections not yet accepted. Debian's
    /// cpp-httplib listens with a backlog of 5, and a burst of clients reconnecting beyond it has
    /// its connection attempts dropped and retried a second or three later.
    void widen_listen_backlog();
    const ConnectionLimits& limits() const { return limits_; }

  private:
    bool process_and_close_socket(int sock) override;
    /// cpp-httplib's stop(), at most once (it must not run twice).
    void stop_listening();
    /// The pool is full: answer 503 without reading more than is already there, and close.
    void refuse_busy(int sock);
    /// Writes a JSON error answer ourselves (no request reached cpp-httplib) and logs it.
    void answer_directly(int sock, int status, const std::string& code, const std::string& message);

    ConnectionLimits limits_;
    std::shared_ptr<WorkerCounts> counts_;
    httplib::Logger logger_;
    Handler decorate_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> listening_stopped_{false};
};

}  // namespace tracuu
