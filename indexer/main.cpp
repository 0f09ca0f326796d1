// tracuu-index: adds or replaces documents in a tracuu database from files and folders.
#include <cstdio>
#include <cstring>
#include <string>

#include "index_command.hpp"

namespace {

constexpr const char* kUsage =
    "usage: tracuu-index --db DIR [--root DIR] [--batch N] [--quiet] PATH...\n"
    "       tracuu-index --dry-run --json PATH...\n"
    "\n"
    "Indexes UTF-8 .txt files, and folders of them (recursively), into the Xapian database DIR.\n"
    "A document's id is its path relative to the root (fixed when the database is created;\n"
    "default: the current directory). Indexing a file again replaces its document.\n"
    "\n"
    "  --db DIR      database to create or update\n"
    "  --root DIR    base of document ids (only when creating the database)\n"
    "  --batch N     documents per commit (default 1000); a stopped run keeps committed batches\n"
    "  --dry-run     parse and print each document's fields; write nothing\n"
    "  --json        with --dry-run: print JSON\n"
    "  --quiet       no progress line\n"
    "\n"
    "Exit status: 0 all indexed, 1 some files failed (each named with its reason), 2 could not "
    "run.\n";

int usage_error(const std::string& message) {
    std::fprintf(stderr, "tracuu-index: %s\n%s", message.c_str(), kUsage);
    return tracuu::kExitFatal;
}

}  // namespace

int main(int argc, char** argv) try {
    tracuu::IndexOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) return nullptr;
            (void)name;
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return tracuu::kExitOk;
        } else if (arg == "--db") {
            const char* v = value("--db");
            if (!v) return usage_error("--db needs a directory");
            options.db = v;
        } else if (arg == "--root") {
            const char* v = value("--root");
            if (!v) return usage_error("--root needs a directory");
            options.root = v;
        } else if (arg == "--batch") {
            const char* v = value("--batch");
            char* end = nullptr;
            const long n = v ? std::strtol(v, &end, 10) : 0;
            if (!v || *end != '\0' || n < 1) return usage_error("--batch needs a positive number");
            options.batch_size = static_cast<std::size_t>(n);
        } else if (arg == "--dry-run") {
            options.dry_run = true;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--quiet") {
            options.quiet = true;
        } else if (arg == "--") {
            for (++i; i < argc; ++i) options.inputs.emplace_back(argv[i]);
        } else if (arg.starts_with("-") && arg.size() > 1) {
            return usage_error("unknown option " + arg);
        } else {
            options.inputs.emplace_back(arg);
        }
    }
    if (options.inputs.empty()) return usage_error("no PATH given");
    if (options.dry_run) return tracuu::run_dry_run(options, stdout, stderr);
    if (options.db.empty()) return usage_error("--db is required");
    return tracuu::run_index(options, stdout, stderr);
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-index: %s\n", e.what());
    return tracuu::kExitFatal;
}
