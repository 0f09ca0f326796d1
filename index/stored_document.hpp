// The data stored with each Xapian document, three parts separated by newlines:
//   1. the document as a search result shows it: the members of a JSON object without its
//      braces (id, path, title, the parsed fields without the citations, their count). Rendered
//      once when indexing, so a page of results copies ten lines instead of parsing ten objects;
//   2. the rest of the metadata as one JSON object (bytes, the citations, extraction);
//   3. the text.
// JSON escapes newlines inside strings, so the first two newlines end the two lines.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "document_record.hpp"

namespace tracuu {

/// Encodes a record as document data.
std::string encode_stored_document(const DocumentRecord& record);

/// The three parts, unparsed; each points into the data string it was split from.
struct StoredParts {
    std::string_view result;  ///< JSON object members, without braces
    std::string_view rest;    ///< one JSON object
    std::string_view text;
};

/// Splits document data; throws std::runtime_error on data not written by
/// encode_stored_document.
StoredParts split_stored_document(std::string_view data);

struct StoredDocument {
    nlohmann::json meta;    ///< id, path, title, bytes, fields, extraction (format, encoding...)
    std::string_view text;  ///< points into the data string it was decoded from
};

/// Decodes document data; throws std::runtime_error on data not written by encode_stored_document.
StoredDocument decode_stored_document(std::string_view data);

}  // namespace tracuu
