// tracuu-server: serves the JSON search API and the search page.
#include <pthread.h>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "config/command_line.hpp"
#include "cors.hpp"
#include "http_server.hpp"

#ifndef TRACUU_DEFAULT_STATIC_DIR
#define TRACUU_DEFAULT_STATIC_DIR ""
#endif

namespace {

constexpr const char* kUsage =
    "usage: tracuu-server --db DIR [--db DIR|tcp://HOST:PORT ...] [--listen HOST:PORT] [--static "
    "DIR]\n"
    "                     [--threads N] [--queue N] [--timeout SECONDS] [--cache-mb N] [--quiet]\n"
    "                     [--cors-origin ORIGIN ...] [--token-file FILE]\n"
    "                     [--shard-timeout-ms N] [--allow-partial]\n"
    "                     [--config FILE] [--print-config] [--version]\n"
    "\n"
    "Serves the tracuu JSON API (/api/search, /api/documents/ID, /api/references/NUMBER,\n"
    "/api/stats, /healthz, /metrics; the contract at /api/openapi.json) and the search page.\n"
    "Several --db, and the shards of a stub database, are searched as one index. The databases\n"
    "are only read. SIGTERM or Ctrl-C: answer what was accepted, then exit 0. SIGHUP: read the\n"
    "token file again.\n"
    "\n"
    "  --db SPEC           database directory, Xapian stub database (a folder with XAPIANDB, as\n"
    "                      tracuu-index --shards makes, or the file), or tcp://HOST:PORT of a\n"
    "                      xapian-tcpsrv shard\n"
    "  --shard-timeout-ms N  longest wait for a remote shard to connect or answer (default 5000);\n"
    "                      past it, or when it is down, requests answer 503 shard_unavailable\n"
    "                      naming it\n"
    "  --allow-partial     instead of that 503, answer from the shards that do answer, marked\n"
    "                      \"partial\": true with \"missing_shards\"\n"
    "  --listen HOST:PORT  address to listen on (default 127.0.0.1:8080; port 0 picks a free one)\n"
    "  --static DIR        folder of the page (default: the static/ folder of this checkout)\n"
    "  --no-static         API only\n"
    "  --threads N         connections served at once (default 64)\n"
    "  --queue N           connections that may wait for a thread; more are answered 503 "
    "(default 64)\n"
    "  --timeout SECONDS   to receive a whole request, and to send its answer (default 10);\n"
    "                      an idle connection is closed after min(5, SECONDS)\n"
    "  --cache-mb N        memory for answers to recent searches, per database revision\n"
    "                      (default 64; 0: none)\n"
    "  --quiet             no access log (by default one JSON line per request on stderr)\n"
    "  --cors-origin ORIGIN  a web origin (https://host[:port]) whose pages may call the API\n"
    "                      from a browser; repeatable; * for any (default: none)\n"
    "  --token-file FILE   access tokens, one per line: /api/* and /metrics then need\n"
    "                      'Authorization: Bearer TOKEN' (read again on SIGHUP)\n"
    "  --config FILE       settings from FILE (KEY=value: DB, SERVER_LISTEN, SERVER_THREADS,\n"
    "                      SERVER_CACHE_MB, SERVER_TOKEN_FILE, SERVER_CORS_ORIGIN,\n"
    "                      SERVER_SHARD_TIMEOUT_MS;\n"
    "                      /etc/tracuu/tracuu.conf when installed); options given here\n"
    "                      replace the file's\n"
    "  --print-config      print the settings this run would use, as a configuration file\n"
    "  --version           print the version\n";

int usage_error(const std::string& message) {
    std::fprintf(stderr, "tracuu-server: %s\n%s", message.c_str(), kUsage);
    return 2;
}

/// Every option of tracuu-server, and whether a value follows it.
constexpr tracuu::config::OptionSpec kOptions[] = {
    {"--help", false},
    {"-h", false},
    {"--db", true},
    {"--listen", true},
    {"--static", true},
    {"--no-static", false},
    {"--threads", true},
    {"--queue", true},
    {"--timeout", true},
    {"--cache-mb", true},
    {"--quiet", false},
    {"--cors-origin", true},
    {"--token-file", true},
    {"--shard-timeout-ms", true},
    {"--allow-partial", false},
};

/// A whole number in [low, high], or -1.
long bounded_number(std::string_view text, long low, long high) {
    return tracuu::config::whole_number(text, low, high).value_or(-1);
}

}  // namespace

int main(int argc, char** argv) try {
    const auto line =
        tracuu::config::read_command_line(argc, argv, tracuu::config::kServer, kOptions);
    if (!line.error.empty()) return usage_error(line.error);
    if (line.version) {
        std::printf("tracuu-server %s\n", std::string(tracuu::config::version()).c_str());
        return 0;
    }
    tracuu::ServerConfig config;
    config.static_dir = TRACUU_DEFAULT_STATIC_DIR;
    for (const auto& [arg, v] : line.arguments) {
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (arg == "--db") {
            if (v.empty()) return usage_error("--db needs a directory or tcp://HOST:PORT");
            config.databases.push_back(v);
        } else if (arg == "--shard-timeout-ms") {
            const long n = bounded_number(v, 1, 3600000);
            if (n < 0)
                return usage_error("--shard-timeout-ms needs milliseconds from 1 to 3600000");
            config.shard_timeout = std::chrono::milliseconds(n);
        } else if (arg == "--allow-partial") {
            config.allow_partial = true;
        } else if (arg == "--listen") {
            const auto colon = v.rfind(':');
            if (colon == std::string::npos || colon == 0)
                return usage_error("--listen needs HOST:PORT");
            config.host = v.substr(0, colon);
            const long port = bounded_number(v.substr(colon + 1), 0, 65535);
            if (port < 0) return usage_error("--listen: bad port in '" + v + "'");
            config.port = static_cast<int>(port);
        } else if (arg == "--static") {
            if (v.empty()) return usage_error("--static needs a directory");
            config.static_dir = v;
        } else if (arg == "--no-static") {
            config.static_dir.clear();
        } else if (arg == "--threads") {
            const long n = bounded_number(v, 1, 1024);
            if (n < 0) return usage_error("--threads needs a number from 1 to 1024");
            config.limits.threads = static_cast<std::size_t>(n);
        } else if (arg == "--queue") {
            const long n = bounded_number(v, 0, 100000);
            if (n < 0) return usage_error("--queue needs a number from 0 to 100000");
            config.limits.max_waiting = static_cast<std::size_t>(n);
        } else if (arg == "--timeout") {
            const long n = bounded_number(v, 1, 3600);
            if (n < 0) return usage_error("--timeout needs a number of seconds from 1 to 3600");
            config.limits.request_timeout = std::chrono::seconds(n);
            config.limits.idle_timeout = std::chrono::seconds(std::min(n, 5L));
        } else if (arg == "--cache-mb") {
            const long n = bounded_number(v, 0, 65536);
            if (n < 0) return usage_error("--cache-mb needs a number of megabytes from 0 to 65536");
            config.cache_bytes = static_cast<std::size_t>(n) << 20;
        } else if (arg == "--quiet") {
            config.access_log = false;
        } else if (arg == "--cors-origin") {
            if (v.empty()) return usage_error("--cors-origin needs an origin, or *");
            if (const std::string problem = tracuu::cors_origin_problem(v); !problem.empty())
                return usage_error("--cors-origin '" + v + "': " + problem);
            config.cors_origins.push_back(v);
        } else if (arg == "--token-file") {
            if (v.empty()) return usage_error("--token-file needs a file");
            config.token_file = v;
        } else {
            return usage_error("unexpected argument " + v);
        }
    }
    if (line.print_config) {
        std::fputs(tracuu::config::effective_config(line, tracuu::config::kServer).c_str(), stdout);
        return 0;
    }
    if (config.databases.empty()) return usage_error("--db is required");

    // Signals are taken by one thread with sigwait, so stopping runs as ordinary code rather than
    // in a handler; every thread started after this inherits the blocked mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a client gone mid-answer is an error result, not a death

    tracuu::HttpServer server(config);
    const int port = server.bind();
    std::atomic<bool> serving_ended{false};
    std::thread signal_thread([&] {
        int signal = 0;
        for (;;) {
            sigwait(&stop_signals, &signal);
            if (serving_ended) return;
            if (signal != SIGHUP) break;
            std::fprintf(stderr, "tracuu-server: SIGHUP: %s\n", server.reload_tokens().c_str());
            std::fflush(stderr);
        }
        std::fprintf(stderr, "tracuu-server: %s: finishing the requests in progress\n",
                     signal == SIGTERM ? "SIGTERM" : "SIGINT");
        server.stop();
    });
    std::fprintf(stderr, "tracuu-server: listening on http://%s:%d/ (database %s%s)\n",
                 config.host.c_str(), port, config.databases.front().c_str(),
                 config.databases.size() > 1 ? " and more" : "");
    if (const std::string warning = tracuu::exposure_warning(config); !warning.empty())
        std::fprintf(stderr, "tracuu-server: warning: %s\n", warning.c_str());
    std::fflush(stderr);
    const bool ok = server.serve();
    serving_ended = true;  // wake the signal thread if serving ended for another reason
    pthread_kill(signal_thread.native_handle(), SIGTERM);
    signal_thread.join();
    std::fprintf(stderr, "tracuu-server: stopped\n");
    return ok ? 0 : 1;
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-server: %s\n", e.what());
    return 1;
}
