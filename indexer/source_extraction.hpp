// One file in, UTF-8 text out, with what was learnt on the way: the format, the encoding, how
// much came from OCR, warnings. The CLI, the tests and the benchmark all call extract_source().
// Each format lives in its own file (extract_*.cpp, ocr.cpp); this picks one by content.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/vietnamese_syllables.hpp"
#include "index/source_format.hpp"
#include "source_files.hpp"

namespace tracuu {

class OcrPool;

enum class OcrMode {
    Auto,    ///< pages whose text layer is not their text (none, a signature box only, no
             ///< Vietnamese marks) are read by OCR
    Always,  ///< every page is read by OCR, text layer or not
    Never,   ///< no OCR: a scan gives no text (and fails as empty)
};

/// Text past this much (extracted, in bytes) is cut, with a warning: analysing it costs about 80
/// times its size in memory (a 60 MB text needed 4.8 GB), and no directive is that long.
inline constexpr std::size_t kMaxTextBytes = 16u << 20;

struct ExtractionOptions {
    OcrMode ocr = OcrMode::Auto;
    /// Files larger than this are refused before being read.
    uint64_t max_bytes = kMaxSourceBytes;
    /// A converter subprocess (antiword/catdoc for .doc) still running after this is killed.
    std::chrono::milliseconds converter_timeout{std::chrono::seconds(60)};
    /// Tesseract language(s) for OCR.
    std::string ocr_language = "vie";
    /// Resolution pages are rendered at for OCR.
    int ocr_dpi = 300;
    /// Threads pages are read on, several at once (`--jobs`); null: one by one, in the calling
    /// thread.
    std::shared_ptr<OcrPool> ocr_pool;
};

struct Extraction {
    std::string text;  ///< UTF-8, not yet normalised
    SourceFormat format = SourceFormat::Text;
    std::string encoding = "UTF-8";  ///< `UTF-8`, `TCVN3`, `VNI (font VNI-Times)`, ...
    unsigned pages = 0;              ///< PDF pages (1 for an image)
    unsigned ocr_pages = 0;          ///< of those, read by OCR
    std::size_t ocr_chars = 0;       ///< characters that came from OCR
    std::vector<std::string> warnings;
    /// What read the file (`poppler`, `libzip+pugixml`, `antiword`, `tesseract`...).
    std::string extractor;
    /// How Vietnamese `text` reads, when the extractor has judged it already (plain text).
    std::optional<SyllableStats> syllables;
    /// The text still looks like mojibake after extraction and any repair (a warning says so).
    bool mojibake = false;
};

/// Turns the bytes of `path` (already read) into text. The content decides the format; a file
/// whose name promises another binary format (a PDF named .docx) is refused as misnamed. Throws
/// SourceError with the reason (password-protected, truncated, no text, unknown encoding...).
/// `path` is used for converters that need a file and for the extension check.
Extraction extract_source(const std::filesystem::path& path, std::string_view bytes,
                          const ExtractionOptions& options);

/// Reads `path` (refusing one over options.max_bytes) and extracts it.
Extraction extract_file(const std::filesystem::path& path, const ExtractionOptions& options);

}  // namespace tracuu
