#include "citations_lookup.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "analyzers/code_tables.hpp"
#include "analyzers/document_number.hpp"
#include "analyzers/utf8.hpp"
#include "analyzers/word_forms.hpp"
#include "index/directive_terms.hpp"
#include "index/schema.hpp"
#include "index/stored_citations.hpp"
#include "index/stored_document.hpp"
#include "number_query.hpp"

namespace tracuu {
namespace {

// Citing documents read to count them (the total is exact up to this many); a document's own
// page lists the newest of them; documents carrying one number listed at most.
constexpr std::size_t kMaxCitingScanned = 10000;
constexpr std::size_t kMaxCitingListed = 200;
constexpr std::size_t kMaxNumbered = 100;

/// A code as its table writes it (`sgddt` -> SGDĐT), else in capitals.
std::string official_code(const std::string& code) {
    const std::string folded = fold(code);
    for (const auto* table : {&document_type_codes(), &issuer_codes()}) {
        for (const auto& e : *table) {
            if (e.folded_code == folded) return e.code;
        }
    }
    std::string upper = code;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return upper;
}

/// How the number was read, in words a reader knows: `Nghị định 168/2024`, `2265/SGDĐT-VP`.
std::string understood(const DocumentNumber& n) {
    std::string shown = n.numeral;
    if (!n.year.empty()) shown += "/" + n.year;
    std::size_t first_code = 0;
    std::string type_name;
    const std::string type_code = !n.type.empty() ? n.type : (n.codes.empty() ? "" : n.codes[0]);
    if (const CodeEntry* entry = type_code.empty() ? nullptr : find_type_code(type_code)) {
        type_name = entry->name;
        if (n.type.empty()) first_code = 1;
        // Types carry their own code in the number only with an issuer after it.
        if (n.type.empty() && n.codes.size() > 1) first_code = 0;
    }
    for (std::size_t i = first_code; i < n.codes.size(); ++i) {
        shown += (i == first_code ? "/" : "-");
        shown += official_code(n.codes[i]);
    }
    if (type_name.empty()) return shown;
    type_name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(type_name[0])));
    return type_name + " " + shown;
}

nlohmann::json meta_of(const Xapian::Database& db, Xapian::docid docid) {
    const std::string data = db.get_document(docid).get_data();
    return decode_stored_document(data).meta;
}

/// The value of the parsed field `name` in `fields` (a stored document's), "" when it has none.
std::string field_value(const nlohmann::json& fields, const char* name) {
    if (!fields.is_object() || !fields.contains(name) || !fields[name].is_object()) return {};
    const auto& v = fields[name]["value"];
    return v.is_string() ? v.get<std::string>() : std::string();
}

StatusFields status_fields_of(const nlohmann::json& fields) {
    return {field_value(fields, "number"), field_value(fields, "date"),
            field_value(fields, "effective_from"), field_value(fields, "effective_until")};
}

/// Summary of an indexed document for link lists.
DocumentSummary summary(const nlohmann::json& meta) {
    DocumentSummary s{meta.value("id", ""), meta.value("title", ""), {}, {}, {}, {}};
    const auto& fields = meta.value("fields", nlohmann::json::object());
    for (auto [name, value] : {std::pair{"number", &s.number},
                               {"type", &s.type},
                               {"issuer", &s.issuer},
                               {"date", &s.date}}) {
        if (fields.contains(name)) *value = field_value(fields, name);
    }
    return s;
}

/// The documents matching `query`, newest first, at most `limit`.
std::vector<Xapian::docid> postings(const Xapian::Database& db, const Xapian::Query& query,
                                    std::size_t limit) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    std::vector<Xapian::docid> ids;
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    return ids;
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

/// The citation in a citing document's fields that one of `readings` names.
const nlohmann::json* find_citation(const nlohmann::json& meta,
                                    const std::vector<DocumentNumber>& readings) {
    if (!meta.contains("fields") || !meta["fields"].contains("citations")) return nullptr;
    for (const auto& c :
         meta["fields"]["citations"]) {  // by reference: the result points into meta
        const auto parsed = parse_document_number(c.value("number", ""));
        for (const auto& n : readings) {
            if (c.value("key", "") == n.key() || (parsed && n.names(*parsed))) return &c;
        }
    }
    return nullptr;
}

/// A citing document as listed: its summary, the citing sentence, the number as cited.
CitingDocument citing_entry(const StoredDocument& citing, const nlohmann::json& citation) {
    CitingDocument entry;
    entry.document = summary(citing.meta);
    nlohmann::json with_context = nlohmann::json::array({citation});
    add_citation_contexts(with_context, citing.text);
    entry.context = with_context[0].value("context", "");
    entry.cited_as = citation.value("number", "");
    if (citation.contains("issuer")) entry.cited_issuer = citation["issuer"].get<std::string>();
    entry.relation = citation.value("relation", "mentions");
    if (citation.contains("relation_part"))
        entry.relation_part = citation["relation_part"].get<std::string>();
    if (with_context[0].contains("relation_words"))
        entry.relation_words = with_context[0]["relation_words"].get<std::string>();
    return entry;
}

/// Indexed documents citing what `readings` name, newest first: the page [offset, offset +
/// limit) of them and how many there are. With `cited` (the indexed document of that number),
/// only those whose citation is compatible with its issuer.
struct CitingPage {
    std::vector<CitingDocument> entries;
    std::size_t total = 0;
    bool exact = true;
    /// Citing documents by relation, of all read (not only the page, nor only `relation`).
    std::map<std::string, std::size_t> relations;
};

CitingPage citing_documents(const Xapian::Database& db, const std::vector<DocumentNumber>& readings,
                            Xapian::docid cited, std::size_t offset, std::size_t limit,
                            const std::string& relation = {}) {
    CitingPage page;
    const auto ids = postings(db, readings_query(NumberRole::Cited, readings), kMaxCitingScanned);
    page.exact = ids.size() < kMaxCitingScanned;
    for (Xapian::docid id : ids) {
        if (id == cited) continue;
        const std::string data = db.get_document(id).get_data();
        const StoredDocument citing = decode_stored_document(data);
        const nlohmann::json* citation = find_citation(citing.meta, readings);
        if (citation == nullptr) continue;  // matched a looser key than it cites
        if (cited != 0 && !issuer_compatible(db, cited, *citation)) continue;
        const std::string related = citation->value("relation", "mentions");
        ++page.relations[related];
        if (!relation.empty() && related != relation) continue;
        if (page.total >= offset && page.entries.size() < limit)
            page.entries.push_back(citing_entry(citing, *citation));
        ++page.total;
    }
    return page;
}

/// The indexed documents whose own number one of `readings` names (exact matches first), those
/// matching the citation's issuer.
std::vector<Xapian::docid> documents_numbered(const Xapian::Database& db,
                                              const std::vector<DocumentNumber>& readings,
                                              const nlohmann::json* citation,
                                              std::size_t limit = kMaxNumbered) {
    std::vector<Xapian::Query> exact;
    for (const auto& n : readings) exact.push_back(exact_number_query(NumberRole::Own, n));
    const Xapian::Query exact_any(Xapian::Query::OP_OR, exact.begin(), exact.end());
    std::vector<Xapian::docid> out;
    for (const auto& query : {exact_any, readings_query(NumberRole::Own, readings)}) {
        for (Xapian::docid id : postings(db, query, limit)) {
            if (std::find(out.begin(), out.end(), id) != out.end()) continue;
            if (citation == nullptr || issuer_compatible(db, id, *citation)) out.push_back(id);
        }
    }
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace

std::string status_day() {
    const auto today = std::chrono::year_month_day{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(today.year()),
                  static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
    return out;
}

const std::vector<std::string_view>& status_relations() {
    static const std::vector<std::string_view> names = {"replaces", "repeals", "amends"};
    return names;
}

std::string_view own_force_status(std::string_view from, std::string_view until,
                                  std::string_view today) {
    if (!until.empty() && until < today) return "expired";
    if (!from.empty() && from > today) return "not_yet_in_force";
    if (!from.empty()) return "in_force";
    // It says nothing of its force (a công văn, a kế hoạch): not said to be in force either.
    return "unknown";
}

std::optional<StatusFields> status_fields(std::string_view data) {
    nlohmann::json line;
    try {
        // The result line holds the parsed fields: no need to parse the rest.
        const StoredParts parts = split_stored_document(data);
        std::string members = "{";
        members += parts.result;
        members += '}';
        line = nlohmann::json::parse(members);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return status_fields_of(line.value("fields", nlohmann::json::object()));
}

ForceStatus document_status(const Xapian::Database& db, Xapian::docid docid,
                            const StatusFields& fields, std::size_t max_evidence,
                            const std::unordered_set<std::string>* relation_terms) {
    const std::string today = status_day();
    const std::string& own_date = fields.date;
    ForceStatus status;
    std::map<std::string, std::size_t> found;  // relation (repeals in part: "partly") -> count
    Xapian::doccount acting_total = 0;
    // The issuer terms of this document, read once: a citation naming its issuer must name this
    // one's (Xapian reads a whole term list per look-up, over the network for a remote shard).
    std::optional<std::set<std::string>> own_issuer;
    auto compatible = [&](const nlohmann::json& citation) {
        const std::string issuer = citation.value("issuer", "");
        if (issuer.empty()) return true;
        if (!own_issuer) {
            own_issuer.emplace();
            const std::string prefix(schema::kIssuer);
            Xapian::TermIterator t = db.termlist_begin(docid);
            for (t.skip_to(prefix); t != db.termlist_end(docid) && (*t).starts_with(prefix); ++t)
                own_issuer->insert(*t);
        }
        for (const auto& term : issuer_terms(issuer)) {
            if (!own_issuer->count(term)) return false;
        }
        return true;
    };
    if (auto number = parse_document_number(fields.number)) {
        number->complete = true;
        // Strongest relation first, each read newest first up to `max_evidence` documents: a
        // law amended by thousands is read as far as the status and its first witnesses need.
        for (std::string_view relation : status_relations()) {
            std::vector<Xapian::Query> terms;
            for (const auto& key : number->exact_keys()) {
                // Most documents are acted on by none: no query for them.
                std::string term = schema::relation_term(relation, key);
                if (relation_terms ? relation_terms->count(term) > 0 : db.term_exists(term))
                    terms.emplace_back(std::move(term));
            }
            if (terms.empty()) continue;
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
            const Xapian::MSet acting =
                enquire.get_mset(0, static_cast<Xapian::doccount>(max_evidence));
            acting.fetch();  // one request for all (remote shards)
            acting_total += acting.get_matches_estimated();
            for (auto it = acting.begin(); it != acting.end(); ++it) {
                if (*it == docid) continue;
                const std::string data = it.get_document().get_data();
                const StoredDocument citing = decode_stored_document(data);
                const nlohmann::json* citation = find_citation(citing.meta, {*number});
                if (citation == nullptr || !compatible(*citation)) continue;
                if (citation->value("relation", "mentions") != relation) continue;
                const nlohmann::json citing_fields = citing.meta.value("fields", nlohmann::json());
                // An earlier document does not replace a later one: the number is another's.
                const std::string citing_date = field_value(citing_fields, "date");
                if (!own_date.empty() && !citing_date.empty() && citing_date < own_date) continue;
                StatusEvidence entry;
                entry.citing = citing_entry(citing, *citation);
                // A replacing document not in force yet changes nothing yet.
                const std::string starts = field_value(citing_fields, "effective_from");
                if (!starts.empty() && starts > today) {
                    entry.pending = true;
                    entry.effective_from = starts;
                } else {
                    ++found[relation == "repeals" && citation->contains("relation_part")
                                ? "partly"
                                : std::string(relation)];
                }
                status.evidence.push_back(std::move(entry));
            }
        }
    }
    // More documents act on it than were read: how many there are, for "and N others".
    if (acting_total > status.evidence.size()) status.evidence_total = acting_total;
    const std::string_view own =
        own_force_status(fields.effective_from, fields.effective_until, today);
    if (found.count("replaces")) {
        status.value = "replaced";
    } else if (found.count("repeals")) {
        status.value = "repealed";
    } else if (own == "expired") {
        status.value = own;
    } else if (found.count("partly")) {
        status.value = "partly_repealed";
    } else if (found.count("amends")) {
        status.value = "amended";
    } else {
        status.value = own;
    }
    status.effective_from = fields.effective_from;
    status.effective_until = fields.effective_until;
    status.as_of = today;
    return status;
}

DocumentLinks document_links(const Xapian::Database& db, Xapian::docid docid,
                             std::string_view data) {
    DocumentLinks links;
    const nlohmann::json meta = decode_stored_document(data).meta;
    const nlohmann::json fields = meta.value("fields", nlohmann::json());
    if (fields.is_object() && fields.contains("citations")) {
        for (const auto& c : fields["citations"]) {
            auto& linked = links.cites.emplace_back();
            if (c.value("partial", false)) continue;
            auto number = parse_document_number(c.value("number", ""));
            if (!number) continue;
            number->complete = true;  // as the citing document wrote it: that number only
            auto ids = documents_numbered(db, {*number}, &c);
            std::erase(ids, docid);
            // Several documents share the number and the citation does not say whose: no link.
            if (ids.size() == 1) linked = summary(meta_of(db, ids.front()));
        }
    }
    if (fields.is_object() && fields.contains("number")) {
        if (auto number = parse_document_number(fields["number"].value("value", ""))) {
            number->complete = true;
            links.cited_by = citing_documents(db, {*number}, docid, 0, kMaxCitingListed).entries;
        }
    }
    links.status = document_status(db, docid, status_fields_of(fields));
    return links;
}

References find_references(const Xapian::Database& db, const std::string& text, std::size_t offset,
                           std::size_t limit, const std::string& relation) {
    if (!utf8::is_valid(text)) throw QueryError("number", "the number is not valid UTF-8");
    if (utf8::code_points(text) > kMaxNumberCharacters) {
        throw QueryError("number", "the number is longer than " +
                                       std::to_string(kMaxNumberCharacters) + " characters");
    }
    const auto readings = read_document_number(text);
    if (readings.empty() || readings.front().numeral.empty()) {
        throw QueryError(
            "number",
            "'" + text + "' is not a document number (e.g. 57-NQ/TW, 118/2025/NĐ-CP, cv 2265)");
    }
    const DocumentNumber& first = readings.front();
    References found;
    found.key = first.key();
    const auto own = documents_numbered(db, readings, nullptr);
    for (Xapian::docid id : own) found.documents.push_back(summary(meta_of(db, id)));
    CitingPage page =
        citing_documents(db, readings, own.size() == 1 ? own.front() : 0, offset, limit, relation);
    // Which number was understood: as the documents carrying it write it when they agree, else
    // as those citing it write it when they agree, else read off what was typed.
    auto agreed = [](const auto& entries, auto written_of) {
        std::string shown, key;
        for (const auto& e : entries) {
            const std::string written = written_of(e);
            const auto parsed = parse_document_number(written);
            if (!parsed) return std::string();
            if (key.empty()) {
                key = parsed->loose_key();
                shown = written;
            } else if (parsed->loose_key() != key) {
                return std::string();
            }
        }
        return shown;
    };
    std::string shown =
        agreed(found.documents, [](const DocumentSummary& d) { return d.number.value_or(""); });
    if (shown.empty() && own.empty()) {
        shown = agreed(page.entries, [](const CitingDocument& e) { return e.cited_as; });
    }
    found.understood = shown.empty() ? understood(first) : shown;
    found.complete = first.complete;
    found.total = page.total;
    found.total_exact = page.exact;
    for (std::string_view name : citation_relation_names()) {
        auto it = page.relations.find(std::string(name));
        if (it != page.relations.end()) found.relations.emplace_back(it->first, it->second);
    }
    found.cited_by = std::move(page.entries);
    return found;
}

}  // namespace tracuu
