#include "http_server.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>

#include "access_log.hpp"
#include "api.hpp"
#include "bounded_server.hpp"
#include "database_set.hpp"
#include "metrics.hpp"
#include "request_context.hpp"
#include "request_target.hpp"
#include "result_cache.hpp"
#include "source_file.hpp"
#include "static_files.hpp"

namespace tracuu {
namespace {

// Requests carry no body worth more than this: the API is GET only.
constexpr std::size_t kMaxRequestBody = 64 * 1024;

void send(httplib::Response& res, const ApiResponse& api) {
    if (api.status == 0) return;  // the handler has answered (a file)
    res.status = api.status;
    res.set_header("Cache-Control", "no-store");
    if (api.cached) res.set_header("X-Cache", "hit");
    res.set_content(api.text(), "application/json; charset=utf-8");
}

void send_static(httplib::Response& res, const StaticReply& reply) {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name.c_str(), value);
    if (reply.status != 304) res.set_content(reply.body, reply.content_type.c_str());
}

Params params_of(const httplib::Request& req) {
    const auto params = query_parameters(req.target);
    return Params(params.begin(), params.end());
}

/// The parameters in one order: the same search asked with its parameters in any order.
std::string cache_key(const Params& params) {
    std::string key;
    for (const auto& [name, value] : params) {
        key += name;
        key += '\x1f';
        key += value;
        key += '\x1e';
    }
    return key;
}

/// The JSON error for an answer cpp-httplib decided on its own (no handler ran). After a
/// malformed or cut request the connection is closed: where the next request starts is unknown.
ApiResponse protocol_error(const httplib::Request& req, int status) {
    if (status != 404 && status != 416) current_request().close_connection = true;
    switch (current_request().cut) {
        case RequestCut::ReadTimeout:
            return error_response(408, "request_timeout", "the request did not arrive in time");
        case RequestCut::TooLarge:
            return error_response(431, "request_too_large", "the request is too large");
        default:
            break;
    }
    switch (status) {
        case 404:
            return error_response(404, "not_found", "no such path: " + req.path);
        case 405:
            return error_response(405, "method_not_allowed", "only GET and HEAD are served");
        case 413:
            return error_response(
                413, "payload_too_large",
                "the request body is larger than " + std::to_string(kMaxRequestBody) + " bytes");
        case 414:
            return error_response(414, "uri_too_long",
                                  "the request line is longer than " +
                                      std::to_string(CPPHTTPLIB_REQUEST_URI_MAX_LENGTH) + " bytes");
        case 416:
            return error_response(416, "bad_range", "the Range header cannot be satisfied");
        case 400:
            return error_response(400, "bad_request", "malformed HTTP request");
        default:
            return error_response(status, "error", "request refused");
    }
}

/// The server only reads: any method but GET and HEAD is refused by name, and so is a GET with
/// a body (cpp-httplib would leave the body unread and take it for the next request). Either way
/// the connection is closed, since its body is never read.
httplib::Server::HandlerResponse refuse_unserved_request(const httplib::Request& req,
                                                         httplib::Response& res) {
    const bool reads = req.method == "GET" || req.method == "HEAD";
    const bool has_body =
        req.has_header("Transfer-Encoding") ||
        (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
    if (reads && !has_body) return httplib::Server::HandlerResponse::Unhandled;
    current_request().close_connection = true;
    if (reads) {
        send(res, error_response(400, "bad_request", req.method + " requests carry no body"));
    } else {
        res.set_header("Allow", "GET, HEAD");
        send(res,
             error_response(405, "method_not_allowed",
                            req.method + " is not served: this server only reads (GET, HEAD)"));
    }
    return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

struct HttpServer::Impl {
    explicit Impl(ServerConfig c)
        : config(std::move(c)),
          databases(config.databases),
          server(config.limits),
          cache(config.cache_bytes) {}

    /// /api/search, from the result cache when this revision answered it already.
    ApiResponse search(Xapian::Database& db, const Params& params) {
        const std::string version = cache.enabled() ? databases.version() : std::string();
        const std::string key = version.empty() ? std::string() : cache_key(params);
        if (!version.empty()) {
            if (auto answer = cache.find(version, key)) {
                ApiResponse cached;
                cached.rendered = std::move(*answer);
                cached.cached = true;
                return cached;
            }
        }
        ApiResponse answer = handle_search(db, params, databases.values());
        if (!version.empty() && answer.status == 200) cache.store(version, key, answer.rendered);
        return answer;
    }

    /// Runs `handler` on this thread's database, reading again if a commit outran it.
    template <class Handler>
    void with_database(const httplib::Request& req, httplib::Response& res, Handler handler) {
        if (const auto bad = find_bad_percent_encoding(req.target)) {
            send(res, error_response(400, "bad_parameter", bad->message, bad->parameter));
            return;
        }
        // A reader that falls two commits behind gets DatabaseModifiedError: with an indexer
        // committing every few milliseconds one retry is not always enough.
        constexpr int kAttempts = 5;
        for (int attempt = 0; attempt < kAttempts; ++attempt) {
            try {
                send(res, handler(databases.current()));
                return;
            } catch (const DatabaseUnavailable& e) {
                send(res, error_response(503, "unavailable", e.what()));
                return;
            } catch (const Xapian::DatabaseModifiedError&) {
                metrics.record_database_retry();
                databases.reset_current();  // two commits while we read: read the latest
            } catch (const Xapian::DatabaseError& e) {
                databases.reset_current();
                send(res,
                     error_response(503, "unavailable", "database error: " + e.get_description()));
                return;
            } catch (const Xapian::NetworkError& e) {
                databases.reset_current();  // a remote shard went away
                send(res, error_response(503, "unavailable",
                                         "remote database error: " + e.get_description()));
                return;
            }
        }
        send(res, error_response(503, "unavailable", "the database keeps changing; try again"));
    }

    void metrics_route(httplib::Response& res) {
        IndexGauges index;
        try {
            Xapian::Database& db = databases.current();
            index.up = true;
            index.documents = db.get_doccount();
            try {
                index.revision = db.get_revision();
            } catch (const Xapian::Error&) {
                // several shards have no single revision
            }
        } catch (const DatabaseUnavailable&) {
        } catch (const Xapian::Error&) {
            databases.reset_current();
        }
        const WorkerCounts& workers = server.worker_counts();
        const PoolGauges pool{config.limits.threads, workers.busy, workers.waiting};
        res.set_header("Cache-Control", "no-store");
        res.set_content(metrics.render(index, pool, cache.counts()),
                        "text/plain; version=0.0.4; charset=utf-8");
    }

    void routes() {
        server.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
            with_database(req, res,
                          [&](Xapian::Database& db) { return search(db, params_of(req)); });
        });
        // Before /api/documents/{id}: ids contain '/', so `{id}/source` would match there too.
        server.Get(R"(/api/documents/(.+)/source)",
                   [this](const httplib::Request& req, httplib::Response& res) {
                       with_database(req, res, [&](Xapian::Database& db) {
                           return send_source_file(res, db, req.matches[1]);
                       });
                   });
        server.Get(R"(/api/documents/(.+))", [this](const httplib::Request& req,
                                                    httplib::Response& res) {
            const std::string id = req.matches[1];
            with_database(req, res, [&](Xapian::Database& db) { return handle_document(db, id); });
        });
        server.Get(
            R"(/api/references/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
                const std::string number = req.matches[1];
                with_database(req, res,
                              [&](Xapian::Database& db) { return handle_references(db, number); });
            });
        server.Get("/api/stats", [this](const httplib::Request& req, httplib::Response& res) {
            with_database(req, res, [&](Xapian::Database& db) { return handle_stats(db); });
        });
        server.Get("/healthz", [this](const httplib::Request& req, httplib::Response& res) {
            with_database(req, res, [&](Xapian::Database& db) {
                return ApiResponse{200, {{"status", "ok"}, {"documents", db.get_doccount()}}};
            });
        });
        server.Get("/metrics",
                   [this](const httplib::Request&, httplib::Response& res) { metrics_route(res); });
        // Before routing, so that no request body is ever read.
        server.set_pre_routing_handler(refuse_unserved_request);
        if (!config.static_dir.empty()) {
            // Keep this route after the API's: it takes every GET they did not.
            server.Get(".*", [root = static_root(config.static_dir)](const httplib::Request& req,
                                                                     httplib::Response& res) {
                send_static(res,
                            serve_static(root, req.target, req.get_header_value("If-None-Match")));
            });
        }
        // Unknown paths, malformed requests, timeouts: JSON, not an HTML error page.
        server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return;
            send(res, protocol_error(req, res.status == 0 ? 404 : res.status));
        });
        server.set_exception_handler(
            [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
                std::string what = "internal error";
                try {
                    if (ep) std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    what = std::string("internal error: ") + e.what();
                } catch (...) {
                }
                send(res, error_response(500, "internal", what));
            });
        if (config.access_log) access_log = std::make_unique<AccessLog>(stderr);
        server.set_access_logger([this](const httplib::Request& req, const httplib::Response& res) {
            const RequestContext& context = current_request();
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - context.started)
                    .count();
            metrics.record_request(route_label(req.path, res.status), res.status, seconds,
                                   res.body.size());
            if (!access_log) return;
            const std::size_t question = req.target.find('?');
            access_log->write({.time = std::chrono::system_clock::now(),
                               .request_id = context.id,
                               .remote = req.remote_addr,
                               .method = req.method,
                               .path = req.path,
                               .query = question == std::string::npos
                                            ? std::string_view()
                                            : std::string_view(req.target).substr(question + 1),
                               .status = res.status,
                               .milliseconds = seconds * 1000,
                               .bytes = res.body.size()});
        });
        server.set_payload_max_length(kMaxRequestBody);
        // Headers and body leave in separate writes: without TCP_NODELAY, Nagle's algorithm and
        // the client's delayed ACK add ~40 ms to every answer on a kept-alive connection.
        server.set_tcp_nodelay(true);
    }

    ServerConfig config;
    DatabaseSet databases;
    BoundedServer server;
    Metrics metrics;
    ResultCache cache;
    std::unique_ptr<AccessLog> access_log;
};

HttpServer::HttpServer(ServerConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {
    impl_->routes();
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
    const auto& c = impl_->config;
    // The first searches need not wait for the value table; a database not there yet is
    // reported by the requests, as it would be later.
    try {
        impl_->databases.load_values();
    } catch (const std::exception&) {
    } catch (const Xapian::Error&) {
    }
    if (c.port == 0) {
        const int port = impl_->server.bind_to_any_port(c.host);
        if (port <= 0) throw std::runtime_error("cannot listen on " + c.host);
        impl_->server.widen_listen_backlog();
        return port;
    }
    if (!impl_->server.bind_to_port(c.host, c.port)) {
        throw std::runtime_error("cannot listen on " + c.host + ":" + std::to_string(c.port) +
                                 " (in use, or not an address of this machine)");
    }
    impl_->server.widen_listen_backlog();
    return c.port;
}

bool HttpServer::serve() {
    if (impl_->server.stopping()) return true;
    return impl_->server.listen_after_bind();
}

void HttpServer::stop() {
    impl_->server.drain_and_stop();
}

}  // namespace tracuu
