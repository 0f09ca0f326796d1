// libFuzzer harness: the number canonicaliser, on a whole typed number and on numbers found in
// running text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzers/document_number.hpp"
#include "analyzers/text_normalizer.hpp"
#include "analyzers/tokenizer.hpp"
#include "analyzers/utf8.hpp"
#include "fuzz_check.hpp"

using namespace tracuu;

namespace {

/// Keys are what index and query meet on: lower case, no spaces, valid UTF-8.
void check_key(const std::string& key) {
    FUZZ_CHECK(utf8::is_valid(key));
    for (const char c : key) FUZZ_CHECK(!(c >= 'A' && c <= 'Z') && c != ' ' && c != '\n');
}

void check_number(const DocumentNumber& n) {
    check_key(n.key());
    check_key(n.loose_key());
    for (const auto& key : n.exact_keys()) check_key(key);
    for (const auto& key : n.query_keys()) check_key(key);
    FUZZ_CHECK(utf8::is_valid(n.display()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string text = normalize_text(std::string(reinterpret_cast<const char*>(data), size));
    if (const auto n = parse_document_number(text)) check_number(*n);
    const std::vector<RawToken> tokens = split_tokens(text);
    for (const NumberMode mode : {NumberMode::Document, NumberMode::Query}) {
        for (const NumberMatch& m : find_document_numbers(text, tokens, mode)) {
            FUZZ_CHECK(m.first_token <= m.last_token && m.last_token < tokens.size());
            FUZZ_CHECK(m.begin <= m.end && m.end <= text.size());
            check_number(m.number);
            for (const auto& alternative : m.alternatives) check_number(alternative);
        }
    }
    return 0;
}
