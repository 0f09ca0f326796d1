// libFuzzer harness: any bytes through the text filter and the analyzer, as the indexer (Document
// numbers) and the query side (Query numbers) run them.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzers/analyzer.hpp"
#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"
#include "fuzz_check.hpp"

using namespace tracuu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string raw(reinterpret_cast<const char*>(data), size);
    const std::string text = normalize_text(raw);
    FUZZ_CHECK(utf8::is_valid(text));
    FUZZ_CHECK(normalize_text(text) == text);  // the stored form is a fixed point
    for (const NumberMode mode : {NumberMode::Document, NumberMode::Query}) {
        const Analysis analysis = analyze(text, mode);
        uint32_t position = 0;
        for (const Token& t : analysis.tokens) {
            FUZZ_CHECK(t.position == ++position);  // consecutive: phrases rely on it
            FUZZ_CHECK(t.begin < t.end && t.end <= text.size());
            FUZZ_CHECK(!t.folded.empty());
            FUZZ_CHECK(utf8::is_valid(t.exact) && utf8::is_valid(t.folded));
            FUZZ_CHECK(t.number < static_cast<int32_t>(analysis.numbers.size()));
        }
        for (const NumberMatch& m : analysis.numbers) {
            FUZZ_CHECK(m.begin <= m.end && m.end <= text.size());
            FUZZ_CHECK(!m.number.key().empty());
        }
    }
    return 0;
}
