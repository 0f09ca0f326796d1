#include "source_extraction.hpp"

#include <cstdio>

#include "analyzers/legacy_encoding.hpp"
#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"
#include "analyzers/vietnamese_syllables.hpp"
#include "extractors.hpp"
#include "several_documents.hpp"

namespace tracuu {
namespace {

std::string extension_of(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    return ext.empty() ? "no extension" : ext;
}

/// The format to read `bytes` as, refusing names that promise a different binary format.
SourceFormat decide_format(const std::filesystem::path& path, std::string_view bytes) {
    const SniffedFormat sniffed = sniff_format(bytes.substr(0, 4096), bytes);
    const auto named = format_from_extension(path);
    if (sniffed.encrypted_ooxml) {
        throw SourceError(
            "password-protected (encrypted) Word document; save a copy without "
            "the password");
    }
    if (sniffed.zip_without_word_document) {
        throw SourceError(named == SourceFormat::Docx
                              ? "damaged DOCX: the ZIP holds no word/document.xml"
                              : "a ZIP archive, not a document (unpack it and index its files)");
    }
    if (!sniffed.format) {
        // No magic number: text, unless the name promises a binary format.
        if (named && *named != SourceFormat::Text && *named != SourceFormat::Html) {
            throw SourceError("not a " + std::string(format_name(*named)) +
                              " file: it does not start like one (damaged, truncated at the "
                              "start, or misnamed)");
        }
        return named.value_or(SourceFormat::Text);
    }
    const SourceFormat content = *sniffed.format;
    const bool named_as_text = named == SourceFormat::Text || named == SourceFormat::Html;
    if (named && *named != content && !(content == SourceFormat::Html && named_as_text)) {
        throw SourceError("misnamed: the content is " + std::string(format_name(content)) +
                          " but the name says " + extension_of(path) + "; rename it");
    }
    return content;
}

/// Text that came out as mojibake of a legacy font is repaired, or flagged when it is meant to be
/// Vietnamese (French, or a list of foreign names, reads badly as Vietnamese too).
void check_mojibake(Extraction& e) {
    const SyllableStats stats = e.syllables ? *e.syllables : vietnamese_syllable_stats(e.text);
    if (stats.judged < kMinJudgedWords || stats.ratio() >= kMojibakeBelow) return;
    if (auto repaired = repair_legacy_mojibake(e.text)) {
        e.text = std::move(repaired->text);
        e.encoding = std::string(encoding_name(repaired->encoding)) + " (legacy font, detected)";
        e.syllables = repaired->syllables;
        return;
    }
    if (!meant_as_vietnamese(e.text)) return;
    e.mojibake = true;
    e.warnings.push_back("text looks like mojibake: only " +
                         std::to_string(static_cast<int>(stats.ratio() * 100)) +
                         "% of accented words are Vietnamese syllables");
}

}  // namespace

Extraction extract_source(const std::filesystem::path& path, std::string_view bytes,
                          const ExtractionOptions& options) {
    check_source_size(bytes.size(), options.max_bytes);
    Extraction e;
    switch (decide_format(path, bytes)) {
        case SourceFormat::Text:
            e = extract_plain_text(bytes);
            break;
        case SourceFormat::Html:
            e = extract_html(bytes);
            break;
        case SourceFormat::Docx:
            e = extract_docx(bytes);
            break;
        case SourceFormat::Doc:
            e = extract_doc(path, options);
            break;
        case SourceFormat::Pdf:
            e = extract_pdf(bytes, options);
            break;
        case SourceFormat::Image:
            e = extract_image(bytes, options);
            break;
    }
    if (e.text.size() > kMaxTextBytes) {
        const double mib = static_cast<double>(e.text.size()) / (1 << 20);
        e.text.resize(utf8::cut(e.text, kMaxTextBytes).size());
        char warning[160];
        std::snprintf(warning, sizeof warning,
                      "text cut at %zu MiB of %.1f MiB extracted: the rest is not searchable",
                      kMaxTextBytes >> 20, mib);
        e.warnings.emplace_back(warning);
    }
    check_mojibake(e);
    if (const auto more = following_documents(e.text); !more.empty()) {
        e.warnings.push_back("the file holds " + std::to_string(more.size() + 1) +
                             " documents (the next begins \"" + more.front() +
                             "\"); the fields are the first one's");
    }
    // A BOM alone, or NBSPs and zero-width spaces, show nothing either.
    const bool blank = !has_visible_text(e.text);
    if (blank) {
        if (e.format == SourceFormat::Pdf && options.ocr == OcrMode::Never && e.pages > 0) {
            throw SourceError("no text layer (a scan?) and --ocr never");
        }
        throw SourceError(e.format == SourceFormat::Text ? "empty file (whitespace only)"
                                                         : "no text in the document");
    }
    return e;
}

Extraction extract_file(const std::filesystem::path& path, const ExtractionOptions& options) {
    return extract_source(path, read_source_bytes(path, options.max_bytes), options);
}

}  // namespace tracuu
