#include "status_table.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "citations_lookup.hpp"
#include "index/schema.hpp"
#include "index/stored_document.hpp"

namespace tracuu {
namespace {

// Acting documents of each relation a card names ("replaced by X and N others": the document
// page lists them).
constexpr std::size_t kCardEvidence = 10;

/// What a result card shows of a status: the value and who acts on the document (no sentences:
/// the document page has them).
nlohmann::json card_status(const nlohmann::json& status) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& e : status.value("evidence", nlohmann::json::array())) {
        nlohmann::json item = {{"id", e.value("id", "")}, {"relation", e.value("relation", "")}};
        for (const char* name : {"number", "title", "relation_part", "pending", "effective_from"}) {
            if (e.contains(name)) item[name] = e[name];
        }
        evidence.push_back(std::move(item));
    }
    nlohmann::json card = {{"value", status.value("value", "unknown")},
                           {"evidence", std::move(evidence)}};
    if (status.contains("evidence_total")) card["evidence_total"] = status["evidence_total"];
    return card;
}

/// The fields of `doc` that document_status reads, or nothing for data tracuu did not write. Only
/// the few documents acted on are read, once per revision: nothing is kept between revisions.
std::optional<nlohmann::json> own_fields(const Xapian::Document& doc) {
    const std::string data = doc.get_data();
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
    nlohmann::json fields = nlohmann::json::object();
    const nlohmann::json all = line.value("fields", nlohmann::json::object());
    for (const char* name : {"number", "date", "effective_from", "effective_until"}) {
        if (all.is_object() && all.contains(name) && all[name].is_object() &&
            all[name].contains("value"))
            fields[name] = {{"value", all[name]["value"]}};
    }
    return fields;
}

}  // namespace

const std::vector<std::string_view>& status_names() {
    static const std::vector<std::string_view> names = {
        "in_force", "not_yet_in_force", "amended", "partly_repealed",
        "replaced", "repealed",         "expired", "unknown"};
    return names;
}

namespace {

uint8_t status_index(std::string_view name) {
    const auto& names = status_names();
    const auto found = std::find(names.begin(), names.end(), name);
    return static_cast<uint8_t>(found == names.end() ? names.size() - 1 : found - names.begin());
}

/// The indexed documents whose own number some indexed document replaces, repeals or amends:
/// those carrying the own-number term of a key a relation term names.
std::vector<Xapian::docid> documents_acted_on(const Xapian::Database& db) {
    std::vector<Xapian::docid> out;
    for (std::string_view relation : status_relations()) {
        const std::string prefix = schema::relation_term(relation) + '/';
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            const std::string own = schema::term(schema::kOwnNumber, (*t).substr(prefix.size()));
            for (auto p = db.postlist_begin(own); p != db.postlist_end(own); ++p) out.push_back(*p);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// `FROM|UNTIL` of kSlotForce, split.
std::pair<std::string_view, std::string_view> force_dates(std::string_view value) {
    const auto bar = value.find('|');
    if (bar == std::string_view::npos) return {value, {}};
    return {value.substr(0, bar), value.substr(bar + 1)};
}

/// `"status":{...}` of a result line.
std::string status_member(const nlohmann::json& status) {
    return "\"status\":" +
           card_status(status).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Xapian::Query id_terms(const std::vector<std::string>& ids) {
    std::vector<Xapian::Query> terms;
    terms.reserve(ids.size());
    for (const auto& id : ids) terms.emplace_back(schema::term(schema::kId, id));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

StatusTable::StatusTable(const Xapian::Database& db) : as_of_(status_day()) {
    for (Xapian::docid docid : documents_acted_on(db)) {
        const Xapian::Document doc = db.get_document(docid);
        const std::string id = doc.get_value(schema::kSlotId);
        if (id.empty()) continue;  // not a tracuu document: no status
        const auto fields = own_fields(doc);
        if (!fields) continue;
        const nlohmann::json status = document_status(db, docid, *fields, kCardEvidence);
        Entry entry;
        entry.status = status_index(status.value("value", "unknown"));
        entry.own = own_status(doc.get_value(schema::kSlotForce));
        entry.member = status_member(status);
        acted_on_.insert_or_assign(id, std::move(entry));
    }
    for (const auto& [id, entry] : acted_on_) {
        if (entry.status != entry.own) changed_.push_back(id);
    }
    std::sort(changed_.begin(), changed_.end());
}

uint8_t StatusTable::own_status(std::string_view force_value) const {
    const auto [from, until] = force_dates(force_value);
    return status_index(own_force_status(from, until, as_of_));
}

std::string StatusTable::result_member(const Xapian::Document& doc) const {
    const std::string id = doc.get_value(schema::kSlotId);
    if (id.empty()) return {};
    if (auto it = acted_on_.find(id); it != acted_on_.end()) return it->second.member;
    const std::string_view own = status_names()[own_status(doc.get_value(schema::kSlotForce))];
    return status_member({{"value", own}});
}

Xapian::Query StatusTable::filter(const std::vector<std::size_t>& statuses) const {
    using Q = Xapian::Query;
    auto asked = [&](std::string_view name) {
        return std::find(statuses.begin(), statuses.end(), status_index(name)) != statuses.end();
    };
    // own_force_status as value ranges (dates are ISO, so they sort as they compare).
    const std::string& today = as_of_;
    const Q has_from(Q::OP_VALUE_GE, schema::kSlotEffectiveFrom, "0");
    const Q has_until(Q::OP_VALUE_GE, schema::kSlotEffectiveUntil, "0");
    const Q expired(Q::OP_AND_NOT, has_until,
                    Q(Q::OP_VALUE_GE, schema::kSlotEffectiveUntil, today));
    const Q from_passed(Q::OP_VALUE_RANGE, schema::kSlotEffectiveFrom, "0", today);
    std::vector<Q> own;
    if (asked("expired")) own.push_back(expired);
    if (asked("not_yet_in_force"))
        own.emplace_back(Q::OP_AND_NOT, Q(Q::OP_AND_NOT, has_from, from_passed), expired);
    if (asked("in_force")) own.emplace_back(Q::OP_AND_NOT, from_passed, expired);
    if (asked("unknown"))
        own.emplace_back(Q::OP_AND_NOT, Q(Q::OP_AND_NOT, Q(Q::MatchAll), has_from), expired);
    // The documents acted on whose status is not their own dates' are taken out of those, and
    // added to theirs.
    std::vector<std::string> wanted;
    for (const auto& id : changed_) {
        const uint8_t status = acted_on_.at(id).status;
        if (std::find(statuses.begin(), statuses.end(), status) != statuses.end())
            wanted.push_back(id);
    }
    Q by_dates(Q::OP_OR, own.begin(), own.end());
    if (!changed_.empty() && !by_dates.empty())
        by_dates = Q(Q::OP_AND_NOT, by_dates, id_terms(changed_));
    if (wanted.empty()) return by_dates.empty() ? Q::MatchNothing : by_dates;
    return by_dates.empty() ? id_terms(wanted) : Q(Q::OP_OR, by_dates, id_terms(wanted));
}

namespace {

/// Names the revision of `db`: uuid and revision when it is one local database. Xapian gives no
/// revision for several shards or remote ones: then what a commit changes (documents, their
/// length, the documents acting on others).
std::string revision_name(const Xapian::Database& db) {
    try {
        return db.get_uuid() + "@" + std::to_string(db.get_revision());
    } catch (const Xapian::Error&) {
    }
    std::string name = db.get_uuid();
    name += '/' + std::to_string(db.get_doccount()) + '/' + std::to_string(db.get_lastdocid()) +
            '/' + std::to_string(db.get_total_length());
    for (std::string_view relation : status_relations())
        name += '/' + std::to_string(db.get_termfreq(schema::relation_term(relation)));
    return name;
}

}  // namespace

StatusTablePtr status_table(const Xapian::Database& db) {
    struct Kept {
        std::string revision;
        StatusTablePtr table;
    };
    static std::mutex mutex;
    static std::vector<Kept> kept;  // the last revisions, newest last
    static constexpr std::size_t kMaxKept = 4;
    const std::string revision = revision_name(db);
    const std::string today = status_day();
    {
        std::lock_guard lock(mutex);
        for (const Kept& k : kept) {
            if (k.revision == revision && k.table->as_of() == today) return k.table;
        }
    }
    // Read outside the lock: another revision's searches need not wait for this one.
    auto table = std::make_shared<const StatusTable>(db);
    std::lock_guard lock(mutex);
    std::erase_if(kept, [&](const Kept& k) { return k.revision == revision; });
    if (kept.size() >= kMaxKept) kept.erase(kept.begin());
    kept.push_back({revision, table});
    return table;
}

StatusFacet::StatusFacet(StatusTablePtr table)
    : table_(std::move(table)), pairs_(schema::kSlotForce) {}

nlohmann::json StatusFacet::to_json(const Xapian::Database& db,
                                    const Xapian::Query& matching) const {
    std::vector<Xapian::doccount> counts(status_names().size(), 0);
    Xapian::doccount dated = 0;
    for (auto it = pairs_.values_begin(); it != pairs_.values_end(); ++it) {
        counts[table_->own_status(*it)] += it.get_termfreq();
        dated += it.get_termfreq();
    }
    counts[status_index("unknown")] += pairs_.get_total() - dated;
    // The matches acted on, moved from their own dates' status to theirs.
    const auto& changed = table_->changed_;
    if (!changed.empty() && pairs_.get_total() > 0) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching, id_terms(changed)));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy ids(schema::kSlotId);
        enquire.add_matchspy(&ids);
        enquire.get_mset(0, 0, static_cast<Xapian::doccount>(changed.size()));
        for (auto it = ids.values_begin(); it != ids.values_end(); ++it) {
            const auto found = table_->acted_on_.find(*it);
            if (found == table_->acted_on_.end()) continue;
            const auto& entry = found->second;
            counts[entry.own] -= std::min(counts[entry.own], it.get_termfreq());
            counts[entry.status] += it.get_termfreq();
        }
    }
    std::vector<std::size_t> seen;
    for (std::size_t s = 0; s < counts.size(); ++s) {
        if (counts[s] > 0) seen.push_back(s);
    }
    std::stable_sort(seen.begin(), seen.end(),
                     [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t s : seen)
        out.push_back({{"value", std::string(status_names()[s])}, {"count", counts[s]}});
    return out;
}

}  // namespace tracuu
