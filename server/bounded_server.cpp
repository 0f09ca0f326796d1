#include "bounded_server.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "api.hpp"
#include "deadline_stream.hpp"
#include "request_context.hpp"

namespace tracuu {
namespace {

using Clock = std::chrono::steady_clock;

const char* reason_phrase(int status) {
    switch (status) {
        case 408:
            return "Request Timeout";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
    }
}

/// Per request, before routing: the client's own request id if it is a sane one; and the ranges
/// taken away from cpp-httplib, which would apply them to any answer (JSON included) and answer
/// 200 with a part. The handlers of files apply them (byte_ranges.hpp), nothing else does.
void adopt_request(httplib::Request& req) {
    RequestContext& context = current_request();
    const std::string id = req.get_header_value("X-Request-Id");
    if (is_acceptable_request_id(id)) context.id = id;
    context.ranges.assign(req.ranges.begin(), req.ranges.end());
    req.ranges.clear();
}

/// Closes `sock`. Input still unread (a body we refused to read, a pipelined request) would make
/// close() reset the connection, and a reset can destroy our answer before the client reads it:
/// so first stop sending and discard input for a moment (what servers call a lingering close).
void close_connection(int sock) {
    pollfd pfd{sock, POLLIN, 0};
    if (::poll(&pfd, 1, 0) > 0) {
        ::shutdown(sock, SHUT_WR);
        const auto until = Clock::now() + std::chrono::milliseconds(500);
        char sink[16384];
        for (std::size_t discarded = 0; discarded < (4u << 20);) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
            if (left <= 0 || ::poll(&pfd, 1, static_cast<int>(left)) <= 0) break;
            const ssize_t n = ::recv(sock, sink, sizeof sink, 0);
            if (n <= 0) break;
            discarded += static_cast<std::size_t>(n);
        }
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
}

}  // namespace

BoundedServer::BoundedServer(const ConnectionLimits& limits)
    : limits_(limits), counts_(std::make_shared<WorkerCounts>()) {
    // The accept loop wakes this often when idle, so a stop asked before it began is seen.
    set_idle_interval(0, 100000);
    // Only advertised in Keep-Alive headers: our connection loop applies them.
    set_keep_alive_timeout(
        std::chrono::duration_cast<std::chrono::seconds>(limits_.idle_timeout).count());
    set_keep_alive_max_count(limits_.max_requests_per_connection);
    set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (decorate_) decorate_(req, res);
        RequestContext& context = current_request();
        res.set_header("X-Request-Id", context.id);
        // Stopping, or a request cut short or with a body left unread (the connection's state is
        // unknown): this is the connection's last answer, and the client is told so.
        if (stopping_ || context.cut != RequestCut::None) context.close_connection = true;
        if (context.close_connection) {
            res.headers.erase("Keep-Alive");
            res.set_header("Connection", "close");
        }
    });
    new_task_queue = [this] {
        return new WorkerPool(limits_.threads, limits_.max_waiting, counts_, [this] {
            if (stopping_) stop_listening();
        });
    };
}

void BoundedServer::widen_listen_backlog() {
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);
}

void BoundedServer::set_access_logger(httplib::Logger logger) {
    logger_ = std::move(logger);
    set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        current_request().answered = true;
        if (logger_) logger_(req, res);
    });
}

void BoundedServer::stop_listening() {
    if (!listening_stopped_.exchange(true)) stop();
}

void BoundedServer::drain_and_stop() {
    stopping_ = true;
    if (!is_running()) return;  // the accept loop's idle hook stops it once it runs
    // Connections the kernel completed but we have not accepted yet would be reset when the
    // listening socket closes: let the accept loop take them first (briefly: new ones keep coming
    // under load, and those may be refused).
    const int listener = svr_sock_;
    const auto until = Clock::now() + std::chrono::milliseconds(500);
    while (Clock::now() < until) {
        pollfd pfd{listener, POLLIN, 0};
        if (::poll(&pfd, 1, 0) <= 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    stop_listening();
}

bool BoundedServer::process_and_close_socket(int sock) {
    if (WorkerPool::refusing()) {
        refuse_busy(sock);
        close_connection(sock);
        return true;
    }
    DeadlineStream stream(sock, limits_.max_request_bytes, limits_.request_timeout);
    bool ok = true;
    for (std::size_t served = 0; served < limits_.max_requests_per_connection; ++served) {
        // A connection that has been answered gives its worker back as soon as another waits and
        // no worker is free. (Not merely while one waits: a new connection waits a moment before
        // a free worker takes it, and closing kept-alive connections then made clients that
        // reconnect often, like wrk at 64 connections, lose requests sent meanwhile.)
        const auto wait = served == 0 ? std::min(limits_.idle_timeout, limits_.request_timeout)
                                      : limits_.idle_timeout;
        const bool arrived = stream.wait_for_request(Clock::now() + wait, [&] {
            return served > 0 &&
                   (stopping_ || (counts_->waiting > 0 && counts_->busy >= limits_.threads));
        });
        if (!arrived) break;

        RequestContext& context = begin_request();
        stream.begin_request(context);
        const bool last = served + 1 == limits_.max_requests_per_connection || stopping_;
        bool closed_by_client = false;
        ok = process_request(stream, last, closed_by_client, adopt_request);
        if (context.cut != RequestCut::None) {
            // Cut before cpp-httplib could answer (inside the request line): answer here.
            if (!context.answered && context.cut == RequestCut::ReadTimeout) {
                answer_directly(sock, 408, "request_timeout",
                                "the request did not arrive within " +
                                    std::to_string(limits_.request_timeout.count() / 1000) + " s");
            } else if (!context.answered && context.cut == RequestCut::TooLarge) {
                answer_directly(sock, 431, "request_too_large",
                                "the request is larger than " +
                                    std::to_string(limits_.max_request_bytes) + " bytes");
            }
            break;
        }
        if (!ok || closed_by_client || last || context.close_connection) break;
    }
    close_connection(sock);
    return ok;
}

void BoundedServer::refuse_busy(int sock) {
    begin_request();
    // Read what the client has sent so far, so that closing does not reset the connection
    // before it reads our answer; never wait for more (this runs on the accepting thread).
    char sink[16384];
    for (int i = 0; i < 8 && ::recv(sock, sink, sizeof sink, MSG_DONTWAIT) > 0; ++i) {
    }
    answer_directly(sock, 503, "busy",
                    "the server is busy (" + std::to_string(limits_.threads) +
                        " requests in progress and " + std::to_string(limits_.max_waiting) +
                        " waiting); try again shortly");
}

void BoundedServer::answer_directly(int sock, int status, const std::string& code,
                                    const std::string& message) {
    RequestContext& context = current_request();
    httplib::Response res;
    res.status = status;
    res.body = error_response(status, code, message).body.dump();
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
                       "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                       std::to_string(res.body.size()) + "\r\nX-Request-Id: " + context.id +
                       "\r\nConnection: close\r\n";
    if (status == 503) head += "Retry-After: 1\r\n";
    const std::string message_bytes = head + "\r\n" + res.body;
    // Best effort and never blocking: the answer is small and the socket's buffer empty.
    [[maybe_unused]] const ssize_t sent =
        ::send(sock, message_bytes.data(), message_bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    context.answered = true;
    if (logger_) {
        httplib::Request req;
        req.method = "-";
        logger_(req, res);
    }
}

}  // namespace tracuu
