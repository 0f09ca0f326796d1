// Text bytes in any encoding Vietnamese files arrive in -> UTF-8. Pure functions (bytes in, text
// out, no I/O) so they can be fuzzed. The legacy tables (TCVN3/ABC, VNI) are our own data in
// analyzers/data/; Windows-1258 and UTF-16 go through ICU's converters.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "vietnamese_syllables.hpp"

namespace tracuu {

enum class TextEncoding { Utf8, Utf16, Windows1258, Tcvn3, Vni };

/// `UTF-8`, `UTF-16`, `Windows-1258`, `TCVN3`, `VNI`.
std::string_view encoding_name(TextEncoding encoding);

/// The bytes are not text in any encoding we can tell; the message says why.
class EncodingError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct DecodedText {
    std::string text;  ///< UTF-8 (not yet normalised)
    TextEncoding encoding = TextEncoding::Utf8;
    /// How Vietnamese the text reads (see vietnamese_syllables.hpp): judged once here, so the
    /// mojibake check after extraction need not read the text again.
    SyllableStats syllables;
    /// Damaged UTF-8 (a file cut mid-character, a few stray bytes): the invalid sequences,
    /// each now U+FFFD. 0 for text that decoded cleanly.
    std::size_t replaced = 0;
};

/// Detects the encoding of a plain-text file and converts it: a UTF-8 or UTF-16 byte-order mark
/// decides; valid UTF-8 is UTF-8; so is damaged UTF-8 (far more well-formed multi-byte
/// characters than broken ones, which no legacy text has), with its broken sequences replaced
/// and counted; other 8-bit text is decoded as TCVN3, VNI and Windows-1258 and the one that
/// reads as Vietnamese is kept. Throws EncodingError for empty input, binary data (NUL bytes
/// without a UTF-16 mark), truncated UTF-16, or 8-bit text no table reads clearly.
DecodedText decode_text(std::string_view bytes);

/// Damaged UTF-8: not valid, but with far more well-formed multi-byte characters than broken
/// sequences (at least 4 to 1), which no legacy 8-bit text has (its letters are single high
/// bytes, which UTF-8 reads as broken sequences), or valid but for its last character, cut
/// short. A file cut mid-character, a few stray bytes.
bool is_damaged_utf8(std::string_view bytes);

/// How TCVN3 capitals are recovered: VN3 has no capital letters with tones, so text typed in a
/// capital font (.VnTimeH) uses the lower-case bytes.
enum class Tcvn3Capitals {
    Guess,  ///< a word whose ASCII letters are all capitals is all capitals (`CéNG` -> `CỘNG`)
    All,    ///< the text was in a capital font: every letter is a capital
    AsIs,   ///< decode byte by byte
};

std::string decode_tcvn3(std::string_view bytes, Tcvn3Capitals capitals = Tcvn3Capitals::Guess);
std::string decode_vni(std::string_view bytes);
std::string decode_windows1258(std::string_view bytes);

/// Word processors keep text in a legacy font (.VnTime, VNI-Times) as the Windows-1252
/// characters of its bytes. Gives those bytes back, or nullopt when a character has none.
std::optional<std::string> windows1252_bytes(std::string_view utf8);

/// True when `text` (UTF-8), or the bytes it came from read in another table, has enough
/// Vietnamese function words (count_function_words): mojibake is Vietnamese seen through the
/// wrong table (UTF-8, TCVN3 or VNI bytes shown as Windows-1252 or Latin-1), and reading its
/// characters back as bytes and those in the right table shows its `của` and `được` again;
/// French or a list of foreign names has none in any reading.
bool meant_as_vietnamese(std::string_view text);

/// Text extracted as Unicode that is really TCVN3 or VNI shown through Windows-1252 (a DOC, PDF
/// or HTML in a legacy font): the repaired text when one table makes it clearly Vietnamese and
/// the text was not already, else nullopt.
std::optional<DecodedText> repair_legacy_mojibake(std::string_view utf8);

}  // namespace tracuu
