// The parser and the analyzer never throw or crash on arbitrary text: random bytes, random
// Vietnamese-ish text, and every truncation of the seeds.
#include <catch2/catch.hpp>

#include <random>

#include "analyzers/text_normalizer.hpp"
#include "indexer/document_preparation.hpp"
#include "support.hpp"

using namespace tracuu;

namespace {

// Pieces that drive the parser into its branches: labels, numbers, marks, separators.
const char* const kPieces[] = {"Số:",
                               " ",
                               "\n",
                               "\n\n",
                               "/",
                               "-",
                               "V/v ",
                               "Kính gửi:",
                               "ngày",
                               " tháng ",
                               " năm ",
                               "2025",
                               "57",
                               "NQ",
                               "TW",
                               "KT. GIÁM ĐỐC",
                               "PHÓ CHỦ TỊCH",
                               "Nguyễn Văn An",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                               "UBND",
                               "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                               "Nghị quyết số ",
                               "của ",
                               "Bộ Chính trị",
                               ", ",
                               ";",
                               ".",
                               "(",
                               ")",
                               "Kế hoạch số 02",
                               "Dự thảo",
                               "Nơi nhận:",
                               "- ",
                               "QUYẾT ĐỊNH",
                               "&",
                               "đ",
                               "\xCC\x81",
                               "\xE2\x80\x8B",
                               "Số hiệu:",
                               "|",
                               "**",
                               "[1: ",
                               "]",
                               "[footnoteRef:1]",
                               "Đ",
                               "ỦY BAN NHÂN",
                               "quy định",
                               "của Chính phủ"};

std::string random_text(std::mt19937& rng, std::size_t pieces) {
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
    std::string s;
    for (std::size_t i = 0; i < pieces; ++i) s += kPieces[pick(rng)];
    return s;
}

std::string random_bytes(std::mt19937& rng, std::size_t n) {
    std::uniform_int_distribution<int> byte(0, 255);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(byte(rng));
    return s;
}

}  // namespace

TEST_CASE("the parser survives random pieces of directive text", "[parser][robustness]") {
    std::mt19937 rng(20251123);
    for (int i = 0; i < 3000; ++i) {
        const std::string text = random_text(rng, 1 + static_cast<std::size_t>(i % 120));
        INFO(text);
        REQUIRE_NOTHROW(prepare_document("fuzz", text));
    }
}

TEST_CASE("the parser survives random bytes", "[parser][robustness]") {
    std::mt19937 rng(7);
    for (int i = 0; i < 2000; ++i) {
        const std::string bytes = random_bytes(rng, static_cast<std::size_t>(i % 400));
        REQUIRE_NOTHROW(prepare_document("bytes", bytes));
    }
}

TEST_CASE("the parser survives every truncation of every seed", "[parser][robustness][seeds]") {
    for (const auto& entry : std::filesystem::directory_iterator(test::seeds_dir())) {
        const std::string text = test::read_file(entry.path());
        // Every prefix on a step, plus cuts inside multi-byte characters.
        for (std::size_t cut = 0; cut < text.size(); cut += 97) {
            INFO(entry.path().filename().string() << " cut at " << cut);
            REQUIRE_NOTHROW(prepare_document("cut", text.substr(0, cut)));
            REQUIRE_NOTHROW(prepare_document("cut", text.substr(cut)));
        }
    }
}
