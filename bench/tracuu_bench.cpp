// tracuu-bench: the measuring half of bench/run. Every subcommand prints one JSON object of
// measured figures on stdout.
//
//   index   --engine E --db DB --root DIR PATH...   index, report docs/s, MB/s, CPU, peak RSS, size
//   query   --engine E --db DB --queries FILE        in-process latency percentiles over the mix
//   http    --engine E [--label L] --url URL --queries FILE   the same over HTTP (one
//           keep-alive client); L names the figures (tracuu-cached)
//   quality --engine E --db DB --judged FILE         nDCG@10 and MRR@10 of judged queries
//   numbers --engine E --db DB --judged FILE         MRR@10 per shape of judged number queries
//   serve   --engine xapian|sqlite --db DB --listen HOST:PORT   a baseline behind HTTP
//   paths   --engine E --queries FILE                the mix as request paths (for wrk)
//   report  FILE                                     the collected JSON lines as a table
#include <httplib.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzers/code_tables.hpp"
#include "analyzers/table_lookup.hpp"
#include "engines.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace tracuu::bench;
using tracuu::second_of;

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
    std::string command, engine, label, url, listen;
    fs::path db, root, queries, judged;
    std::vector<fs::path> paths;
    int rounds = 5;
    std::size_t limit = 10;
};

// The options that take a text or a path, and where each goes.
constexpr std::pair<std::string_view, std::string Args::*> kTextOptions[] = {
    {"--engine", &Args::engine},
    {"--label", &Args::label},
    {"--url", &Args::url},
    {"--listen", &Args::listen}};
constexpr std::pair<std::string_view, fs::path Args::*> kPathOptions[] = {
    {"--db", &Args::db},
    {"--root", &Args::root},
    {"--queries", &Args::queries},
    {"--judged", &Args::judged}};

Args parse(int argc, char** argv) {
    Args a;
    if (argc < 2)
        throw std::runtime_error(
            "usage: tracuu-bench index|query|http|quality|numbers|serve|paths|report ...");
    a.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
            return argv[++i];
        };
        if (const auto text = second_of(kTextOptions, arg))
            a.*(*text) = next();
        else if (const auto path = second_of(kPathOptions, arg))
            a.*(*path) = next();
        else if (arg == "--rounds")
            a.rounds = std::stoi(next());
        else if (arg == "--limit")
            a.limit = std::stoul(next());
        else
            a.paths.emplace_back(arg);
    }
    return a;
}

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peak_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

uint64_t disk_bytes(const fs::path& p) {
    if (fs::is_regular_file(p)) return fs::file_size(p);
    uint64_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(p)) {
        if (e.is_regular_file()) total += e.file_size();
    }
    // SQLite keeps a WAL beside the file.
    return total;
}

json percentiles(std::vector<double> ms) {
    if (ms.empty()) return json::object();
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * (ms.size() - 1) + 0.5))];
    };
    double sum = 0;
    for (double v : ms) sum += v;
    return {{"p50_ms", at(0.50)},         {"p95_ms", at(0.95)},  {"p99_ms", at(0.99)},
            {"mean_ms", sum / ms.size()}, {"max_ms", ms.back()}, {"samples", ms.size()}};
}

std::string encode(const std::string& s) {
    return httplib::detail::encode_query_param(s);
}

std::string request_path(const std::string& engine, const QueryCase& q, std::size_t limit) {
    std::string path = engine == "tracuu" ? "/api/search?limit=" + std::to_string(limit)
                                          : "/search?limit=" + std::to_string(limit);
    if (engine == "tracuu") {
        for (const auto& [k, v] : q.params) path += "&" + k + "=" + encode(v);
    } else {
        path += "&q=" + encode(q.text);
    }
    return path;
}

int cmd_index(const Args& a) {
    const double cpu0 = cpu_seconds();
    const auto t0 = Clock::now();
    const IndexCount count =
        index_files(a.engine, a.db, a.root.empty() ? fs::path("/") : a.root, a.paths);
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    const double cpu = cpu_seconds() - cpu0;
    std::error_code ec;
    const uint64_t size =
        fs::exists(a.db)
            ? disk_bytes(a.db) +
                  (fs::exists(a.db.string() + "-wal") ? fs::file_size(a.db.string() + "-wal") : 0)
            : 0;
    json j = {{"kind", "index"},
              {"engine", a.engine},
              {"documents", count.documents},
              {"mb", count.bytes / 1e6},
              {"wall_s", wall},
              {"cpu_s", cpu},
              {"docs_per_s", count.documents / wall},
              {"mb_per_s", count.bytes / 1e6 / wall},
              {"mb_per_cpu_s", count.bytes / 1e6 / cpu},
              {"peak_rss_mb", peak_rss_kb() / 1024.0},
              {"index_mb", size / 1e6}};
    std::printf("%s\n", j.dump().c_str());
    return 0;
}

int cmd_query(const Args& a) {
    const auto mix = read_query_mix(a.queries);
    auto engine = open_engine(a.engine, a.db);
    for (const auto& q : mix) engine->answer(q, a.limit);  // warm caches once
    std::vector<double> all;
    std::map<std::string, std::vector<double>> by_kind;
    for (int r = 0; r < a.rounds; ++r) {
        for (const auto& q : mix) {
            const auto t0 = Clock::now();
            const std::string body = engine->answer(q, a.limit);
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            all.push_back(ms);
            by_kind[q.kind].push_back(ms);
            if (body.empty()) throw std::runtime_error("empty answer");
        }
    }
    json kinds = json::object();
    for (auto& [kind, ms] : by_kind) kinds[kind] = percentiles(ms);
    json j = {{"kind", "query"},
              {"engine", a.engine},
              {"latency", percentiles(all)},
              {"by_kind", kinds},
              {"peak_rss_mb", peak_rss_kb() / 1024.0}};
    std::printf("%s\n", j.dump().c_str());
    return 0;
}

int cmd_http(const Args& a) {
    const auto mix = read_query_mix(a.queries);
    httplib::Client client(a.url);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    client.set_read_timeout(30, 0);
    std::vector<double> all;
    std::size_t errors = 0;
    for (int r = 0; r <= a.rounds; ++r) {  // round 0 warms up
        for (const auto& q : mix) {
            const auto t0 = Clock::now();
            auto res = client.Get(request_path(a.engine, q, a.limit).c_str());
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            if (!res || res->status != 200) ++errors;
            if (r > 0) all.push_back(ms);
        }
    }
    json j = {{"kind", "http"},
              {"engine", a.label.empty() ? a.engine : a.label},
              {"latency", percentiles(all)},
              {"errors", errors}};
    std::printf("%s\n", j.dump().c_str());
    return 0;
}

/// Asks the engine each row of the judged table `a.judged` (the query in column `query`, the
/// wanted document's id in column `wanted`) as `q`, and calls `scored(row, rank)` with the wanted
/// document's 1-based rank in the top 10, 0 when it is not there.
template <class Scored>
void rank_judged(const Args& a, const char* kind, std::size_t query, std::size_t wanted,
                 Scored scored) {
    std::ifstream in(a.judged);
    if (!in) throw std::runtime_error("cannot read " + a.judged.string());
    std::stringstream s;
    s << in.rdbuf();
    const std::string table = s.str();
    auto engine = open_engine(a.engine, a.db);
    for (const auto& row : tracuu::parse_tsv(table)) {
        if (row.size() <= std::max(query, wanted)) continue;
        const std::string text(row[query]);
        QueryCase q{kind, {{"q", text}}, text};
        const auto hits = engine->search(q, 10);
        std::size_t rank = 0;
        for (std::size_t i = 0; i < hits.size() && rank == 0; ++i) {
            if (hits[i].id == row[wanted]) rank = i + 1;
        }
        scored(row, rank);
    }
}

int cmd_quality(const Args& a) {
    double ndcg = 0, mrr = 0;
    std::size_t n = 0, found = 0;
    json misses = json::array();
    rank_judged(a, "judged", 0, 1, [&](const auto& row, std::size_t rank) {
        ++n;
        if (rank > 0) {
            ++found;
            mrr += 1.0 / rank;
            ndcg += 1.0 / std::log2(rank + 1.0);  // one relevant document: IDCG = 1
        } else {
            misses.push_back(std::string(row[0]));
        }
    });
    json j = {{"kind", "quality"},
              {"engine", a.engine},
              {"judged", a.judged.filename().string()},
              {"queries", n},
              {"found_in_top10", found},
              {"ndcg10", n ? ndcg / n : 0.0},
              {"mrr10", n ? mrr / n : 0.0},
              {"missed", misses}};
    std::printf("%s\n", j.dump().c_str());
    return 0;
}

/// Number queries in every shape (tests/judged_numbers.tsv: shape, query, wanted document): MRR@10
/// per shape, each query asked as `q` (the baselines get the same text).
int cmd_numbers(const Args& a) {
    struct Score {
        double mrr = 0;
        std::size_t queries = 0, first = 0, found = 0;
    };
    std::map<std::string, Score> shapes;
    Score all;
    json misses = json::array();
    rank_judged(a, "number", 1, 2, [&](const auto& row, std::size_t rank) {
        for (Score* score : {&shapes[std::string(row[0])], &all}) {
            ++score->queries;
            if (rank == 0) continue;
            ++score->found;
            score->first += rank == 1;
            score->mrr += 1.0 / static_cast<double>(rank);
        }
        if (rank != 1)
            misses.push_back({{"shape", row[0]}, {"query", std::string(row[1])}, {"rank", rank}});
    });
    auto to_json = [](const Score& score) {
        return json{{"queries", score.queries},
                    {"mrr10", score.queries ? score.mrr / static_cast<double>(score.queries) : 0.0},
                    {"first", score.first},
                    {"found_in_top10", score.found}};
    };
    json by_shape = json::object();
    for (const auto& [shape, score] : shapes) by_shape[shape] = to_json(score);
    json j = {
        {"kind", "numbers"},   {"engine", a.engine},   {"judged", a.judged.filename().string()},
        {"all", to_json(all)}, {"by_shape", by_shape}, {"not_first", misses}};
    std::printf("%s\n", j.dump().c_str());
    return 0;
}

httplib::Server* g_server = nullptr;

int cmd_serve(const Args& a) {
    httplib::Server server;
    server.set_tcp_nodelay(true);  // as tracuu-server: no Nagle delay on kept-alive answers
    const auto colon = a.listen.rfind(':');
    const std::string host = a.listen.substr(0, colon);
    const int port = std::stoi(a.listen.substr(colon + 1));
    const std::string engine_name = a.engine;
    const fs::path db = a.db;
    server.Get("/search", [&](const httplib::Request& req, httplib::Response& res) {
        // One handle per worker thread, as tracuu-server does.
        thread_local std::unique_ptr<Engine> engine;
        if (!engine) engine = open_engine(engine_name, db);
        QueryCase q{"http", {}, req.get_param_value("q")};
        const std::size_t limit =
            req.has_param("limit") ? std::stoul(req.get_param_value("limit")) : 10;
        res.set_content(engine->answer(q, limit), "application/json");
    });
    g_server = &server;
    std::signal(SIGTERM, [](int) { g_server->stop(); });
    std::signal(SIGINT, [](int) { g_server->stop(); });
    if (!server.bind_to_port(host, port)) throw std::runtime_error("cannot listen on " + a.listen);
    std::fprintf(stderr, "tracuu-bench: %s listening on http://%s:%d/\n", engine_name.c_str(),
                 host.c_str(), port);
    server.listen_after_bind();
    return 0;
}

int cmd_paths(const Args& a) {
    for (const auto& q : read_query_mix(a.queries))
        std::printf("%s\n", request_path(a.engine, q, a.limit).c_str());
    return 0;
}

/// Prints the collected measurements as tables, tracuu's figures with their ratio to each baseline.
int cmd_report(const Args& a) {
    std::ifstream in(a.paths.at(0));
    std::vector<json> rows;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.front() == '{') rows.push_back(json::parse(line));
    }
    auto find = [&](const std::string& kind, const std::string& engine,
                    const std::string& corpus) -> const json* {
        for (const auto& r : rows) {
            if (r.value("kind", "") == kind && r.value("engine", "") == engine &&
                r.value("corpus", "") == corpus)
                return &r;
        }
        return nullptr;
    };
    std::vector<std::string> corpora;
    for (const auto& r : rows) {
        const std::string c = r.value("corpus", "");
        if (c.empty()) continue;  // the machine line
        if (std::find(corpora.begin(), corpora.end(), c) == corpora.end()) corpora.push_back(c);
    }
    for (const auto& corpus : corpora) {
        std::printf("\n== %s\n", corpus.c_str());
        std::printf("%-28s %12s %12s %12s %10s %10s %14s %14s\n", "figure", "tracuu", "xapian",
                    "sqlite", "/xapian", "/sqlite", "tracuu+cache", "tracuu+gzip");
        auto line = [&](const char* label, const char* kind, const char* key,
                        const char* sub = nullptr) {
            auto get = [&](const std::string& engine) -> std::optional<double> {
                const json* r = find(kind, engine, corpus);
                if (!r) return std::nullopt;
                const json& o = sub ? (*r)[sub] : *r;
                if (!o.contains(key)) return std::nullopt;
                return o[key].get<double>();
            };
            const auto t = get("tracuu"), x = get("xapian"), s = get("sqlite");
            const auto cached = get("tracuu-cached");
            const auto gzipped = get("tracuu-gzip");
            if (!t && !x && !s) return;
            auto cell = [](std::optional<double> v) {
                char buf[32];
                if (!v) return std::string("           -");
                std::snprintf(buf, sizeof buf, "%12.2f", *v);
                return std::string(buf);
            };
            auto rat = [&](std::optional<double> base) {
                char buf[32];
                if (!t || !base || *base == 0) return std::string("         -");
                std::snprintf(buf, sizeof buf, "%9.2fx", *t / *base);
                return std::string(buf);
            };
            std::printf("%-28s %s %s %s %s %s %s %s\n", label, cell(t).c_str(), cell(x).c_str(),
                        cell(s).c_str(), rat(x).c_str(), rat(s).c_str(),
                        cached || gzipped ? ("  " + cell(cached)).c_str() : "",
                        gzipped ? ("  " + cell(gzipped)).c_str() : "");
        };
        line("documents", "index", "documents");
        line("index docs/s (wall)", "index", "docs_per_s");
        line("index MB/s (wall)", "index", "mb_per_s");
        line("index MB per CPU s", "index", "mb_per_cpu_s");
        line("index peak RSS MB", "index", "peak_rss_mb");
        line("index size MB", "index", "index_mb");
        line("query p50 ms (in-process)", "query", "p50_ms", "latency");
        line("query p95 ms (in-process)", "query", "p95_ms", "latency");
        line("query p99 ms (in-process)", "query", "p99_ms", "latency");
        line("query p50 ms (HTTP)", "http", "p50_ms", "latency");
        line("query p95 ms (HTTP)", "http", "p95_ms", "latency");
        line("query p99 ms (HTTP)", "http", "p99_ms", "latency");
        line("HTTP errors", "http", "errors");
        for (const char* c : {"1", "8", "64"}) {
            const std::string kind = std::string("wrk") + c;
            line((std::string("req/s, ") + c + " connections").c_str(), kind.c_str(),
                 "requests_per_s");
            line((std::string("wrk p50 ms, ") + c + " conn").c_str(), kind.c_str(), "p50_ms");
            line((std::string("wrk p99 ms, ") + c + " conn").c_str(), kind.c_str(), "p99_ms");
            line((std::string("wrk errors, ") + c + " conn").c_str(), kind.c_str(), "errors");
        }
        line("server RSS MB", "server", "rss_mb");
        // Number queries: MRR@10 per shape, one column per system.
        std::map<std::string, const json*> numbers;
        for (const auto& r : rows) {
            if (r.value("corpus", "") == corpus && r.value("kind", "") == "numbers")
                numbers[r.value("engine", "")] = &r;
        }
        if (!numbers.empty()) {
            std::printf("number queries, MRR@10 %-14s %12s %12s %12s\n", "(queries)", "tracuu",
                        "xapian", "sqlite");
            const json* any = numbers.begin()->second;
            std::vector<std::string> shapes;
            for (const auto& [shape, score] : (*any)["by_shape"].items()) shapes.push_back(shape);
            shapes.push_back("all");
            for (const auto& shape : shapes) {
                std::string cells;
                std::size_t queries = 0;
                for (const char* engine : {"tracuu", "xapian", "sqlite"}) {
                    char buf[32] = "           -";
                    if (numbers.count(engine)) {
                        const json& r = *numbers[engine];
                        const json& score = shape == "all" ? r["all"] : r["by_shape"][shape];
                        queries = score["queries"].get<std::size_t>();
                        std::snprintf(buf, sizeof buf, "%12.3f", score["mrr10"].get<double>());
                    }
                    cells += " ";
                    cells += buf;
                }
                std::printf("  %-20s %14zu%s\n", shape.c_str(), queries, cells.c_str());
            }
        }
        for (const auto& r : rows) {
            if (r.value("corpus", "") != corpus || r.value("kind", "") != "quality") continue;
            std::printf("quality %-8s %-22s nDCG@10 %.3f  MRR@10 %.3f  (%zu/%zu in top 10)\n",
                        r["engine"].get<std::string>().c_str(),
                        r["judged"].get<std::string>().c_str(), r["ndcg10"].get<double>(),
                        r["mrr10"].get<double>(), r["found_in_top10"].get<std::size_t>(),
                        r["queries"].get<std::size_t>());
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) try {
    const Args a = parse(argc, argv);
    if (a.command == "index") return cmd_index(a);
    if (a.command == "query") return cmd_query(a);
    if (a.command == "http") return cmd_http(a);
    if (a.command == "quality") return cmd_quality(a);
    if (a.command == "numbers") return cmd_numbers(a);
    if (a.command == "serve") return cmd_serve(a);
    if (a.command == "paths") return cmd_paths(a);
    if (a.command == "report") return cmd_report(a);
    throw std::runtime_error("unknown command " + a.command);
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-bench: %s\n", e.what());
    return 1;
}
