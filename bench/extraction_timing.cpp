// tracuu-extraction-timing FILE...: how long extract_source() takes per file and format (median
// of --runs, default 3), and for a scan, its OCR character accuracy against a reference text
// (--reference FILE: 1 - edit distance / reference length, in code points, white space squeezed).
// Prints measured numbers only.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "analyzers/ocr_vocabulary.hpp"
#include "analyzers/utf8.hpp"
#include "indexer/source_extraction.hpp"

namespace {

std::u32string squeezed_code_points(std::string_view text) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = tracuu::utf8::next(text, pos);
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != U' ') out.push_back(U' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) try {
    int runs = 3;
    std::string reference_file;
    std::vector<std::string> files;
    tracuu::ExtractionOptions options;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (!std::strcmp(argv[i], "--reference") && i + 1 < argc) {
            reference_file = argv[++i];
        } else if (!std::strcmp(argv[i], "--ocr-dpi") && i + 1 < argc) {
            options.ocr_dpi = std::atoi(argv[++i]);
        } else {
            files.push_back(argv[i]);
        }
    }
    std::u32string reference;
    if (!reference_file.empty()) {
        reference = squeezed_code_points(tracuu::extract_file(reference_file, options).text);
    }
    std::printf("%-34s %-6s %-12s %6s %6s %10s %9s\n", "file", "format", "encoding", "pages", "ocr",
                "median_ms", "accuracy");
    for (const std::string& file : files) {
        std::vector<double> ms;
        tracuu::Extraction e;
        for (int r = 0; r < runs; ++r) {
            const auto start = std::chrono::steady_clock::now();
            e = tracuu::extract_file(file, options);
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
        }
        std::sort(ms.begin(), ms.end());
        std::string accuracy = "-";
        if (!reference.empty() && e.ocr_pages > 0) {
            const auto read = squeezed_code_points(e.text);
            const double a =
                1.0 - static_cast<double>(tracuu::edit_distance(reference, read)) / reference.size();
            char text[32];
            std::snprintf(text, sizeof text, "%.2f%%", a * 100);
            accuracy = text;
        }
        const std::string name = std::string(file).substr(file.find_last_of('/') + 1);
        std::printf("%-34s %-6s %-12.12s %6u %6u %10.1f %9s\n", name.c_str(),
                    std::string(tracuu::format_name(e.format)).c_str(), e.encoding.c_str(), e.pages,
                    e.ocr_pages, ms[ms.size() / 2], accuracy.c_str());
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-extraction-timing: %s\n", e.what());
    return 1;
}
