#include "citations_lookup.hpp"

#include "analyzers/document_number.hpp"
#include "analyzers/utf8.hpp"
#include "indexer/schema.hpp"
#include "indexer/stored_document.hpp"

namespace tracuu {
namespace {

constexpr std::size_t kMaxCitingDocuments = 200;

nlohmann::json meta_of(const Xapian::Database& db, Xapian::docid docid) {
    const std::string data = db.get_document(docid).get_data();
    return decode_stored_document(data).meta;
}

/// Summary of an indexed document for link lists.
nlohmann::json summary(const nlohmann::json& meta) {
    nlohmann::json s = {{"id", meta.value("id", "")}, {"title", meta.value("title", "")}};
    const auto& fields = meta.value("fields", nlohmann::json::object());
    for (const char* name : {"number", "type", "issuer", "date"}) {
        if (fields.contains(name)) s[name] = fields[name]["value"];
    }
    return s;
}

std::vector<Xapian::docid> postings(const Xapian::Database& db,
                                    const std::vector<std::string>& terms, std::size_t limit) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    std::vector<Xapian::docid> ids;
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    return ids;
}

std::vector<std::string> keys_of(const DocumentNumber& n, std::string_view prefix) {
    std::vector<std::string> terms{schema::term(prefix, n.key())};
    if (n.loose_key() != n.key()) terms.push_back(schema::term(prefix, n.loose_key()));
    return terms;
}

/// The citation of `key` in a citing document's fields, for its sentence.
nlohmann::json citing_entry(const nlohmann::json& meta, const DocumentNumber& number) {
    nlohmann::json entry = summary(meta);
    const auto& fields = meta.value("fields", nlohmann::json::object());
    for (const auto& c : fields.value("citations", nlohmann::json::array())) {
        const auto parsed = parse_document_number(c.value("number", ""));
        const std::string key = c.value("key", "");
        if (key == number.key() || (parsed && parsed->loose_key() == number.loose_key())) {
            entry["context"] = c.value("context", "");
            entry["cited_as"] = c.value("number", "");
            break;
        }
    }
    return entry;
}

std::vector<nlohmann::json> citing_documents(const Xapian::Database& db,
                                             const DocumentNumber& number, Xapian::docid except) {
    std::vector<nlohmann::json> out;
    for (Xapian::docid id : postings(db, keys_of(number, schema::kCites), kMaxCitingDocuments)) {
        if (id == except) continue;
        out.push_back(citing_entry(meta_of(db, id), number));
    }
    return out;
}

}  // namespace

void add_citation_links(const Xapian::Database& db, Xapian::docid docid, nlohmann::json& body) {
    auto& fields = body["fields"];
    if (!fields.is_object()) return;
    if (fields.contains("citations")) {
        for (auto& c : fields["citations"]) {
            if (c.value("partial", false)) continue;
            const auto number = parse_document_number(c.value("number", ""));
            if (!number) continue;
            const auto ids = postings(db, keys_of(*number, schema::kOwnNumber), 1);
            if (!ids.empty() && ids.front() != docid)
                c["document"] = summary(meta_of(db, ids.front()));
        }
    }
    nlohmann::json cited_by = nlohmann::json::array();
    if (fields.contains("number")) {
        if (const auto number = parse_document_number(fields["number"].value("value", ""))) {
            for (auto& entry : citing_documents(db, *number, docid))
                cited_by.push_back(std::move(entry));
        }
    }
    body["cited_by"] = cited_by;
}

ApiResponse references_response(const Xapian::Database& db, const std::string& text) {
    if (!utf8::is_valid(text) || text.size() > 200) {
        return error_response(400, "bad_parameter", "the number is not valid text", "number");
    }
    const auto number = parse_document_number(text);
    if (!number || number->numeral.empty()) {
        return error_response(
            400, "bad_parameter",
            "'" + text + "' is not a document number (e.g. 57-NQ/TW, 118/2025/NĐ-CP)", "number");
    }
    nlohmann::json body = {{"number", text}, {"key", number->key()}};
    const auto own = postings(db, keys_of(*number, schema::kOwnNumber), 1);
    body["document"] = own.empty() ? nlohmann::json(nullptr) : summary(meta_of(db, own.front()));
    nlohmann::json cited_by = nlohmann::json::array();
    for (auto& entry : citing_documents(db, *number, own.empty() ? 0 : own.front())) {
        cited_by.push_back(std::move(entry));
    }
    body["total"] = cited_by.size();
    body["cited_by"] = cited_by;
    return {200, std::move(body)};
}

}  // namespace tracuu
