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
        if (decoded.replaced > 0) {
            e.warnings.push_back("damaged UTF-8: " + std::to_string(decoded.replaced) +
                                 " invalid byte sequences read as U+FFFD");
        }
        return e;
    } catch (const EncodingError& error) {
        throw SourceError(error.what());
    }
}

}  // namespace tracuu
