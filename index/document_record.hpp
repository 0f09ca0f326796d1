// What the indexer knows about one document before it becomes a Xapian document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tracuu {

/// Where the text came from: the source file and how it was read (stored with the document).
struct SourceInfo {
    std::string format;    ///< `text`, `pdf`, `docx`... (empty: not known)
    std::string encoding;  ///< `UTF-8`, `TCVN3 (fonts .VnTime)`...
    std::string extractor;
    uint64_t bytes = 0;                 ///< file size
    int64_t mtime_ns = 0;               ///< file modification time
    std::string hash;                   ///< xxh3-64 of the file's bytes, 16 hex digits
    unsigned pages = 0;                 ///< PDF pages
    unsigned ocr_pages = 0;             ///< of those, read by OCR
    std::vector<std::string> warnings;  ///< e.g. the text looks like mojibake
    bool mojibake = false;
};

struct DocumentRecord {
    std::string id;    ///< stable id: the path relative to the index root, '/'-separated
    std::string path;  ///< same as id today; kept apart so ids may later differ from paths
    std::string text;  ///< normalised text (normalize_text + extraction cleanup): what is stored
    std::string title;
    /// The issuer as result lists name it (issuer_label.hpp); "" when unknown.
    std::string issuer_label;
    uint64_t source_bytes = 0;
    /// Parsed directive fields (see directive.hpp), stored as they will be served.
    nlohmann::json fields = nlohmann::json::object();
    SourceInfo source;
};

}  // namespace tracuu
