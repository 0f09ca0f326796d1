// The data stored with each Xapian document: one line of JSON metadata, a newline, then the
// text. Search results read the metadata without parsing a possibly large text as JSON.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "document_record.hpp"

namespace tracuu {

/// Encodes a record as document data.
std::string encode_stored_document(const DocumentRecord& record);

struct StoredDocument {
    nlohmann::json meta;    ///< id, path, title, bytes, fields, extraction (format, encoding...)
    std::string_view text;  ///< points into the data string it was decoded from
};

/// Decodes document data; throws std::runtime_error on data not written by encode_stored_document.
StoredDocument decode_stored_document(std::string_view data);

}  // namespace tracuu
