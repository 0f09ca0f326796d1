// The per-format readers behind extract_source() (source_extraction.hpp). Each throws
// SourceError with a reason a person can act on.
#pragma once

#include <filesystem>
#include <string_view>

#include "source_extraction.hpp"

namespace tracuu {

/// Plain text in UTF-8, UTF-16 (with BOM), Windows-1258, TCVN3 or VNI.
Extraction extract_plain_text(std::string_view bytes);

/// HTML: the text without markup, scripts and styles; blocks and table cells on their own lines.
Extraction extract_html(std::string_view bytes);

/// DOCX: body text in reading order (tables cell by cell, text boxes), footnotes and endnotes
/// after the body; runs in TCVN3 (.VnTime...) or VNI fonts converted to Unicode.
Extraction extract_docx(std::string_view bytes);

/// PDF: each page's text layer, lines rebuilt as a reader sees them; pages without text read by
/// OCR (options.ocr).
Extraction extract_pdf(std::string_view bytes, const ExtractionOptions& options);

/// PNG, JPEG or TIFF: OCR.
Extraction extract_image(std::string_view bytes, const ExtractionOptions& options);

/// Word 97-2003 .doc through antiword (or catdoc), run with options.converter_timeout.
Extraction extract_doc(const std::filesystem::path& path, const ExtractionOptions& options);

}  // namespace tracuu
