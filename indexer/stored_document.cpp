#include "stored_document.hpp"

#include <stdexcept>

namespace tracuu {

std::string encode_stored_document(const DocumentRecord& record) {
    nlohmann::json meta = {{"id", record.id},
                           {"path", record.path},
                           {"title", record.title},
                           {"bytes", record.source_bytes},
                           {"fields", record.fields}};
    const SourceInfo& s = record.source;
    if (!s.format.empty()) {
        nlohmann::json source = {{"format", s.format},
                                 {"encoding", s.encoding},
                                 {"extractor", s.extractor},
                                 {"bytes", s.bytes},
                                 {"hash", s.hash}};
        if (s.pages > 0) source["pages"] = s.pages;
        if (s.ocr_pages > 0) source["ocr_pages"] = s.ocr_pages;
        if (!s.warnings.empty()) source["warnings"] = s.warnings;
        meta["extraction"] = std::move(source);
    }
    // dump() escapes newlines inside strings, so the first '\n' ends the metadata.
    std::string data = meta.dump();
    data.reserve(data.size() + 1 + record.text.size());
    data.push_back('\n');
    data += record.text;
    return data;
}

StoredDocument decode_stored_document(std::string_view data) {
    const auto eol = data.find('\n');
    if (eol == std::string_view::npos)
        throw std::runtime_error("document data without metadata line");
    StoredDocument doc;
    doc.meta = nlohmann::json::parse(data.substr(0, eol));
    doc.text = data.substr(eol + 1);
    return doc;
}

}  // namespace tracuu
