// What the indexer knows about one document before it becomes a Xapian document.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace tracuu {

struct DocumentRecord {
    std::string id;    ///< stable id: the path relative to the index root, '/'-separated
    std::string path;  ///< same as id today; kept apart so ids may later differ from paths
    std::string text;  ///< normalised text (normalize_text + extraction cleanup): what is stored
    std::string title;
    uint64_t source_bytes = 0;
    /// Parsed directive fields (see directive.hpp), stored as they will be served.
    nlohmann::json fields = nlohmann::json::object();
};

}  // namespace tracuu
