// tracuu-index: adds or replaces documents in a tracuu database from files and folders.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "config/command_line.hpp"
#include "index_command.hpp"
#include "ocr_pool.hpp"

namespace {

constexpr const char* kUsage =
    "usage: tracuu-index --db DIR [--root DIR] [options] PATH...\n"
    "       tracuu-index --config FILE [options] [PATH...]\n"
    "       tracuu-index --db DIR --delete ID...\n"
    "       tracuu-index --dry-run [--json] PATH...\n"
    "\n"
    "Indexes directives from .txt (UTF-8, UTF-16, Windows-1258, TCVN3, VNI), .html, .docx, .doc,\n"
    ".pdf (scans by OCR) and image files, and folders of them (recursively), into the Xapian\n"
    "database DIR. A document's id is its path relative to the root (fixed when the database is\n"
    "created; default: the current directory). Unchanged files are skipped; a changed file\n"
    "replaces its document.\n"
    "\n"
    "  --db DIR      database to create or update\n"
    "  --root DIR    base of document ids (only when creating the database)\n"
    "  --shards N    make DIR a Xapian stub of N shards (DIR/shard-0 ...), written by N threads;\n"
    "                fixed when DIR is made: later runs use it without --shards\n"
    "  --jobs N      files extracted and analysed, and pages read by OCR, in parallel\n"
    "                (default 1)\n"
    "  --prune       remove documents whose files are gone from the folders given\n"
    "  --delete      the arguments are document ids to remove\n"
    "  --force       re-extract every file, changed or not\n"
    "  --ocr MODE    auto (default: pages whose text layer is not their text: none, a\n"
    "                signature box only, no Vietnamese marks), always, never\n"
    "  --max-size MB refuse larger files (default 64)\n"
    "  --converter-timeout S  stop a .doc converter after S seconds (default 60)\n"
    "  --batch N     documents per commit (default 250; at most four commits a second);\n"
    "                a stopped run keeps committed batches\n"
    "  --compact     rewrite the database compactly at the end (done anyway when this run\n"
    "                created it or wrote at least half of its documents)\n"
    "  --no-compact  never\n"
    "  --dry-run     parse and print each document's fields; write nothing\n"
    "  --json        with --dry-run: print JSON\n"
    "  --quiet       no progress line\n"
    "  --config FILE settings from FILE (KEY=value: DB, INDEX_FOLDER, INDEX_ROOT, INDEX_JOBS,\n"
    "                INDEX_OCR; /etc/tracuu/tracuu.conf when installed); options given here\n"
    "                replace the file's, and PATHs given here its INDEX_FOLDERs\n"
    "  --print-config print the settings this run would use, as a configuration file\n"
    "  --version     print the version\n"
    "\n"
    "Exit status: 0 all indexed, 1 some files failed (each named with its reason), 2 could not "
    "run,\n3 the database is of another schema version (re-index it into a new one).\n";

/// Set by SIGINT and SIGTERM; run_index reads it between documents (IndexOptions::stop).
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

void on_stop_signal(int) {
    g_stop = true;
}

int usage_error(const std::string& message) {
    std::fprintf(stderr, "tracuu-index: %s\n%s", message.c_str(), kUsage);
    return tracuu::kExitFatal;
}

/// Every option of tracuu-index, and whether a value follows it.
constexpr tracuu::config::OptionSpec kOptions[] = {
    {"--help", false},    {"-h", false},           {"--db", true},
    {"--root", true},     {"--batch", true},       {"--jobs", true},
    {"--shards", true},   {"--max-size", true},    {"--converter-timeout", true},
    {"--ocr", true},      {"--prune", false},      {"--force", false},
    {"--compact", false}, {"--no-compact", false}, {"--delete", false},
    {"--dry-run", false}, {"--json", false},       {"--quiet", false},
};

}  // namespace

int main(int argc, char** argv) try {
    const auto line =
        tracuu::config::read_command_line(argc, argv, tracuu::config::kIndex, kOptions);
    if (!line.error.empty()) return usage_error(line.error);
    if (line.version) {
        std::printf("tracuu-index %s\n", std::string(tracuu::config::version()).c_str());
        return tracuu::kExitOk;
    }
    tracuu::IndexOptions options;
    bool deleting = false;  // positional arguments are ids, not paths
    for (const auto& [arg, v] : line.arguments) {
        if (arg.empty()) {
            options.inputs.emplace_back(v);
        } else if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return tracuu::kExitOk;
        } else if (arg == "--db") {
            if (v.empty()) return usage_error("--db needs a directory");
            options.db = v;
        } else if (arg == "--root") {
            if (v.empty()) return usage_error("--root needs a directory");
            options.root = v;
        } else if (arg == "--batch") {
            const auto n = tracuu::config::whole_number(v, 1, 1000000000);
            if (!n) return usage_error("--batch needs a positive number");
            options.batch_size = static_cast<std::size_t>(*n);
        } else if (arg == "--shards") {
            const auto n = tracuu::config::whole_number(v, 1, 256);
            if (!n) return usage_error("--shards needs a number from 1 to 256");
            options.shards = static_cast<std::size_t>(*n);
        } else if (arg == "--jobs") {
            const auto n = tracuu::config::whole_number(v, 1, 256);
            if (!n) return usage_error("--jobs needs a number from 1 to 256");
            options.jobs = static_cast<std::size_t>(*n);
        } else if (arg == "--max-size") {
            const auto mb = tracuu::config::positive_number(v, 1e6);
            if (!mb) return usage_error("--max-size needs a positive number of MiB");
            options.extraction.max_bytes = static_cast<uint64_t>(*mb * 1048576.0);
        } else if (arg == "--converter-timeout") {
            const auto s = tracuu::config::positive_number(v, 86400);
            if (!s) return usage_error("--converter-timeout needs a positive number of seconds");
            options.extraction.converter_timeout =
                std::chrono::milliseconds(static_cast<long>(*s * 1000));
        } else if (arg == "--ocr") {
            if (v == "auto") {
                options.extraction.ocr = tracuu::OcrMode::Auto;
            } else if (v == "always") {
                options.extraction.ocr = tracuu::OcrMode::Always;
            } else if (v == "never") {
                options.extraction.ocr = tracuu::OcrMode::Never;
            } else {
                return usage_error("--ocr needs auto, always or never");
            }
        } else if (arg == "--prune") {
            options.prune = true;
        } else if (arg == "--force") {
            options.force = true;
        } else if (arg == "--compact") {
            options.compact = tracuu::CompactMode::Always;
        } else if (arg == "--no-compact") {
            options.compact = tracuu::CompactMode::Never;
        } else if (arg == "--delete") {
            deleting = true;
        } else if (arg == "--dry-run") {
            options.dry_run = true;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--quiet") {
            options.quiet = true;
        }
    }
    if (line.print_config) {
        std::fputs(tracuu::config::effective_config(line, tracuu::config::kIndex).c_str(), stdout);
        return tracuu::kExitOk;
    }
    if (deleting) {
        for (const auto& id : options.inputs) options.delete_ids.push_back(id.string());
        options.inputs.clear();
        if (options.delete_ids.empty()) return usage_error("--delete needs document ids");
        if (options.dry_run || options.prune) {
            return usage_error("--delete cannot be combined with --dry-run or --prune");
        }
    } else if (options.inputs.empty()) {
        return usage_error("no PATH given");
    }
    // --jobs N: also N pages read by OCR at once, shared by the files being read.
    if (options.jobs > 1)
        options.extraction.ocr_pool = std::make_shared<tracuu::OcrPool>(options.jobs);
    if (options.dry_run) return tracuu::run_dry_run(options, stdout, stderr);
    if (options.db.empty()) return usage_error("--db is required");
    // Ctrl-C or SIGTERM: finish the current document, commit, report. Nothing half-written.
    options.stop = &g_stop;
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    return tracuu::run_index(options, stdout, stderr);
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-index: %s\n", e.what());
    return tracuu::kExitFatal;
}
