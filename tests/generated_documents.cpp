#include "generated_documents.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>

#include "support.hpp"

namespace tracuu::test {
namespace {

constexpr std::size_t kBaseBytes = 6000;

/// The bundled texts, cut at the last line end before kBaseBytes.
const std::vector<std::string>& base_texts() {
    static const std::vector<std::string> texts = [] {
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(bundled_corpus_dir())) {
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        std::vector<std::string> out;
        for (const auto& file : files) {
            std::string text = read_file(file);
            if (text.size() > kBaseBytes) text.resize(text.rfind('\n', kBaseBytes) + 1);
            out.push_back(std::move(text));
        }
        return out;
    }();
    return texts;
}

}  // namespace

std::string letters_for(std::size_t n) {
    // Consonants only: vowels would let two words meet in one syllable (`hsi` and `hsy` are the
    // same word to the analyzer, as `kĩ` and `kỹ` are).
    constexpr std::string_view kDigits = "bcdfghjklmnpqrstvwxz";
    std::string s;
    do {
        s.insert(s.begin(), kDigits[n % kDigits.size()]);
        n /= kDigits.size();
    } while (n > 0);
    return s;
}

std::string document_marker(std::size_t index) {
    return "hs" + letters_for(index);
}

std::string round_marker(int round) {
    return "lan" + letters_for(static_cast<std::size_t>(round));
}

std::vector<std::string> generate_documents(const fs::path& dir, std::size_t count, int round) {
    const auto& bases = base_texts();
    REQUIRE(!bases.empty());
    fs::create_directories(dir);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < count; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "doc-%05zu.txt", i);
        const std::string& base = bases[i % bases.size()];
        write_file(dir / name, base + "\nHồ sơ lưu trữ " + document_marker(i) + " " +
                                   round_marker(round) + ".\n");
        names.emplace_back(name);
    }
    return names;  // already sorted: zero-padded
}

}  // namespace tracuu::test
