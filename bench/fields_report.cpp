// tracuu-fields-report: the directive parser's fields against a table read by hand.
// Usage: tracuu-fields-report --truth TABLE.tsv [--root DIR] [--without-page-metadata]
//                             [--ocr never] [--jobs N] [--text-cache DIR] [--verbose]
// Each file of the table is extracted and parsed as tracuu-index does; per field the report
// prints expected / present / right / wrong / invented / missing and the shares, for all
// documents and, when the table has a `header` column, for those with and without a header.
#include <cstdio>
#include <string>

#include "field_judging.hpp"

namespace {

constexpr const char* kUsage =
    "usage: tracuu-fields-report --truth TABLE.tsv [--root DIR] [--without-page-metadata]\n"
    "                            [--ocr auto|never] [--jobs N] [--text-cache DIR] [--verbose]\n"
    "  --root DIR  where the table's `file` paths resolve (default: the table's folder)\n"
    "  --without-page-metadata  drop the site's metadata table (`Số hiệu:` ...) before parsing;\n"
    "              fields the table marks `metadata_only` are then expected missing\n"
    "  --text-cache DIR  keep each file's extracted text in DIR and read it from there next time\n"
    "              (for changing the parser without OCR again; empty DIR after changing "
    "extraction)\n";

}  // namespace

int main(int argc, char** argv) try {
    std::string truth;
    tracuu::judging::JudgeOptions options;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--truth" && has_value) {
            truth = argv[++i];
        } else if (arg == "--root" && has_value) {
            options.root = argv[++i];
        } else if (arg == "--without-page-metadata") {
            options.without_page_metadata = true;
        } else if (arg == "--ocr" && has_value) {
            const std::string mode = argv[++i];
            if (mode != "auto" && mode != "never") {
                std::fprintf(stderr, "tracuu-fields-report: --ocr takes auto or never, not %s\n",
                             mode.c_str());
                return 2;
            }
            options.ocr = mode == "auto";
        } else if (arg == "--jobs" && has_value) {
            options.jobs = std::stoul(argv[++i]);
        } else if (arg == "--text-cache" && has_value) {
            options.text_cache = argv[++i];
        } else if (arg == "--verbose") {
            verbose = true;
        } else {
            std::fprintf(stderr, "tracuu-fields-report: unknown argument %s\n%s", arg.c_str(),
                         kUsage);
            return 2;
        }
    }
    if (truth.empty()) {
        std::fprintf(stderr, "%s", kUsage);
        return 2;
    }
    const auto table = tracuu::judging::read_truth(truth);
    const auto report = tracuu::judging::judge_table(table, options);
    std::printf("%s: %zu judged documents%s\n", truth.c_str(), table.rows.size(),
                options.without_page_metadata ? ", the site's metadata removed" : "");
    std::printf("%s", tracuu::judging::format_report(report, verbose).c_str());
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu-fields-report: %s\n", e.what());
    return 2;
}
