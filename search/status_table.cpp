#include "status_table.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "citations_lookup.hpp"
#include "index/schema.hpp"
#include "index/stored_document.hpp"
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

/// What of a document's own fields its status reads (number, date, dates of force), by id, with
/// the version of the file they were read from: reading a document's data is most of the cost
/// of a table (its text comes with it), and a new revision changes few documents. A document
/// written again from the same file (an indexer of another version) keeps the fields read
/// before until the server restarts.
class OwnFieldsMemo {
  public:
    std::optional<nlohmann::json> get(const std::string& id, const std::string& version) {
        std::lock_guard lock(mutex_);
        auto it = kept_.find(id);
        if (it == kept_.end() || it->second.version != version) return std::nullopt;
        return it->second.fields;
    }
    void put(const std::string& id, std::string version, nlohmann::json fields) {
        std::lock_guard lock(mutex_);
        if (kept_.size() >= kMaxKept) kept_.clear();
        kept_.insert_or_assign(id, Kept{std::move(version), std::move(fields)});
    }

  private:
    struct Kept {
        std::string version;
        nlohmann::json fields;
    };
    static constexpr std::size_t kMaxKept = 1 << 20;
    std::mutex mutex_;
    std::unordered_map<std::string, Kept> kept_;
};

/// The fields of `doc` (id `id`) that document_status reads, or nothing for data tracuu did not
/// write.
std::optional<nlohmann::json> own_fields(const Xapian::Document& doc, const std::string& id) {
    static OwnFieldsMemo memo;
    // The file's hash, size and time (written with every document since schema 2).
    std::string version = doc.get_value(schema::kSlotSourceHash);
    if (!version.empty()) {
        version += '/' + doc.get_value(schema::kSlotSourceSize) + '/' +
                   doc.get_value(schema::kSlotSourceMtime);
        if (auto kept = memo.get(id, version)) return kept;
    }
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
    if (!version.empty()) memo.put(id, std::move(version), fields);
    return fields;
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
        const Xapian::Document doc = db.get_document(*it);
        const std::string id = doc.get_value(schema::kSlotId);
        if (id.empty()) continue;  // not a tracuu document: no status
        const auto fields = own_fields(doc, id);
        if (!fields) continue;
        const nlohmann::json status = document_status(db, *it, *fields);
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

namespace {

/// Names the revision of `db` when it is one local database (uuid and revision), else "".
std::string revision_name(const Xapian::Database& db) {
    try {
        return db.get_uuid() + "@" + std::to_string(db.get_revision());
    } catch (const Xapian::Error&) {
        return {};  // several shards, or remote ones: no single revision
    }
}

}  // namespace

StatusTablePtr status_table(const Xapian::Database& db,
                            const std::shared_ptr<const ValueTable>& values) {
    struct Kept {
        std::weak_ptr<const ValueTable> values;  ///< or, without one, the revision's name
        std::string revision;
        StatusTablePtr table;
    };
    static std::mutex mutex;
    static std::vector<Kept> kept;  // per value table (revision) in use, and the last revisions
    static constexpr std::size_t kMaxNamed = 4;
    const std::string revision = values ? std::string() : revision_name(db);
    if (!values && revision.empty()) return std::make_shared<const StatusTable>(db);
    std::lock_guard lock(mutex);
    std::erase_if(kept, [](const Kept& k) { return k.revision.empty() && k.values.expired(); });
    const std::string today = status_day();
    for (Kept& k : kept) {
        if (values ? k.values.lock() != values : k.revision != revision) continue;
        if (k.table->as_of() != today) k.table = std::make_shared<const StatusTable>(db);
        return k.table;
    }
    if (!values) {
        // Searches of a new revision before its value table is read: one table for them all.
        const auto named = std::count_if(kept.begin(), kept.end(),
                                         [](const Kept& k) { return !k.revision.empty(); });
        if (static_cast<std::size_t>(named) >= kMaxNamed) {
            kept.erase(std::find_if(kept.begin(), kept.end(),
                                    [](const Kept& k) { return !k.revision.empty(); }));
        }
    }
    kept.push_back({values, revision, std::make_shared<const StatusTable>(db)});
    return kept.back().table;
}

StatusFacetSpy::StatusFacetSpy(StatusTablePtr table)
    : table_(std::move(table)), ids_(schema::kSlotId) {}

nlohmann::json StatusFacetSpy::to_json() const {
    std::vector<Xapian::doccount> counts(status_names().size(), 0);
    for (auto it = ids_.values_begin(); it != ids_.values_end(); ++it) {
        const int status = table_->status_of(*it);
        if (status >= 0) counts[static_cast<std::size_t>(status)] += it.get_termfreq();
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
