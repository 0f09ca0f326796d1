#include "text_normalizer.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <stdexcept>

#include "utf8.hpp"

namespace tracuu {

bool is_invisible_format_char(char32_t c) {
    switch (c) {
        case 0xFEFF:  // byte-order mark / zero-width no-break space
        case 0x200B:  // zero-width space
        case 0x200C:  // zero-width non-joiner
        case 0x200D:  // zero-width joiner
        case 0x2060:  // word joiner
        case 0x00AD:  // soft hyphen
            return true;
        default:
            return false;
    }
}

namespace {

const icu::Normalizer2& nfc() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalizer unavailable");
        return n;
    }();
    return *instance;
}

/// Cleans spaces, controls and invisible characters; keeps everything else byte for byte.
std::string clean(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const auto byte = static_cast<unsigned char>(raw[pos]);
        if (byte < 0x80) {
            ++pos;
            if (byte == '\r') {
                if (pos < raw.size() && raw[pos] == '\n') ++pos;
                out.push_back('\n');
            } else if (byte == '\n' || byte == '\t' || byte >= 0x20) {
                out.push_back(static_cast<char>(byte == 0x7F ? ' ' : byte));
            } else if (byte == '\f' || byte == '\v') {
                out.push_back('\n');
            } else {
                out.push_back(' ');
            }
            continue;
        }
        const char32_t c = utf8::next(raw, pos);
        if (is_invisible_format_char(c)) continue;
        if (c == 0x2028 || c == 0x2029) {
            out.push_back('\n');
        } else if (u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR ||
                   u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR) {
            out.push_back(' ');
        } else {
            utf8::append(out, c);
        }
    }
    return out;
}

}  // namespace

std::string normalize_text(std::string_view raw) {
    std::string cleaned = clean(raw);
    UErrorCode status = U_ZERO_ERROR;
    // Quick check first: most input is already NFC and then needs no copy.
    if (nfc().isNormalizedUTF8(cleaned, status) && U_SUCCESS(status)) return cleaned;
    status = U_ZERO_ERROR;
    std::string composed;
    composed.reserve(cleaned.size());
    icu::StringByteSink<std::string> sink(&composed);
    nfc().normalizeUTF8(0, cleaned, sink, nullptr, status);
    if (U_FAILURE(status)) throw std::runtime_error("NFC normalisation failed");
    return composed;
}

}  // namespace tracuu
