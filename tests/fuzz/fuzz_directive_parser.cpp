// libFuzzer harness: raw text -> stored text, analysis and parsed directive, then the stored
// document the index keeps, which must read back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzers/utf8.hpp"
#include "fuzz_check.hpp"
#include "index/stored_document.hpp"
#include "indexer/document_preparation.hpp"

using namespace tracuu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string raw(reinterpret_cast<const char*>(data), size);
    const PreparedDocument doc = prepare_document("fuzz/input.txt", raw);
    FUZZ_CHECK(utf8::is_valid(doc.record.title));
    // Strict JSON (no replacement): every field the parser read is valid UTF-8.
    const std::string fields = doc.record.fields.dump();
    FUZZ_CHECK(!fields.empty());
    const std::string stored = encode_stored_document(doc.record);
    const StoredDocument back = decode_stored_document(stored);
    FUZZ_CHECK(back.meta.value("id", "") == "fuzz/input.txt");
    return 0;
}
