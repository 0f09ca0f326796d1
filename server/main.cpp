// tracuu-server: serves the JSON search API and the search page.
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include "http_server.hpp"

#ifndef TRACUU_DEFAULT_STATIC_DIR
#define TRACUU_DEFAULT_STATIC_DIR ""
#endif

namespace {

constexpr const char* kUsage =
    "usage: tracuu-server --db DIR [--db DIR|tcp://HOST:PORT ...] [--listen HOST:PORT] [--static "
    "DIR]\n"
    "\n"
    "Serves the tracuu JSON API (/api/search, /api/documents/ID, /api/references/NUMBER,\n"
    "/api/stats, /healthz) and the search page. Several --db are searched as one index.\n"
    "\n"
    "  --db SPEC           database directory, or tcp://HOST:PORT of a xapian-tcpsrv shard\n"
    "  --listen HOST:PORT  address to listen on (default 127.0.0.1:8080; port 0 picks a free one)\n"
    "  --static DIR        folder of the page (default: the static/ folder of this checkout)\n"
    "  --no-static         API only\n"
    "  --quiet             no access log\n";

tracuu::HttpServer* g_server = nullptr;

void on_signal(int) {
    if (g_server) g_server->stop();
}

int usage_error(const std::string& message) {
    std::fprintf(stderr, "tracuu-server: %s\n%s", message.c_str(), kUsage);
    return 2;
}

}  // namespace

int main(int argc, char** argv) try {
    tracuu::ServerConfig config;
    config.static_dir = TRACUU_DEFAULT_STATIC_DIR;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (arg == "--db") {
            const std::string v = value();
            if (v.empty()) return usage_error("--db needs a directory or tcp://HOST:PORT");
            config.databases.push_back(v);
        } else if (arg == "--listen") {
            const std::string v = value();
            const auto colon = v.rfind(':');
            if (colon == std::string::npos || colon == 0)
                return usage_error("--listen needs HOST:PORT");
            config.host = v.substr(0, colon);
            try {
                std::size_t used = 0;
                config.port = std::stoi(v.substr(colon + 1), &used);
                if (used != v.size() - colon - 1 || config.port < 0 || config.port > 65535)
                    throw std::out_of_range("");
            } catch (const std::exception&) {
                return usage_error("--listen: bad port in '" + v + "'");
            }
        } else if (arg == "--static") {
            const std::string v = value();
            if (v.empty()) return usage_error("--static needs a directory");
            config.static_dir = v;
        } else if (arg == "--no-static") {
            config.static_dir.clear();
        } else if (arg == "--quiet") {
            config.access_log = false;
        } else {
            return usage_error("unknown argument " + arg);
        }
    }
    if (config.databases.empty()) return usage_error("--db is required");

    tracuu::HttpServer server(config);
    const int port = server.bind();
    g_server = &server;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::fprintf(stderr, "tracuu-server: listening on http://%s:%d/ (database %s%s)\n",
                 config.host.c_str(), port, config.databases.front().c_str(),
                 config.databases.size() > 1 ? " and more" : "");
    std::fflush(stderr);
    const bool ok = server.serve();
    g_server = nullptr;
    return ok ? 0 : 1;
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-server: %s\n", e.what());
    return 1;
}
