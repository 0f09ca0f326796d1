#include "legacy_encoding.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "code_tables.hpp"
#include "embedded_data.hpp"
#include "latin_letters.hpp"
#include "table_lookup.hpp"
#include "text_normalizer.hpp"
#include "utf8.hpp"
#include "vietnamese_syllables.hpp"

namespace tracuu {
namespace {

std::string from_codepage(std::string_view bytes, const char* codepage) {
    const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
    std::string out;
    u.toUTF8String(out);
    return out;
}

/// The Windows-1252 character of each byte from 0x80 (ICU's table; unassigned bytes give C1
/// controls, which normalize_text turns into spaces).
const std::array<char32_t, 128>& windows1252_high() {
    static const std::array<char32_t, 128> table = [] {
        std::array<char32_t, 128> t{};
        for (int b = 0x80; b <= 0xFF; ++b) {
            const char byte = static_cast<char>(b);
            const icu::UnicodeString u(&byte, 1, "windows-1252");
            t[b - 0x80] = u.length() == 1 ? static_cast<char32_t>(u.char32At(0)) : 0xFFFD;
        }
        return t;
    }();
    return table;
}

uint8_t hex_byte(std::string_view hex) {
    return static_cast<uint8_t>(std::stoi(std::string(hex), nullptr, 16));
}

char32_t first_code_point(std::string_view s) {
    std::size_t pos = 0;
    return utf8::next(s, pos);
}

/// TCVN3: every byte from 0x80 as a code point (table letters, else Windows-1252).
const std::array<char32_t, 128>& tcvn3_high() {
    static const std::array<char32_t, 128> table = [] {
        std::array<char32_t, 128> t = windows1252_high();
        for (const auto& row : parse_tsv(embedded::tcvn3)) {
            if (row.size() >= 2) t[hex_byte(row[0]) - 0x80] = first_code_point(row[1]);
        }
        return t;
    }();
    return table;
}

struct VniMarks {
    Quality quality = Quality::None;
    Tone tone = Tone::None;
};

struct VniTables {
    std::map<uint8_t, VniMarks> marks;
    std::map<uint8_t, char32_t> letters;
};

const VniTables& vni_tables() {
    static const VniTables tables = [] {
        VniTables t;
        for (const auto& row : parse_tsv(embedded::vni)) {
            if (row.size() < 3) continue;
            const uint8_t byte = hex_byte(row[0]);
            if (row[1] == "letter") {
                t.letters[byte] = first_code_point(row[2]);
                continue;
            }
            VniMarks m;
            std::string_view words = row[2];
            while (!words.empty()) {
                const auto space = words.find(' ');
                const std::string_view w = words.substr(0, space);
                words =
                    space == std::string_view::npos ? std::string_view{} : words.substr(space + 1);
                if (w == "circumflex") m.quality = Quality::Circumflex;
                if (w == "breve") m.quality = Quality::Breve;
                if (w == "acute") m.tone = Tone::Acute;
                if (w == "grave") m.tone = Tone::Grave;
                if (w == "hook") m.tone = Tone::Hook;
                if (w == "tilde") m.tone = Tone::Tilde;
                if (w == "dot") m.tone = Tone::Dot;
            }
            t.marks[byte] = m;
        }
        return t;
    }();
    return tables;
}

char32_t upper(char32_t c) {
    return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
}

/// +1 for a capital TCVN3 writes as one (ASCII and Ă Â Đ Ê Ô Ơ Ư), -1 for its lower case, 0 for a
/// letter with a tone mark, which it has in lower case only (capital fonts draw it so).
int encoded_case(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || c == U'Ă' || c == U'Â' || c == U'Đ' || c == U'Ê' || c == U'Ô' ||
        c == U'Ơ' || c == U'Ư')
        return 1;
    if ((c >= 'a' && c <= 'z') || c == U'ă' || c == U'â' || c == U'đ' || c == U'ê' || c == U'ô' ||
        c == U'ơ' || c == U'ư')
        return -1;
    return 0;
}

/// Capitalises words written in capitals whose tone letters came out in lower case: a word with
/// two or more capitals TCVN3 has and none of their lower case (`CéNG` -> `CỘNG`), a word with one
/// such capital next to such a word (`Së GI¸O` -> `SỞ GIÁO`, `PHè §µ` -> `PHỐ ĐÀ`, while `Tù do`
/// stays `Tự do`), and a word with a tone letter before its one capital (`ñY` -> `ỦY`: no word is
/// written so in lower case).
std::string guess_capitals(const std::string& text) {
    struct Word {
        std::size_t begin, end;
        int capitals_written = 0;    ///< capitals TCVN3 has (encoded_case)
        bool lower_written = false;  ///< lower case of those
        bool tone_before_capital = false;
        bool capitals = false;
    };
    std::vector<Word> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t next = pos;
        const char32_t c = utf8::next(text, next);
        if (!u_isalpha(static_cast<UChar32>(c))) {
            pos = next;
            continue;
        }
        Word w{pos, pos};
        bool tone_letter = false;
        while (pos < text.size()) {
            next = pos;
            const char32_t d = utf8::next(text, next);
            if (!u_isalpha(static_cast<UChar32>(d))) break;
            const int cased = encoded_case(d);
            w.capitals_written += cased > 0;
            w.lower_written = w.lower_written || cased < 0;
            w.tone_before_capital = w.tone_before_capital || (cased > 0 && tone_letter);
            tone_letter = tone_letter || (cased == 0 && u_islower(static_cast<UChar32>(d)));
            pos = next;
        }
        w.end = pos;
        words.push_back(w);
    }
    auto strong = [&](std::size_t i) {
        return i < words.size() && words[i].capitals_written >= 2 && !words[i].lower_written;
    };
    // Neighbours: only spaces between them (`SỞ GIÁO`, not `Số: 2265 /SGDĐT`).
    auto adjacent = [&](std::size_t a, std::size_t b) {
        if (b >= words.size()) return false;
        for (std::size_t p = words[a].end; p < words[b].begin; ++p) {
            if (text[p] != ' ') return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        Word& w = words[i];
        const bool weak = w.capitals_written == 1 && !w.lower_written && w.end - w.begin > 1;
        w.capitals = strong(i) || (weak && (w.tone_before_capital ||
                                            (i > 0 && strong(i - 1) && adjacent(i - 1, i)) ||
                                            (strong(i + 1) && adjacent(i, i + 1))));
    }
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    for (const Word& w : words) {
        if (!w.capitals) continue;
        out.append(text, copied, w.begin - copied);
        std::size_t p = w.begin;
        while (p < w.end) utf8::append(out, upper(utf8::next(text, p)));
        copied = w.end;
    }
    out.append(text, copied, std::string::npos);
    return out;
}

}  // namespace

std::string_view encoding_name(TextEncoding encoding) {
    static constexpr std::pair<TextEncoding, std::string_view> names[] = {
        {TextEncoding::Utf8, "UTF-8"},
        {TextEncoding::Utf16, "UTF-16"},
        {TextEncoding::Windows1258, "Windows-1258"},
        {TextEncoding::Tcvn3, "TCVN3"},
        {TextEncoding::Vni, "VNI"}};
    return second_of(names, encoding).value_or("?");
}

std::string decode_tcvn3(std::string_view bytes, Tcvn3Capitals capitals) {
    const auto& high = tcvn3_high();
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char b : bytes) {
        const auto byte = static_cast<unsigned char>(b);
        const char32_t c = byte < 0x80 ? byte : high[byte - 0x80];
        utf8::append(out, capitals == Tcvn3Capitals::All ? upper(c) : c);
    }
    return capitals == Tcvn3Capitals::Guess ? guess_capitals(out) : out;
}

std::string decode_vni(std::string_view bytes) {
    const auto& tables = vni_tables();
    const auto& cp1252 = windows1252_high();
    std::string out;
    out.reserve(bytes.size() * 2);
    std::optional<LatinLetter> previous;  // the letter just written, while marks may follow
    std::size_t previous_at = 0;
    for (char b : bytes) {
        const auto byte = static_cast<unsigned char>(b);
        if (byte < 0x80) {
            const char32_t c = byte;
            previous = latin_letter(c);
            previous_at = out.size();
            out.push_back(b);
            continue;
        }
        if (const auto m = tables.marks.find(byte); m != tables.marks.end() && previous) {
            LatinLetter l = *previous;
            const bool quality_ok = m->second.quality == Quality::None ||
                                    (l.quality == Quality::None && l.tone == Tone::None);
            const bool tone_ok = m->second.tone == Tone::None || l.tone == Tone::None;
            if (l.is_vowel() && quality_ok && tone_ok) {
                if (m->second.quality != Quality::None) l.quality = m->second.quality;
                if (m->second.tone != Tone::None) l.tone = m->second.tone;
                const char32_t composed = compose_lower(l.base, l.quality, l.tone);
                if (composed != 0) {
                    out.resize(previous_at);
                    utf8::append(out, l.upper ? upper(composed) : composed);
                    previous = l;
                    continue;
                }
            }
        }
        const auto letter = tables.letters.find(byte);
        const char32_t c = letter != tables.letters.end() ? letter->second : cp1252[byte - 0x80];
        previous = latin_letter(c);
        previous_at = out.size();
        utf8::append(out, c);
    }
    return out;
}

std::string decode_windows1258(std::string_view bytes) {
    return from_codepage(bytes, "windows-1258");
}

namespace {

/// The Windows-1252 byte of a character; nullopt for one the code page lacks.
std::optional<char> windows1252_byte(char32_t c) {
    static const std::map<char32_t, char> reverse = [] {
        std::map<char32_t, char> r;
        const auto& high = windows1252_high();
        for (int i = 0; i < 128; ++i) r.emplace(high[i], static_cast<char>(0x80 + i));
        return r;
    }();
    if (c < 0x80) return static_cast<char>(c);
    const auto it = reverse.find(c);
    if (it == reverse.end()) return std::nullopt;
    return it->second;
}

/// Each character of `text` as the one byte `byte_of` gives it; nullopt when it gives none.
template <class ByteOf>
std::optional<std::string> one_byte_each(std::string_view text, ByteOf byte_of) {
    std::string bytes;
    bytes.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::optional<char> byte = byte_of(utf8::next(text, pos));
        if (!byte) return std::nullopt;
        bytes.push_back(*byte);
    }
    return bytes;
}

}  // namespace

std::optional<std::string> windows1252_bytes(std::string_view utf8_text) {
    return one_byte_each(utf8_text, windows1252_byte);
}

namespace {

/// The bytes a text shown through a single-byte table came from: each character of
/// Windows-1252 or Latin-1 gives its byte back, any other character '?'.
std::string single_byte_reading(std::string_view text) {
    return *one_byte_each(text, [](char32_t c) -> std::optional<char> {
        return c < 0x100 ? static_cast<char>(c) : windows1252_byte(c).value_or('?');
    });
}

}  // namespace

bool meant_as_vietnamese(std::string_view text) {
    if (count_function_words(text).enough()) return true;
    const std::string bytes = single_byte_reading(text);
    std::string as_utf8 = bytes;
    utf8::repair(as_utf8);
    for (const std::string& reading : {as_utf8, decode_tcvn3(bytes), decode_vni(bytes)}) {
        if (count_function_words(normalize_text(reading)).enough()) return true;
    }
    return false;
}

namespace {

struct Candidate {
    TextEncoding encoding;
    std::string text;
    SyllableStats stats;
};

/// The legacy reading that is clearly Vietnamese, or an explanation of why none is.
std::vector<Candidate> legacy_candidates(std::string_view bytes) {
    std::vector<Candidate> c;
    for (auto [encoding, text] : {std::pair{TextEncoding::Windows1258, decode_windows1258(bytes)},
                                  std::pair{TextEncoding::Tcvn3, decode_tcvn3(bytes)},
                                  std::pair{TextEncoding::Vni, decode_vni(bytes)}}) {
        SyllableStats stats = vietnamese_syllable_stats(text);
        c.push_back({encoding, std::move(text), stats});
    }
    std::stable_sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
        return a.stats.ratio() > b.stats.ratio();
    });
    return c;
}

// A legacy reading is accepted when this share of its words are syllables...
constexpr double kAcceptRatio = 0.85;
// ...and no other reading comes this close (unless both give the same text).
constexpr double kMinMargin = 0.1;
constexpr std::size_t kMinLegacyWords = 3;

/// Well-formed multi-byte characters and broken sequences in `bytes`.
struct Utf8Census {
    std::size_t multibyte = 0;
    std::size_t broken = 0;
    bool broken_at_end = false;  ///< the last bytes are a character cut short
};

Utf8Census utf8_census(std::string_view bytes) {
    Utf8Census c;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        if (utf8::next(bytes, pos) == utf8::kReplacement &&
            bytes.substr(start, pos - start) != "\uFFFD") {  // not a written U+FFFD
            ++c.broken;
            c.broken_at_end = pos == bytes.size();
        } else {
            ++c.multibyte;
        }
    }
    return c;
}

// Damaged UTF-8: at least this many well-formed multi-byte characters per broken sequence.
// Legacy 8-bit Vietnamese text is the other way round: its letters are single high bytes, which
// UTF-8 reads as broken sequences, and a well-formed pair among them is chance.
constexpr std::size_t kMultibytePerBroken = 4;

}  // namespace

bool is_damaged_utf8(std::string_view bytes) {
    const Utf8Census census = utf8_census(bytes);
    if (census.broken == 0) return false;
    // A file cut inside its last character (a short one too: `Nghị quyết 62/NQ-H\xC4`).
    if (census.broken == 1 && census.broken_at_end && census.multibyte > 0) return true;
    return census.multibyte >= kMultibytePerBroken * census.broken;
}

namespace {

std::string percent(double ratio) {
    return std::to_string(static_cast<int>(ratio * 100 + 0.5)) + "%";
}

/// UTF-16 written without its byte-order mark (some Windows tools): the zero high bytes of
/// ASCII and Latin-1 letters fall on one side only, about every other byte on it and none on the
/// other. Read so when what it decodes to is text (no control character but line ends and tabs).
std::optional<std::string> bomless_utf16(std::string_view bytes) {
    if (bytes.size() % 2 != 0 || bytes.size() < 8) return std::nullopt;
    const std::size_t n = std::min<std::size_t>(bytes.size(), 8192);
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; ++i) (i % 2 ? odd : even) += bytes[i] == '\0';
    const std::size_t half = n / 2;
    const bool little = odd * 5 >= half * 2 && even == 0;
    const bool big = even * 5 >= half * 2 && odd == 0;
    if (!little && !big) return std::nullopt;
    std::string text = from_codepage(bytes, little ? "UTF-16LE" : "UTF-16BE");
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::next(text, pos);
        if (c == utf8::kReplacement || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            return std::nullopt;
        }
    }
    return text;
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
    if (bytes.empty()) throw EncodingError("empty file");
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        if (bytes.size() % 2 != 0) {
            throw EncodingError("truncated UTF-16 text (odd number of bytes)");
        }
        const bool little = bytes[0] == '\xFF';
        DecodedText d{from_codepage(bytes.substr(2), little ? "UTF-16LE" : "UTF-16BE"),
                      TextEncoding::Utf16};
        d.syllables = vietnamese_syllable_stats(d.text);
        return d;
    }
    const auto nul = bytes.find('\0');
    if (nul != std::string_view::npos) {
        if (auto text = bomless_utf16(bytes)) {
            DecodedText d{std::move(*text), TextEncoding::Utf16};
            d.syllables = vietnamese_syllable_stats(d.text);
            return d;
        }
        throw EncodingError("binary file (NUL byte at offset " + std::to_string(nul) + ")");
    }
    const auto bad = utf8::first_invalid(bytes);
    if (bad == std::string_view::npos) {
        DecodedText d{std::string(bytes), TextEncoding::Utf8};
        d.syllables = vietnamese_syllable_stats(d.text);
        return d;
    }
    const std::string not_utf8 =
        "not valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ")";
    const bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom || is_damaged_utf8(bytes)) {
        DecodedText d{std::string(bytes), TextEncoding::Utf8};
        d.replaced = utf8::repair(d.text);
        d.syllables = vietnamese_syllable_stats(d.text);
        return d;
    }
    std::vector<Candidate> c = legacy_candidates(bytes);
    const Candidate& best = c[0];
    const Candidate& second = c[1];
    std::string scores;
    for (const auto& k : c) {
        if (!scores.empty()) scores += ", ";
        scores += std::string(encoding_name(k.encoding)) + " " + percent(k.stats.ratio());
    }
    if (best.stats.judged < kMinLegacyWords) {
        throw EncodingError(not_utf8 +
                            " and too few accented words to tell TCVN3, VNI or Windows-1258 "
                            "apart; convert it to UTF-8");
    }
    if (best.stats.ratio() < kAcceptRatio) {
        throw EncodingError(not_utf8 +
                            ", and no legacy Vietnamese encoding reads it as Vietnamese "
                            "(words that are Vietnamese syllables: " +
                            scores + "); convert it to UTF-8");
    }
    if (second.stats.ratio() > best.stats.ratio() - kMinMargin &&
        normalize_text(second.text) != normalize_text(best.text)) {
        throw EncodingError(not_utf8 + ", and its legacy encoding is ambiguous (" + scores +
                            "); convert it to UTF-8");
    }
    return {best.text, best.encoding, best.stats};
}

std::optional<DecodedText> repair_legacy_mojibake(std::string_view utf8_text) {
    const SyllableStats now = vietnamese_syllable_stats(utf8_text);
    if (now.judged < kMinJudgedWords || now.ratio() >= kMojibakeBelow) return std::nullopt;
    const auto bytes = windows1252_bytes(utf8_text);
    if (!bytes) return std::nullopt;
    std::vector<Candidate> c = legacy_candidates(*bytes);
    for (const Candidate& k : c) {
        // Windows-1258 shown as Windows-1252 is rare and would need its own marks: TCVN3 and VNI.
        if (k.encoding == TextEncoding::Windows1258) continue;
        if (k.stats.ratio() >= kAcceptRatio && k.stats.ratio() > now.ratio() + kMinMargin) {
            return DecodedText{k.text, k.encoding, k.stats};
        }
        break;
    }
    return std::nullopt;
}

}  // namespace tracuu
