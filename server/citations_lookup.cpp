#include "citations_lookup.hpp"

#include "analyzers/document_number.hpp"
#include "analyzers/utf8.hpp"
#include "indexer/directive.hpp"
#include "indexer/directive_terms.hpp"
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

/// True when the document carries every term.
bool has_all_terms(const Xapian::Database& db, Xapian::docid docid,
                   const std::vector<std::string>& terms) {
    for (const auto& term : terms) {
        Xapian::TermIterator t = db.termlist_begin(docid);
        t.skip_to(term);
        if (t == db.termlist_end(docid) || *t != term) return false;
    }
    return true;
}

/// Local bodies reuse numbers (every province has a `22/2025/NQ-HĐND`): when a citation names its
/// issuer, only a document of that issuer is the one cited.
bool issuer_compatible(const Xapian::Database& db, Xapian::docid docid,
                       const nlohmann::json& citation) {
    const std::string issuer = citation.value("issuer", "");
    return issuer.empty() || has_all_terms(db, docid, issuer_terms(issuer));
}

/// The citation of `number` in a citing document's fields.
const nlohmann::json* find_citation(const nlohmann::json& meta, const DocumentNumber& number) {
    if (!meta.contains("fields") || !meta["fields"].contains("citations")) return nullptr;
    for (const auto& c :
         meta["fields"]["citations"]) {  // by reference: the result points into meta
        const auto parsed = parse_document_number(c.value("number", ""));
        if (c.value("key", "") == number.key() ||
            (parsed && parsed->loose_key() == number.loose_key())) {
            return &c;
        }
    }
    return nullptr;
}

/// Indexed documents citing `number`; with `cited` (the indexed document of that number), only
/// those whose citation is compatible with its issuer.
std::vector<nlohmann::json> citing_documents(const Xapian::Database& db,
                                             const DocumentNumber& number, Xapian::docid cited) {
    std::vector<nlohmann::json> out;
    for (Xapian::docid id : postings(db, keys_of(number, schema::kCites), kMaxCitingDocuments)) {
        if (id == cited) continue;
        const std::string data = db.get_document(id).get_data();
        const StoredDocument citing = decode_stored_document(data);
        const nlohmann::json* citation = find_citation(citing.meta, number);
        if (citation == nullptr) continue;  // matched a looser key than it cites
        if (cited != 0 && !issuer_compatible(db, cited, *citation)) continue;
        nlohmann::json entry = summary(citing.meta);
        nlohmann::json with_context = nlohmann::json::array({*citation});
        add_citation_contexts(with_context, citing.text);
        entry["context"] = with_context[0].value("context", "");
        entry["cited_as"] = citation->value("number", "");
        if (citation->contains("issuer")) entry["cited_issuer"] = (*citation)["issuer"];
        out.push_back(std::move(entry));
    }
    return out;
}

/// The indexed documents whose own number is `number`, those matching the citation's issuer.
std::vector<Xapian::docid> documents_numbered(const Xapian::Database& db,
                                              const DocumentNumber& number,
                                              const nlohmann::json* citation) {
    std::vector<Xapian::docid> out;
    for (Xapian::docid id : postings(db, keys_of(number, schema::kOwnNumber), 20)) {
        if (citation == nullptr || issuer_compatible(db, id, *citation)) out.push_back(id);
    }
    return out;
}

}  // namespace

void add_citation_links(const Xapian::Database& db, Xapian::docid docid, nlohmann::json& body) {
    auto& fields = body["fields"];
    nlohmann::json cites = nlohmann::json::array();
    if (fields.is_object() && fields.contains("citations")) {
        cites = std::move(fields["citations"]);
        fields.erase("citations");
        for (auto& c : cites) {
            if (c.value("partial", false)) continue;
            const auto number = parse_document_number(c.value("number", ""));
            if (!number) continue;
            auto ids = documents_numbered(db, *number, &c);
            std::erase(ids, docid);
            // Several documents share the number and the citation does not say whose: no link.
            if (ids.size() == 1) c["document"] = summary(meta_of(db, ids.front()));
        }
    }
    body["cites"] = std::move(cites);
    nlohmann::json cited_by = nlohmann::json::array();
    if (fields.is_object() && fields.contains("number")) {
        if (const auto number = parse_document_number(fields["number"].value("value", ""))) {
            for (auto& entry : citing_documents(db, *number, docid))
                cited_by.push_back(std::move(entry));
        }
    }
    body["cited_by"] = std::move(cited_by);
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
    const auto own = documents_numbered(db, *number, nullptr);
    nlohmann::json documents = nlohmann::json::array();
    for (Xapian::docid id : own) documents.push_back(summary(meta_of(db, id)));
    // `document` when the number names one indexed document; `documents` lists every one that
    // carries it (local bodies reuse numbers).
    body["document"] = own.size() == 1 ? documents[0] : nlohmann::json(nullptr);
    body["documents"] = documents;
    nlohmann::json cited_by = nlohmann::json::array();
    for (auto& entry : citing_documents(db, *number, own.size() == 1 ? own.front() : 0)) {
        cited_by.push_back(std::move(entry));
    }
    body["total"] = cited_by.size();
    body["cited_by"] = cited_by;
    return {200, std::move(body)};
}

}  // namespace tracuu
