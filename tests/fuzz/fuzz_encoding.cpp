// libFuzzer harness: encoding detection and conversion of plain-text files (UTF-8, UTF-16,
// Windows-1258, TCVN3, VNI), and the repair of legacy text read as Windows-1252.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzers/legacy_encoding.hpp"
#include "analyzers/utf8.hpp"
#include "fuzz_check.hpp"

using namespace tracuu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const DecodedText decoded = decode_text(bytes);
        FUZZ_CHECK(utf8::is_valid(decoded.text));
        FUZZ_CHECK(decoded.syllables.ratio() >= 0 && decoded.syllables.ratio() <= 1);
    } catch (const EncodingError&) {
        // refused with a reason
    }
    FUZZ_CHECK(utf8::is_valid(decode_tcvn3(bytes)));
    FUZZ_CHECK(utf8::is_valid(decode_vni(bytes)));
    FUZZ_CHECK(utf8::is_valid(decode_windows1258(bytes)));
    if (utf8::is_valid(bytes)) {
        if (const auto repaired = repair_legacy_mojibake(bytes))
            FUZZ_CHECK(utf8::is_valid(repaired->text));
        windows1252_bytes(bytes);
    }
    return 0;
}
