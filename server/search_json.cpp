#include "search_json.hpp"

#include <map>

#include "index/stored_citations.hpp"

namespace tracuu {
namespace {

nlohmann::json summary_json(const DocumentSummary& d) {
    nlohmann::json s = {{"id", d.id}, {"title", d.title}};
    for (const auto& [name, value] : {std::pair{"number", &d.number},
                                      {"type", &d.type},
                                      {"issuer", &d.issuer},
                                      {"date", &d.date}}) {
        if (*value) s[name] = **value;
    }
    return s;
}

nlohmann::json citing_json(const CitingDocument& c) {
    nlohmann::json entry = summary_json(c.document);
    entry["context"] = c.context;
    entry["cited_as"] = c.cited_as;
    if (c.cited_issuer) entry["cited_issuer"] = *c.cited_issuer;
    entry["relation"] = c.relation;
    if (c.relation_part) entry["relation_part"] = *c.relation_part;
    if (c.relation_words) entry["relation_words"] = *c.relation_words;
    return entry;
}

/// The document page's status: {value, evidence, evidence_total?, effective_from?,
/// effective_until?, as_of}, each piece of evidence a citing document with its sentence.
nlohmann::json status_json(const ForceStatus& status) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const StatusEvidence& e : status.evidence) {
        nlohmann::json entry = citing_json(e.citing);
        if (e.pending) {
            entry["pending"] = true;
            entry["effective_from"] = e.effective_from;
        }
        evidence.push_back(std::move(entry));
    }
    nlohmann::json out = {{"evidence", std::move(evidence)}};
    if (status.evidence_total) out["evidence_total"] = *status.evidence_total;
    out["value"] = status.value;
    if (!status.effective_from.empty()) out["effective_from"] = status.effective_from;
    if (!status.effective_until.empty()) out["effective_until"] = status.effective_until;
    out["as_of"] = status.as_of;
    return out;
}

/// A result card's status: the value and who acts on the document (no sentences: the document
/// page has them).
nlohmann::json card_status_json(const ForceStatus& status) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const StatusEvidence& e : status.evidence) {
        const CitingDocument& c = e.citing;
        nlohmann::json item = {{"id", c.document.id}, {"relation", c.relation}};
        if (c.document.number) item["number"] = *c.document.number;
        item["title"] = c.document.title;
        if (c.relation_part) item["relation_part"] = *c.relation_part;
        if (e.pending) {
            item["pending"] = true;
            item["effective_from"] = e.effective_from;
        }
        evidence.push_back(std::move(item));
    }
    nlohmann::json card = {{"value", status.value}, {"evidence", std::move(evidence)}};
    if (status.evidence_total) card["evidence_total"] = *status.evidence_total;
    return card;
}

/// Citations grouped by relation, strongest first: [{relation, count, items}].
nlohmann::json grouped(const nlohmann::json& entries, const char* number_member) {
    std::map<std::string, nlohmann::json> groups;
    for (const auto& e : entries) {
        const std::string relation = e.value("relation", "mentions");
        nlohmann::json item = {{"number", e.value(number_member, "")}};
        if (e.contains("relation_part")) item["part"] = e["relation_part"];
        if (e.contains("document") && e["document"].is_object()) {
            item["id"] = e["document"].value("id", "");
            item["title"] = e["document"].value("title", "");
        } else if (e.contains("id")) {
            item["id"] = e["id"];
            item["title"] = e.value("title", "");
            if (e.contains("number")) item["number"] = e["number"];
        }
        groups[relation].push_back(std::move(item));
    }
    nlohmann::json out = nlohmann::json::array();
    for (std::string_view relation : citation_relation_names()) {
        auto it = groups.find(std::string(relation));
        if (it == groups.end()) continue;
        out.push_back({{"relation", it->first},
                       {"count", it->second.size()},
                       {"items", std::move(it->second)}});
    }
    return out;
}

}  // namespace

std::string json_text(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json facets_json(const std::vector<Facet>& facets) {
    nlohmann::json out = nlohmann::json::object();
    for (const Facet& facet : facets) {
        nlohmann::json values = nlohmann::json::array();
        for (const FacetValue& v : facet.values)
            values.push_back({{"value", v.value}, {"count", v.count}});
        out[facet.name] = std::move(values);
    }
    return out;
}

std::string search_json(const SearchRequest& request, const SearchResult& result, double took_ms) {
    std::string out = "{";
    auto member = [&out](const char* name, const nlohmann::json& value) {
        out += '"';
        out += name;
        out += "\":";
        out += json_text(value);
        out += ',';
    };
    member("query", request.q);
    member("total", result.total);
    member("total_exact", result.total_exact);
    member("relaxed", result.relaxed);
    member("numbers_without_year", result.numbers_without_year);
    member("did_you_mean_searched", result.did_you_mean_searched);
    member("offset", request.offset);
    member("limit", request.limit);
    member("took_ms", took_ms);
    member("numbers", result.numbers);
    if (!result.interpreted_as.empty()) member("interpreted_as", result.interpreted_as);
    if (result.did_you_mean) member("did_you_mean", *result.did_you_mean);
    member("facets", facets_json(result.facets));
    member("facets_complete", result.facets_complete);
    out += "\"results\":[";
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        const SearchHit& hit = result.hits[i];
        if (i > 0) out += ',';
        out += "{\"snippet\":";
        out += json_text(hit.snippet);
        out += ",\"score\":";
        out += json_text(hit.score);
        if (!hit.result_members.empty()) {
            out += ',';
            out += hit.result_members;
        }
        if (hit.status) {
            out += ",\"status\":";
            out += json_text(card_status_json(*hit.status));
        }
        out += '}';
    }
    out += "]}";
    return out;
}

void add_document_links(nlohmann::json& body, const DocumentLinks& links) {
    auto& fields = body["fields"];
    nlohmann::json cites = nlohmann::json::array();
    if (fields.is_object() && fields.contains("citations")) {
        cites = std::move(fields["citations"]);
        fields.erase("citations");
        // links.cites follows the stored citations one for one.
        std::size_t i = 0;
        for (auto& c : cites) {
            if (i < links.cites.size() && links.cites[i])
                c["document"] = summary_json(*links.cites[i]);
            ++i;
        }
    }
    body["cites"] = std::move(cites);
    nlohmann::json cited_by = nlohmann::json::array();
    for (const CitingDocument& entry : links.cited_by) cited_by.push_back(citing_json(entry));
    body["cited_by"] = std::move(cited_by);

    body["status"] = status_json(links.status);
    const nlohmann::json& own = body["fields"];
    for (const char* name : {"effective_from", "effective_until"}) {
        if (own.is_object() && own.contains(name)) body[name] = own[name];
    }
    body["relations"] = {{"cites", grouped(body["cites"], "number")},
                         {"cited_by", grouped(body["cited_by"], "cited_as")}};
}

nlohmann::json references_json(const std::string& number, const References& found,
                               std::size_t offset, std::size_t limit, const std::string& relation) {
    nlohmann::json body = {{"number", number}, {"key", found.key}};
    nlohmann::json documents = nlohmann::json::array();
    for (const DocumentSummary& d : found.documents) documents.push_back(summary_json(d));
    // `document` when the number names one indexed document; `documents` lists every one that
    // carries it (local bodies reuse numbers; a number typed in part names all that have it).
    body["document"] = documents.size() == 1 ? documents.front() : nlohmann::json(nullptr);
    body["documents"] = std::move(documents);
    body["understood"] = found.understood;
    body["complete"] = found.complete;
    body["total"] = found.total;
    nlohmann::json relations = nlohmann::json::array();
    for (const auto& [name, count] : found.relations)
        relations.push_back({{"relation", name}, {"count", count}});
    body["relations"] = std::move(relations);
    if (!relation.empty()) body["relation"] = relation;
    body["total_exact"] = found.total_exact;
    body["offset"] = offset;
    body["limit"] = limit;
    nlohmann::json cited_by = nlohmann::json::array();
    for (const CitingDocument& entry : found.cited_by) cited_by.push_back(citing_json(entry));
    body["cited_by"] = std::move(cited_by);
    return body;
}

}  // namespace tracuu
