// Text filter run before anything else: turns extracted text into the one form we store and
// analyse.
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// Returns `raw` as NFC UTF-8 with byte-order marks, zero-width characters, soft hyphens and
/// bidirectional marks (copied from web pages; invisible, and they would split words) removed,
/// every Unicode space (NBSP, thin space...) and stray control character turned into an ASCII
/// space, fullwidth ASCII (`１６８／ＮĐ－ＣＰ`) turned into ASCII, and CR/CRLF line ends turned
/// into LF. Invalid UTF-8 becomes U+FFFD. Offsets reported by
/// the analyzer refer to this normalised text, which is also what is stored.
std::string normalize_text(std::string_view raw);

/// True for the code points `normalize_text` drops entirely (BOM, ZWSP, ZWJ, ZWNJ, WJ, SHY,
/// LRM, RLM, ALM and the bidi embeddings, overrides and isolates).
bool is_invisible_format_char(char32_t c);

/// True when `text` shows anything: a code point that is neither white space (NBSP and the
/// other Unicode spaces too), a control character nor one is_invisible_format_char drops.
bool has_visible_text(std::string_view text);

/// True when `text` is valid UTF-8 in NFC already (ICU's quick check, no copy).
bool is_nfc(std::string_view text);

/// Runs of whitespace (line breaks included) as one space, trimmed.
std::string collapse_spaces(std::string_view s);

}  // namespace tracuu
