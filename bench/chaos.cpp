// tracuu-chaos: writes a chaos corpus (bench/chaos_corpus.hpp) for the robustness benchmark,
// and checks the database indexed from it.
// Usage: tracuu-chaos --out DIR --files N [--seed S] [--huge-mb M] SOURCE_DIR...
//        tracuu-chaos --check DB
//
// Every .txt under the SOURCE_DIRs (the seeds, ../shared/corpus) is a source text; file i of the
// corpus is make_chaos_file(sources, i), written to DIR/NNN/NNNNNNN-MUTATIONS.txt. File 0 is the
// one huge file (--huge-mb, default 30; 0 for none). The same sources and seed give the same
// bytes. Prints how many files, bytes, and files per mutation were written.
// --check opens every document of DB, decodes its stored data and writes it out again as strict
// JSON (which refuses invalid UTF-8); prints how many did, and the ids of any that did not.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/utf8.hpp"
#include "chaos_corpus.hpp"
#include "index/stored_document.hpp"

namespace fs = std::filesystem;
using namespace tracuu::chaos;

namespace {

std::vector<std::string> read_sources(const std::vector<fs::path>& dirs) {
    std::vector<fs::path> paths;
    for (const auto& dir : dirs) {
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".txt")
                paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> texts;
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        if (!s.str().empty()) texts.push_back(s.str());
    }
    return texts;
}

int usage() {
    std::fputs("usage: tracuu-chaos --out DIR --files N [--seed S] [--huge-mb M] SOURCE_DIR...\n"
               "       tracuu-chaos --check DB\n",
               stderr);
    return 2;
}

int check(const fs::path& db_path) {
    Xapian::Database db(db_path.string());
    std::size_t good = 0, bad = 0;
    uint64_t text_bytes = 0;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        std::string id = "#" + std::to_string(*p);
        try {
            const std::string data = db.get_document(*p).get_data();
            const tracuu::StoredDocument doc = tracuu::decode_stored_document(data);
            id = doc.meta.value("id", id);
            const std::string json = doc.meta.dump();  // strict: throws on invalid UTF-8
            if (!tracuu::utf8::is_valid(doc.text) || !tracuu::utf8::is_valid(data))
                throw std::runtime_error("invalid UTF-8");
            text_bytes += doc.text.size();
            ++good;
        } catch (const std::exception& e) {
            std::printf("  bad: %s: %s\n", id.c_str(), e.what());
            ++bad;
        }
    }
    std::printf("tracuu-chaos: %zu documents open and serialise (%.1f MB of text), %zu do not\n",
                good, text_bytes / 1e6, bad);
    return bad == 0 && good == db.get_doccount() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) try {
    fs::path out;
    std::size_t files = 0;
    ChaosOptions options;
    std::vector<fs::path> dirs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--check" && has_value) {
            return check(argv[++i]);
        } else if (arg == "--out" && has_value) {
            out = argv[++i];
        } else if (arg == "--files" && has_value) {
            files = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--seed" && has_value) {
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--huge-mb" && has_value) {
            options.huge_bytes = std::strtoull(argv[++i], nullptr, 10) << 20;
        } else if (arg.starts_with("-")) {
            return usage();
        } else {
            dirs.emplace_back(arg);
        }
    }
    if (out.empty() || files == 0 || dirs.empty()) return usage();
    const std::vector<std::string> sources = read_sources(dirs);
    if (sources.empty()) {
        std::fputs("tracuu-chaos: no .txt sources found\n", stderr);
        return 2;
    }
    std::map<std::string, std::size_t> per_mutation;
    uint64_t bytes = 0;
    for (std::size_t i = 0; i < files; ++i) {
        const ChaosFile f = make_chaos_file(sources, i, options);
        const fs::path path = out / f.name;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary)
            .write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
        bytes += f.bytes.size();
        for (const Mutation m : f.mutations) ++per_mutation[std::string(mutation_name(m))];
        if (f.mutations.empty()) ++per_mutation["blank"];
    }
    std::printf("tracuu-chaos: %zu files, %.1f MB from %zu sources (seed %llu)\n", files,
                bytes / 1e6, sources.size(), static_cast<unsigned long long>(options.seed));
    for (const auto& [name, n] : per_mutation) std::printf("  %s %zu\n", name.c_str(), n);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-chaos: %s\n", e.what());
    return 2;
}
