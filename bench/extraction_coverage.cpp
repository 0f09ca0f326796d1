// tracuu-coverage: how often the directive parser finds each field, over folders of documents.
// Usage: tracuu-coverage [--sample N] [--seed S] DIR...
// Prints, per field, the share of documents where it was found and from which source; with
// --sample, also N documents picked at random (seeded) with their fields, for checking by hand.
#include <cstdio>
#include <map>
#include <random>
#include <string>

#include "indexer/document_preparation.hpp"
#include "indexer/source_files.hpp"
#include "indexer/source_extraction.hpp"

int main(int argc, char** argv) try {
    std::vector<std::filesystem::path> inputs;
    std::size_t sample = 0;
    unsigned seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--sample" && i + 1 < argc) {
            sample = std::stoul(argv[++i]);
        } else if (arg == "--seed" && i + 1 < argc) {
            seed = static_cast<unsigned>(std::stoul(argv[++i]));
        } else {
            inputs.emplace_back(arg);
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: tracuu-coverage [--sample N] [--seed S] DIR...\n");
        return 2;
    }
    const auto found = tracuu::discover_sources(inputs, "/");
    const std::vector<std::string> fields = {"number", "type",    "issuer", "date",
                                             "year",   "subject", "signer", "place"};
    std::map<std::string, std::map<std::string, std::size_t>>
        by_source;  // field -> source -> count
    std::size_t documents = 0;
    std::size_t citations = 0;
    std::vector<nlohmann::json> all;
    for (const auto& file : found.files) {
        try {
            const auto doc = tracuu::prepare_document(file.id, tracuu::extract_file(file.path, {}).text);
            ++documents;
            const auto& f = doc.record.fields;
            for (const auto& name : fields) {
                if (f.contains(name)) ++by_source[name][f[name]["source"].get<std::string>()];
            }
            // A blank numeral with known codes counts as `number_codes`, not as a number.
            if (f.contains("number_codes")) ++by_source["number_codes"]["header"];
            citations += f["citations"].size();
            if (sample > 0)
                all.push_back({{"id", file.id}, {"title", doc.record.title}, {"fields", f}});
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: %s\n", file.path.c_str(), e.what());
        }
    }
    std::printf("%zu documents, %zu citations (%.1f per document)\n\n", documents, citations,
                documents ? static_cast<double>(citations) / documents : 0.0);
    std::printf("%-14s %8s  %s\n", "field", "found", "by source");
    for (const auto& name : fields) {
        std::size_t total = 0;
        std::string sources;
        for (const auto& [source, n] : by_source[name]) {
            total += n;
            sources += source + " " + std::to_string(n) + "  ";
        }
        std::printf("%-14s %7.1f%%  %s\n", name.c_str(),
                    documents ? 100.0 * total / documents : 0.0, sources.c_str());
    }
    std::printf("%-14s %7.1f%%\n", "number_codes",
                documents ? 100.0 * by_source["number_codes"]["header"] / documents : 0.0);
    if (sample > 0) {
        std::mt19937 rng(seed);
        std::shuffle(all.begin(), all.end(), rng);
        all.resize(std::min(sample, all.size()));
        std::printf("\nsample of %zu (seed %u):\n", all.size(), seed);
        for (auto& d : all) {
            d["fields"].erase("citations");
            d["fields"].erase("recipients");
            std::printf("%s\n", d.dump().c_str());
        }
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-coverage: %s\n", e.what());
    return 1;
}
