#include "http_server.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>

#include "api.hpp"
#include "database_set.hpp"
#include "source_file.hpp"
#include "static_files.hpp"

namespace tracuu {
namespace {

// Requests carry no body worth more than this: the API is GET only.
constexpr std::size_t kMaxRequestBody = 64 * 1024;
constexpr int kSocketTimeoutSeconds = 10;

void send(httplib::Response& res, const ApiResponse& api) {
    if (api.status == 0) return;  // the handler has answered (a file)
    res.status = api.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(api.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_static(httplib::Response& res, const StaticReply& reply) {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name.c_str(), value);
    if (reply.status != 304) res.set_content(reply.body, reply.content_type.c_str());
}

Params params_of(const httplib::Request& req) {
    return Params(req.params.begin(), req.params.end());
}

}  // namespace

struct HttpServer::Impl {
    explicit Impl(ServerConfig c) : config(std::move(c)), databases(config.databases) {}

    /// Runs `handler` on this thread's database, reopening if a commit outran it.
    template <class Handler>
    void with_database(httplib::Response& res, Handler handler) {
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
                databases.reset_current();  // an indexer committed twice meanwhile: read anew
            } catch (const Xapian::DatabaseError& e) {
                databases.reset_current();
                send(res,
                     error_response(503, "unavailable", "database error: " + e.get_description()));
                return;
            }
        }
        send(res, error_response(503, "unavailable", "the database keeps changing; try again"));
    }

    void routes() {
        server.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
            with_database(res,
                          [&](Xapian::Database& db) { return handle_search(db, params_of(req)); });
        });
        // Before /api/documents/{id}: ids contain '/', so `{id}/source` would match there too.
        server.Get(R"(/api/documents/(.+)/source)",
                   [this](const httplib::Request& req, httplib::Response& res) {
                       with_database(res, [&](Xapian::Database& db) {
                           return send_source_file(res, db, req.matches[1]);
                       });
                   });
        server.Get(
            R"(/api/documents/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
                const std::string id = req.matches[1];
                with_database(res, [&](Xapian::Database& db) { return handle_document(db, id); });
            });
        server.Get(R"(/api/references/(.+))", [this](const httplib::Request& req,
                                                     httplib::Response& res) {
            const std::string number = req.matches[1];
            with_database(res, [&](Xapian::Database& db) { return handle_references(db, number); });
        });
        server.Get("/api/stats", [this](const httplib::Request&, httplib::Response& res) {
            with_database(res, [&](Xapian::Database& db) { return handle_stats(db); });
        });
        server.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
            with_database(res, [&](Xapian::Database& db) {
                return ApiResponse{200, {{"status", "ok"}, {"documents", db.get_doccount()}}};
            });
        });
        if (!config.static_dir.empty()) {
            // Keep this route after the API's: it takes every GET they did not.
            server.Get(".*", [root = static_root(config.static_dir)](const httplib::Request& req,
                                                                     httplib::Response& res) {
                send_static(res,
                            serve_static(root, req.target, req.get_header_value("If-None-Match")));
            });
        }
        // Unknown paths and methods: JSON, not an HTML error page.
        server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return;
            const int status = res.status == 0 ? 404 : res.status;
            const std::string message =
                status == 404 ? "no such path: " + req.path : "request refused";
            send(res, error_response(status, status == 404 ? "not_found" : "bad_request", message));
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
        if (config.access_log) {
            server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
                std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), req.target.c_str(),
                             res.status, res.body.size());
            });
        }
        server.set_payload_max_length(kMaxRequestBody);
        // Headers and body leave in separate writes: without TCP_NODELAY, Nagle's algorithm and
        // the client's delayed ACK add ~40 ms to every answer on a kept-alive connection.
        server.set_tcp_nodelay(true);
        server.set_read_timeout(kSocketTimeoutSeconds, 0);
        server.set_write_timeout(kSocketTimeoutSeconds, 0);
    }

    ServerConfig config;
    DatabaseSet databases;
    httplib::Server server;
};

HttpServer::HttpServer(ServerConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {
    impl_->routes();
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
    const auto& c = impl_->config;
    if (c.port == 0) {
        const int port = impl_->server.bind_to_any_port(c.host);
        if (port <= 0) throw std::runtime_error("cannot listen on " + c.host);
        return port;
    }
    if (!impl_->server.bind_to_port(c.host, c.port)) {
        throw std::runtime_error("cannot listen on " + c.host + ":" + std::to_string(c.port) +
                                 " (in use, or not an address of this machine)");
    }
    return c.port;
}

bool HttpServer::serve() {
    return impl_->server.listen_after_bind();
}

void HttpServer::stop() {
    impl_->server.stop();
}

}  // namespace tracuu
