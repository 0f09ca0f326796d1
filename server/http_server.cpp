#include "http_server.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <type_traits>

#include "access_log.hpp"
#include "access_tokens.hpp"
#include "api.hpp"
#include "bounded_server.hpp"
#include "cors.hpp"
#include "csv_export.hpp"
#include "database_set.hpp"
#include "gzip.hpp"
#include "metrics.hpp"
#include "request_context.hpp"
#include "request_target.hpp"
#include "result_cache.hpp"
#include "search/status_table.hpp"
#include "source_file.hpp"
#include "static_files.hpp"

namespace tracuu::embedded {
extern const std::string_view openapi;
}

namespace tracuu {
namespace {

// Requests carry no body worth more than this: the API is GET only.
constexpr std::size_t kMaxRequestBody = 64 * 1024;

constexpr const char* kJsonType = "application/json; charset=utf-8";

/// A JSON answer: gzip-compressed when it is large enough and the client accepts gzip
/// (cpp-httplib leaves it alone: it compresses only types without parameters).
void send(const httplib::Request& req, httplib::Response& res, const ApiResponse& api) {
    res.status = api.status;
    res.set_header("Cache-Control", "no-store");
    if (api.cached) res.set_header("X-Cache", "hit");
    std::string text = api.text();
    if (text.size() >= kCompressAtLeast && accepts_gzip(req.get_header_value("Accept-Encoding"))) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(api.gzipped.empty() ? gzip_compress(text) : api.gzipped, kJsonType);
    } else {
        res.set_content(std::move(text), kJsonType);
    }
}

void send_static(httplib::Response& res, const StaticReply& reply) {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name.c_str(), value);
    if (reply.status == 304) return;
    if (reply.status != 206) {
        res.set_content(reply.body, reply.content_type.c_str());
        return;
    }
    // A part goes out as it is: cpp-httplib compresses bodies of text types, which would make
    // Content-Range count bytes the client never sees; it leaves providers alone.
    auto part = std::make_shared<const std::string>(reply.body);
    res.set_content_provider(
        part->size(), reply.content_type,
        [part](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            return sink.write(part->data() + offset, length);
        });
}

/// The original file: its headers, then the bytes, read from the reply's stream as cpp-httplib
/// sends them (a provider with a length: exactly these bytes, never recompressed).
void send_source(const httplib::Request& req, httplib::Response& res, const SourceReply& reply) {
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    if (reply.error) {
        send(req, res, *reply.error);
        return;
    }
    res.status = reply.status;
    if (reply.length == 0) {
        res.set_content(std::string(), reply.content_type.c_str());
        return;
    }
    res.set_content_provider(
        static_cast<std::size_t>(reply.length), reply.content_type,
        [in = reply.bytes, start = reply.offset](std::size_t offset, std::size_t length,
                                                 httplib::DataSink& sink) {
            char buffer[65536];
            in->seekg(static_cast<std::streamoff>(start + offset));
            in->read(buffer, static_cast<std::streamsize>(std::min(length, sizeof buffer)));
            const auto n = in->gcount();
            if (n <= 0) return false;
            sink.write(buffer, static_cast<std::size_t>(n));
            return true;
        });
}

/// A body made as it is sent, in chunks: cut (the connection closes) when the next piece cannot
/// be made, e.g. the index changed too much to go on.
void send_stream(httplib::Response& res, const StreamReply& reply) {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    res.set_chunked_content_provider(reply.content_type,
                                     [next = reply.next](std::size_t, httplib::DataSink& sink) {
                                         std::string chunk;
                                         try {
                                             chunk = next();
                                         } catch (const Xapian::Error&) {
                                             return false;
                                         } catch (const std::exception&) {
                                             return false;
                                         }
                                         if (chunk.empty()) {
                                             sink.done();
                                             return true;
                                         }
                                         return sink.write(chunk.data(), chunk.size());
                                     });
}

/// `Vary` with `value` added to what it lists already.
void add_vary(httplib::Response& res, const std::string& value) {
    std::string vary = res.get_header_value("Vary");
    res.headers.erase("Vary");
    res.set_header("Vary", vary.empty() ? value : vary + ", " + value);
}

/// True for answers whose encoding depends on Accept-Encoding: ours (JSON of 1 kB or more) and
/// cpp-httplib's (text types in a body or a stream).
bool compressible(const httplib::Response& res) {
    const std::string type = res.get_header_value("Content-Type");
    return type.starts_with("application/json") || type.starts_with("text/") ||
           type.starts_with("image/svg+xml");
}

/// The page's address as the client reached it (`http://HOST/`), for links in exports: the Host
/// header when it is a plain host[:port], else the address we listen on.
std::string page_url(const httplib::Request& req, const std::string& host, int port) {
    const std::string given = req.get_header_value("Host");
    const bool plain =
        !given.empty() && given.size() <= 255 &&
        std::all_of(given.begin(), given.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        });
    return "http://" + (plain ? given : host + ":" + std::to_string(port)) + "/";
}

/// The API's contract, as written (server/openapi.json).
ApiResponse openapi_reply() {
    ApiResponse spec;
    spec.rendered = std::string(embedded::openapi);
    return spec;
}

Params params_of(const httplib::Request& req) {
    const auto params = query_parameters(req.target);
    return Params(params.begin(), params.end());
}

// The API's routes as adapter lines: the request's pieces in, the handler's reply out.
SourceReply source_route(Xapian::Database& db, const httplib::Request& req) {
    if (auto refused = refuse_parameters(params_of(req))) {
        SourceReply reply;
        reply.status = refused->status;
        reply.error = std::move(refused);
        return reply;
    }
    return source_reply(db, req.matches[1], current_request().ranges);
}
ApiResponse document_route(Xapian::Database& db, const httplib::Request& req) {
    if (auto refused = refuse_parameters(params_of(req))) return *refused;
    return handle_document(db, req.matches[1]);
}
ApiResponse references_route(Xapian::Database& db, const httplib::Request& req) {
    return handle_references(db, req.matches[1], params_of(req));
}
ApiResponse stats_route(Xapian::Database& db, const httplib::Request& req) {
    if (auto refused = refuse_parameters(params_of(req))) return *refused;
    return handle_stats(db);
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

bool has_body(const httplib::Request& req) {
    return req.has_header("Transfer-Encoding") ||
           (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
}

/// The server only reads: any method but GET and HEAD is refused by name, and so is a GET with
/// a body (cpp-httplib would leave the body unread and take it for the next request). Either way
/// the connection is closed, since its body is never read.
httplib::Server::HandlerResponse refuse_unserved_request(const httplib::Request& req,
                                                         httplib::Response& res) {
    const bool reads = req.method == "GET" || req.method == "HEAD";
    if (reads && !has_body(req)) return httplib::Server::HandlerResponse::Unhandled;
    current_request().close_connection = true;
    if (reads) {
        send(req, res, error_response(400, "bad_request", req.method + " requests carry no body"));
    } else {
        res.set_header("Allow", "GET, HEAD");
        send(req, res,
             error_response(405, "method_not_allowed",
                            req.method + " is not served: this server only reads (GET, HEAD)"));
    }
    return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

struct HttpServer::Impl {
    explicit Impl(ServerConfig c)
        : config(std::move(c)),
          databases(config.databases,
                    {.timeout = config.shard_timeout, .allow_partial = config.allow_partial}),
          server(config.limits),
          cache(config.cache_bytes),
          cors(config.cors_origins) {
        if (!config.token_file.empty()) tokens = std::make_unique<AccessTokens>(config.token_file);
    }

    /// /api/search through the result cache (api.cpp), for this thread's database revision.
    ApiResponse search(Xapian::Database& db, const Params& params) {
        return handle_search(db, params, databases.values(), cache,
                             cache.enabled() ? databases.version() : std::string(),
                             databases.remote_shards());
    }

    /// /api/search: JSON, or CSV with format=csv (streamed, never cached).
    void search_route(const httplib::Request& req, httplib::Response& res) {
        const Params params = params_of(req);
        const auto format = params.find("format");
        if (format == params.end() || format->second != "csv" || params.count("format") > 1) {
            with_database(req, res, [&](Xapian::Database& db) { return search(db, params); });
            return;
        }
        auto query = read_search_query(params);
        if (const auto* error = std::get_if<ApiResponse>(&query)) {
            send(req, res, *error);
            return;
        }
        const SearchRequest& request = std::get<SearchQuery>(query).request;
        const std::string url = page_url(req, config.host, config.port);
        with_database(
            req, res,
            [&](Xapian::Database& db) { return search_csv(db, request, databases.values(), url); },
            /*whole_only=*/true);
    }

    /// Before routing: the CORS preflight, methods and bodies refused, and the token check.
    httplib::Server::HandlerResponse pre_route(const httplib::Request& req,
                                               httplib::Response& res) {
        if (req.method == "OPTIONS" && preflight(req, res))
            return httplib::Server::HandlerResponse::Handled;
        if (refuse_unserved_request(req, res) == httplib::Server::HandlerResponse::Handled)
            return httplib::Server::HandlerResponse::Handled;
        const bool guarded = req.path.starts_with("/api/") || req.path == "/metrics";
        if (tokens && guarded) {
            const std::string given = req.get_header_value("Authorization");
            if (!tokens->accepts(given)) {
                res.set_header("WWW-Authenticate",
                               given.empty() ? "Bearer realm=\"tracuu\""
                                             : "Bearer realm=\"tracuu\", error=\"invalid_token\"");
                send(req, res,
                     error_response(401, "unauthorized",
                                    given.empty() ? "this server needs an access token: "
                                                    "Authorization: Bearer TOKEN"
                                                  : "the access token is not valid"));
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    }

    /// A CORS preflight from an allowed origin: 204 with what may be asked. Anything else with
    /// OPTIONS is refused like any method that is not served.
    bool preflight(const httplib::Request& req, httplib::Response& res) {
        const std::string allowed = cors.allow_origin(req.get_header_value("Origin"));
        if (allowed.empty() || !is_api_path(req.path) || has_body(req) ||
            !req.has_header("Access-Control-Request-Method"))
            return false;
        res.status = 204;
        res.set_header("Access-Control-Allow-Methods", kCorsAllowMethods);
        res.set_header("Access-Control-Allow-Headers", kCorsAllowHeaders);
        res.set_header("Access-Control-Max-Age", kCorsMaxAge);
        add_vary(res, "Access-Control-Request-Method, Access-Control-Request-Headers");
        return true;
    }

    /// Every answer, before it leaves: CORS for allowed origins, and Vary.
    void decorate(const httplib::Request& req, httplib::Response& res) {
        if (cors.enabled() && is_api_path(req.path)) {
            add_vary(res, "Origin");
            const std::string allowed = cors.allow_origin(req.get_header_value("Origin"));
            if (!allowed.empty()) {
                res.set_header("Access-Control-Allow-Origin", allowed);
                if (res.status != 204)
                    res.set_header("Access-Control-Expose-Headers", kCorsExposeHeaders);
            }
        }
        if (res.status != 204 && compressible(res)) add_vary(res, "Accept-Encoding");
    }

    /// Runs `handler` on this thread's database, reading again if a commit outran it. An answer
    /// searched without some shards (--allow-partial) is marked so; `whole_only` refuses it
    /// instead (streams and files, which carry no mark).
    template <class Handler>
    void with_database(const httplib::Request& req, httplib::Response& res, Handler handler,
                       bool whole_only = false) {
        if (const auto bad = find_bad_percent_encoding(req.target)) {
            send(req, res, error_response(400, "bad_parameter", bad->message, bad->parameter));
            return;
        }
        // A reader that falls two commits behind gets DatabaseModifiedError: with an indexer
        // committing every few milliseconds one retry is not always enough, and on a loaded
        // machine retrying at once loses the same race again, so each retry waits a little
        // longer (1, 2, 4 … 64 ms: about an eighth of a second in all).
        constexpr int kAttempts = 8;
        for (int attempt = 0; attempt < kAttempts; ++attempt) {
            if (attempt > 1)
                std::this_thread::sleep_for(std::chrono::milliseconds(1 << (attempt - 2)));
            try {
                Xapian::Database& db = databases.current();
                const std::vector<std::string>& missing = databases.missing();
                if (!missing.empty() && whole_only) {
                    send(req, res,
                         shard_unavailable_response(
                             "this answer needs every shard; missing: " + missing.front() +
                                 (missing.size() > 1 ? " and more" : ""),
                             missing));
                    return;
                }
                auto answer = handler(db);
                if constexpr (std::is_same_v<decltype(answer), ApiResponse>) {
                    mark_partial(answer, missing);
                    send(req, res, answer);
                } else if constexpr (std::is_same_v<decltype(answer), SourceReply>) {
                    send_source(req, res, answer);  // whole_only: never partial
                } else {
                    send_stream(res, answer);  // whole_only: never partial
                }
                return;
            } catch (const ShardsUnavailable& e) {
                send(req, res, shard_unavailable_response(e.what(), e.shards));
                return;
            } catch (const DatabaseUnavailable& e) {
                send(req, res, error_response(503, "unavailable", e.what()));
                return;
            } catch (const Xapian::DatabaseModifiedError&) {
                metrics.record_database_retry();
                databases.reset_current();  // two commits while we read: read the latest
            } catch (const Xapian::DatabaseError& e) {
                databases.reset_current();
                send(req, res,
                     error_response(503, "unavailable", "database error: " + e.get_description()));
                return;
            } catch (const Xapian::NetworkError& e) {
                // A remote shard went away or stalled mid-request, and Xapian does not say
                // which: ask each, then name them, or (partial allowed) search without them.
                const ShardsUnavailable failed = databases.check_remote_shards();
                if (failed.shards.empty()) {
                    if (attempt + 1 < kAttempts) continue;  // a blip: every shard answers now
                    send(req, res,
                         error_response(503, "unavailable",
                                        "remote database error: " + e.get_description()));
                    return;
                }
                if (!databases.policy().allow_partial) {
                    send(req, res, shard_unavailable_response(failed.what(), failed.shards));
                    return;
                }
            } catch (const Xapian::Error& e) {
                // Any other error of Xapian's is the database's state, not the request's: never
                // a 500 (a handle that threw may be unusable, so it is opened afresh next time).
                databases.reset_current();
                send(req, res,
                     error_response(503, "unavailable", "database error: " + e.get_description()));
                return;
            }
        }
        send(req, res,
             error_response(503, "unavailable", "the database keeps changing; try again"));
    }

    /// /metrics: Prometheus text.
    StaticReply metrics_reply() {
        IndexGauges index;
        try {
            Xapian::Database& db = databases.current();
            index.up = true;
            index.documents = db.get_doccount();
            index.shards = db.size() + databases.missing().size();
            try {
                index.revision = db.get_revision();
            } catch (const Xapian::Error&) {
                // several shards have no single revision
            }
        } catch (const DatabaseUnavailable&) {
        } catch (const Xapian::Error&) {
            databases.reset_current();
        }
        const std::vector<ShardReport> shards = databases.shard_reports();
        if (shards.size() > 1)  // one database: tracuu_database_up says it all
            for (const ShardReport& shard : shards)
                index.shard_states.emplace_back(shard.address, shard_state_name(shard.state));
        const WorkerCounts& workers = server.worker_counts();
        const PoolGauges pool{config.limits.threads, workers.busy, workers.waiting};
        return {.status = 200,
                .content_type = "text/plain; version=0.0.4; charset=utf-8",
                .body = metrics.render(index, pool, cache.counts()),
                .headers = {{"Cache-Control", "no-store"}}};
    }

    /// /healthz: the documents and shards that answer.
    ApiResponse health(const Xapian::Database& db) {
        ApiResponse health{200,
                           {{"status", databases.missing().empty() ? "ok" : "partial"},
                            {"documents", db.get_doccount()},
                            {"shards", db.size() + databases.missing().size()}}};
        // Each shard's state when there are several (one database: `status` says it).
        const std::vector<ShardReport> shards = databases.shard_reports();
        if (shards.size() > 1) {
            nlohmann::json& states = health.body["shard_states"];
            for (const ShardReport& shard : shards)
                states.push_back(
                    {{"address", shard.address}, {"state", shard_state_name(shard.state)}});
        }
        return health;
    }

    /// A route answered from this thread's database (with_database: retries, shard errors,
    /// partial marks); `whole_only` for files, which carry no mark.
    template <class Answer>
    httplib::Server::Handler from_database(Answer answer, bool whole_only = false) {
        return [this, answer, whole_only](const httplib::Request& req, httplib::Response& res) {
            with_database(
                req, res, [&](Xapian::Database& db) { return answer(db, req); }, whole_only);
        };
    }

    /// Every route: its path and the handler that answers it (api.cpp, source_file.cpp,
    /// static_files.cpp), each a value this adapter copies into cpp-httplib's response. In the
    /// order cpp-httplib tries them: `{id}/source` before `{id}` (ids contain '/'), and the
    /// page's files last, since they take every GET the API did not.
    std::vector<std::pair<std::string, httplib::Server::Handler>> route_table() {
        using Request = httplib::Request;
        using Response = httplib::Response;
        using Db = Xapian::Database;
        std::vector<std::pair<std::string, httplib::Server::Handler>> table = {
            {"/api/search", [this](const Request& req, Response& res) { search_route(req, res); }},
            {"/api/openapi.json",
             [](const Request& req, Response& res) { send(req, res, openapi_reply()); }},
            {R"(/api/documents/(.+)/source)", from_database(source_route, /*whole_only=*/true)},
            {R"(/api/documents/(.+))", from_database(document_route)},
            {R"(/api/references/(.+))", from_database(references_route)},
            {"/api/stats", from_database(stats_route)},
            {"/healthz", from_database([this](Db& db, const Request&) { return health(db); })},
            {"/metrics",
             [this](const Request&, Response& res) { send_static(res, metrics_reply()); }},
        };
        if (!config.static_dir.empty()) {
            table.emplace_back(".*", [root = static_root(config.static_dir)](const Request& req,
                                                                             Response& res) {
                send_static(
                    res, serve_static(root, req.target, req.get_header_value("If-None-Match"),
                                      current_request().ranges, req.get_header_value("If-Range")));
            });
        }
        return table;
    }

    void routes() {
        for (auto& [pattern, handler] : route_table()) server.Get(pattern, std::move(handler));
        // Before routing, so that no request body is ever read.
        server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            return pre_route(req, res);
        });
        server.set_response_decorator(
            [this](const httplib::Request& req, httplib::Response& res) { decorate(req, res); });
        // Unknown paths, malformed requests, timeouts: JSON, not an HTML error page.
        server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty() || res.content_length_ > 0) return;
            send(req, res, protocol_error(req, res.status == 0 ? 404 : res.status));
        });
        server.set_exception_handler(
            [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
                std::string what = "internal error";
                try {
                    if (ep) std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    what = std::string("internal error: ") + e.what();
                } catch (...) {
                }
                send(req, res, error_response(500, "internal", what));
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
    CorsPolicy cors;
    std::unique_ptr<AccessTokens> tokens;
    std::unique_ptr<AccessLog> access_log;
};

HttpServer::HttpServer(ServerConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {
    impl_->routes();
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
    const auto& c = impl_->config;
    // The first searches need not wait for the value table or the statuses of force (at a
    // million documents 2 s, on remote shards 20 s); a database not there yet is reported by the
    // requests, as it would be later.
    try {
        impl_->databases.load_values();
        status_table(impl_->databases.current());
    } catch (const std::exception&) {
    } catch (const Xapian::Error&) {
    }
    // That handle is this thread's, which serves no request: kept, it would hold the files of
    // revisions compacted away, and a connection to each remote shard.
    impl_->databases.reset_current();
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

std::string exposure_warning(const ServerConfig& config) {
    const std::string& host = config.host;
    const bool loopback =
        host == "localhost" || host.starts_with("127.") || host == "::1" || host == "[::1]";
    if (loopback || !config.token_file.empty()) return {};
    return "listening on " + host +
           " without --token-file: anyone who can reach this port reads every document and "
           "/metrics";
}

std::string HttpServer::reload_tokens() {
    if (!impl_->tokens) return "no --token-file to reload";
    try {
        const std::size_t count = impl_->tokens->reload();
        return "read " + std::to_string(count) + " access token" + (count == 1 ? "" : "s") +
               " from " + impl_->tokens->file().string();
    } catch (const std::exception& e) {
        return std::string(e.what()) + "; the tokens read before stay in force";
    }
}

}  // namespace tracuu
