#include "outgoing_utf8.hpp"

#include "analyzers/utf8.hpp"

namespace tracuu {
namespace {

std::size_t repair(std::string& s) {
    return utf8::repair(s) > 0 ? 1 : 0;
}

std::size_t repair(std::optional<std::string>& s) {
    return s ? repair(*s) : 0;
}

std::size_t repair(nlohmann::json& j) {
    std::size_t n = 0;
    if (j.is_string()) return repair(j.get_ref<std::string&>());
    if (j.is_array()) {
        for (auto& item : j) n += repair(item);
    } else if (j.is_object()) {
        // Keys are ours (field names), values may come from the text.
        nlohmann::json repaired = nlohmann::json::object();
        bool keys_changed = false;
        for (auto& [key, value] : j.items()) {
            std::string k = key;
            if (repair(k) > 0) {
                keys_changed = true;
                ++n;
            }
            n += repair(value);
            repaired[k] = value;
        }
        if (keys_changed) j = std::move(repaired);
    }
    return n;
}

std::size_t repair(std::optional<Sourced<std::string>>& field) {
    return field ? repair(field->value) : 0;
}

std::size_t repair(Directive& d) {
    std::size_t n = 0;
    for (auto* f : {&d.number, &d.number_codes, &d.type, &d.issuer, &d.parent_issuer, &d.place,
                    &d.date, &d.year, &d.subject, &d.signer, &d.signer_authority, &d.signer_title})
        n += repair(*f);
    if (d.recipients) {
        for (auto& r : d.recipients->value) n += repair(r);
    }
    for (Citation& c : d.citations) {
        n += repair(c.type) + repair(c.number) + repair(c.key) + repair(c.date) + repair(c.issuer);
    }
    n += repair(d.title);
    return n;
}

}  // namespace

std::size_t repair_outgoing_utf8(PreparedDocument& document) {
    std::size_t n = 0;
    DocumentRecord& r = document.record;
    n += repair(r.id) + repair(r.path);
    // The analysis, the citation spans and the snippet checkpoints point into the text by byte
    // offset, and a replacement changes its length: a repaired text is prepared again.
    std::string text = r.text;
    if (repair(text) > 0) {
        ++n;
        SourceInfo source = std::move(r.source);
        const uint64_t bytes = r.source_bytes;
        document = prepare_document(r.id, text);
        document.record.source = std::move(source);
        document.record.source_bytes = bytes;
    }
    n += repair(r.title) + repair(r.fields);
    SourceInfo& s = r.source;
    n += repair(s.format) + repair(s.encoding) + repair(s.extractor) + repair(s.hash);
    for (auto& w : s.warnings) n += repair(w);
    n += repair(document.directive);
    return n;
}

}  // namespace tracuu
