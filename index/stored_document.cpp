#include "stored_document.hpp"

#include <stdexcept>

namespace tracuu {
namespace {

/// JSON object text without its braces.
std::string members_of(const nlohmann::json& object) {
    std::string text = object.dump();
    return text.substr(1, text.size() - 2);
}

}  // namespace

std::string encode_stored_document(const DocumentRecord& record) {
    // What a result list shows: citation lists can be long, so their count stands in for them.
    nlohmann::json fields = record.fields.is_object() ? record.fields : nlohmann::json::object();
    nlohmann::json rest = {{"bytes", record.source_bytes}};
    nlohmann::json result = {{"id", record.id}, {"path", record.path}, {"title", record.title}};
    if (!record.issuer_label.empty()) result["issuer_label"] = record.issuer_label;
    if (fields.contains("citations")) {
        result["citations"] = fields["citations"].size();
        rest["citations"] = std::move(fields["citations"]);
        fields.erase("citations");
    }
    result["fields"] = std::move(fields);
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
        rest["extraction"] = std::move(source);
    }
    // dump() escapes newlines inside strings, so neither line holds one.
    std::string data = members_of(result);
    const std::string rest_line = rest.dump();
    data.reserve(data.size() + 2 + rest_line.size() + record.text.size());
    data.push_back('\n');
    data += rest_line;
    data.push_back('\n');
    data += record.text;
    return data;
}

StoredParts split_stored_document(std::string_view data) {
    const auto result_end = data.find('\n');
    const auto rest_end =
        result_end == std::string_view::npos ? result_end : data.find('\n', result_end + 1);
    if (rest_end == std::string_view::npos)
        throw std::runtime_error("document data without its result and metadata lines");
    return {data.substr(0, result_end), data.substr(result_end + 1, rest_end - result_end - 1),
            data.substr(rest_end + 1)};
}

StoredDocument decode_stored_document(std::string_view data) {
    const StoredParts parts = split_stored_document(data);
    StoredDocument doc;
    std::string result = "{";
    result += parts.result;
    result += '}';
    doc.meta = nlohmann::json::parse(result);
    nlohmann::json rest = nlohmann::json::parse(parts.rest);
    doc.meta.erase("citations");
    if (rest.contains("citations")) doc.meta["fields"]["citations"] = std::move(rest["citations"]);
    doc.meta["bytes"] = rest.value("bytes", nlohmann::json(0));
    if (rest.contains("extraction")) doc.meta["extraction"] = std::move(rest["extraction"]);
    doc.text = parts.text;
    return doc;
}

}  // namespace tracuu
