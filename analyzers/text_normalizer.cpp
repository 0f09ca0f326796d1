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
        case 0x061C:  // Arabic letter mark
        case 0x200E:  // left-to-right mark
        case 0x200F:  // right-to-left mark
        case 0x202A:  // bidi embeddings, overrides and their end
        case 0x202B:
        case 0x202C:
        case 0x202D:
        case 0x202E:
        case 0x2066:  // bidi isolates and their end
        case 0x2067:
        case 0x2068:
        case 0x2069:
            return true;
        default:
            return false;
    }
}

bool has_visible_text(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::next(text, pos);
        const auto u = static_cast<UChar32>(c);
        if (!u_isUWhiteSpace(u) && u_charType(u) != U_CONTROL_CHAR && !is_invisible_format_char(c))
            return true;
    }
    return false;
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
        // Copy a run of printable ASCII (and \n) at once: most of a directive.
        std::size_t run = pos;
        while (run < raw.size()) {
            const auto b = static_cast<unsigned char>(raw[run]);
            if ((b < 0x20 && b != '\n') || b >= 0x7F) break;
            ++run;
        }
        if (run > pos) {
            out.append(raw.substr(pos, run - pos));
            pos = run;
            if (pos == raw.size()) break;
        }
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
        const std::size_t start = pos;
        const char32_t c = utf8::next(raw, pos);
        // Latin letters (Vietnamese among them) and combining marks are copied as they are: only
        // spaces, controls and invisible characters need a closer look.
        const bool latin =
            (c >= 0xC0 && c < 0x250) || (c >= 0x300 && c < 0x370) || (c >= 0x1E00 && c < 0x1F00);
        if (latin) {
            out.append(raw.substr(start, pos - start));
            continue;
        }
        if (is_invisible_format_char(c)) continue;
        if (c >= 0xFF01 && c <= 0xFF5E) {
            // Fullwidth ASCII (an East Asian input method's `168／2024／NĐ－CP`): the ASCII it
            // stands for, as NFKC would map it; the rest of NFKC would change Vietnamese text.
            out.push_back(static_cast<char>(c - 0xFEE0));
            continue;
        }
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

bool is_nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const bool normalized = nfc().isNormalizedUTF8(text, status);
    return U_SUCCESS(status) && normalized && utf8::is_valid(text);
}

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

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

}  // namespace tracuu
