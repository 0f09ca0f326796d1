#include "status_table.hpp"

#include <algorithm>
#include <mutex>

#include "citations_lookup.hpp"
#include "indexer/schema.hpp"
#include "indexer/stored_document.hpp"
#include "value_table.hpp"

namespace tracuu {
namespace {

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
    return {{"value", status.value("value", "unknown")}, {"evidence", std::move(evidence)}};
}

}  // namespace

const std::vector<std::string_view>& status_names() {
    static const std::vector<std::string_view> names = {
        "in_force", "not_yet_in_force", "amended", "partly_repealed",
        "replaced", "repealed",         "expired", "unknown"};
    return names;
}

StatusTable::StatusTable(const Xapian::Database& db)
    : as_of_(status_day()), ids_(status_names().size()) {
    const auto& names = status_names();
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const std::string data = db.get_document(*it).get_data();
        nlohmann::json meta;
        try {
            // The result line holds the id and the parsed fields: no need to parse the rest.
            const StoredParts parts = split_stored_document(data);
            std::string line = "{";
            line += parts.result;
            line += '}';
            meta = nlohmann::json::parse(line);
        } catch (const std::exception&) {
            continue;  // not a tracuu document: no status
        }
        const std::string id = meta.value("id", "");
        if (id.empty()) continue;
        const nlohmann::json status =
            document_status(db, *it, meta.value("fields", nlohmann::json::object()));
        const auto found = std::find(names.begin(), names.end(), status.value("value", "unknown"));
        Entry entry;
        entry.status =
            static_cast<uint8_t>(found == names.end() ? names.size() - 1 : found - names.begin());
        entry.member =
            "\"status\":" +
            card_status(status).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        ids_[entry.status].push_back(id);
        by_id_.insert_or_assign(id, std::move(entry));
    }
}

int StatusTable::status_of(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? -1 : it->second.status;
}

std::string_view StatusTable::result_member(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? std::string_view() : std::string_view(it->second.member);
}

Xapian::Query StatusTable::filter(const std::vector<std::size_t>& statuses) const {
    std::size_t wanted = 0;
    for (std::size_t s : statuses) wanted += s < ids_.size() ? ids_[s].size() : 0;
    // Whichever side is shorter is listed: "in force" may be most of the index.
    const bool list_others = wanted > by_id_.size() - wanted;
    std::vector<Xapian::Query> terms;
    for (std::size_t s = 0; s < ids_.size(); ++s) {
        const bool asked = std::find(statuses.begin(), statuses.end(), s) != statuses.end();
        if (asked == list_others) continue;
        for (const auto& id : ids_[s]) terms.emplace_back(schema::term(schema::kId, id));
    }
    const Xapian::Query listed(Xapian::Query::OP_OR, terms.begin(), terms.end());
    if (!list_others) return listed;
    return terms.empty()
               ? Xapian::Query(Xapian::Query::MatchAll)
               : Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, listed);
}

StatusTablePtr status_table(const Xapian::Database& db,
                            const std::shared_ptr<const ValueTable>& values) {
    if (!values) return std::make_shared<const StatusTable>(db);
    struct Kept {
        std::weak_ptr<const ValueTable> values;
        StatusTablePtr table;
    };
    static std::mutex mutex;
    static std::vector<Kept> kept;  // one per value table (revision) in use
    std::lock_guard lock(mutex);
    std::erase_if(kept, [](const Kept& k) { return k.values.expired(); });
    const std::string today = status_day();
    for (Kept& k : kept) {
        if (k.values.lock() != values) continue;
        if (k.table->as_of() != today) k.table = std::make_shared<const StatusTable>(db);
        return k.table;
    }
    kept.push_back({values, std::make_shared<const StatusTable>(db)});
    return kept.back().table;
}

StatusFacetSpy::StatusFacetSpy(StatusTablePtr table)
    : table_(std::move(table)), counts_(status_names().size(), 0) {}

void StatusFacetSpy::operator()(const Xapian::Document& doc, double) {
    const int status = table_->status_of(doc.get_value(schema::kSlotId));
    if (status >= 0) ++counts_[static_cast<std::size_t>(status)];
}

nlohmann::json StatusFacetSpy::to_json() const {
    std::vector<std::size_t> seen;
    for (std::size_t s = 0; s < counts_.size(); ++s) {
        if (counts_[s] > 0) seen.push_back(s);
    }
    std::stable_sort(seen.begin(), seen.end(),
                     [&](std::size_t a, std::size_t b) { return counts_[a] > counts_[b]; });
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t s : seen)
        out.push_back({{"value", std::string(status_names()[s])}, {"count", counts_[s]}});
    return out;
}

}  // namespace tracuu
