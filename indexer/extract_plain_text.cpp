// Plain text: the encoding is detected by analyzers/legacy_encoding (pure, fuzzable).
#include "analyzers/legacy_encoding.hpp"
#include "extractors.hpp"

namespace tracuu {

Extraction extract_plain_text(std::string_view bytes) {
    try {
        DecodedText decoded = decode_text(bytes);
        Extraction e;
        e.format = SourceFormat::Text;
        e.text = std::move(decoded.text);
        e.encoding = std::string(encoding_name(decoded.encoding));
        e.extractor = "text";
        e.syllables = decoded.syllables;
        return e;
    } catch (const EncodingError& error) {
        throw SourceError(error.what());
    }
}

}  // namespace tracuu
