#include "status_table.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <unordered_set>

#include "citations_lookup.hpp"
#include "index/schema.hpp"
#include "match_all.hpp"
#include "term_frequencies.hpp"

namespace tracuu {
namespace {

// Acting documents of each relation a card names ("replaced by X and N others": the document
// page lists them).
constexpr std::size_t kCardEvidence = 10;

/// What a result card shows of a status: the value and who acts on the document, without the
/// sentences (the document page has them), kept for every document acted on.
ForceStatus card_of(ForceStatus status) {
    status.effective_from.clear();
    status.effective_until.clear();
    status.as_of.clear();
    for (StatusEvidence& e : status.evidence) {
        CitingDocument card;
        card.document.id = std::move(e.citing.document.id);
        card.document.title = std::move(e.citing.document.title);
        card.document.number = std::move(e.citing.document.number);
        card.relation = std::move(e.citing.relation);
        card.relation_part = std::move(e.citing.relation_part);
        e.citing = std::move(card);
    }
    return status;
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

/// The indexed documents whose own number some indexed document replaces, repeals or amends
/// (those carrying the own-number term of a key a relation term names), by document number, read
/// in one match (a remote shard sends them all at once, not one request each). Adds those
/// relation terms to `relation_terms`.
std::vector<std::pair<Xapian::docid, Xapian::Document>> documents_acted_on(
    const Xapian::Database& db, std::unordered_set<std::string>& relation_terms) {
    std::vector<Xapian::Query> owns;
    for (std::string_view relation : status_relations()) {
        const std::string prefix = schema::relation_term(relation) + '/';
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            relation_terms.insert(*t);
            owns.emplace_back(schema::term(schema::kOwnNumber, (*t).substr(prefix.size())));
        }
    }
    std::vector<std::pair<Xapian::docid, Xapian::Document>> out;
    if (owns.empty()) return out;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, owns.begin(), owns.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(1, db.get_doccount()));
    mset.fetch();
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_document());
    return out;
}

/// `FROM|UNTIL` of kSlotForce, split.
std::pair<std::string_view, std::string_view> force_dates(std::string_view value) {
    const auto bar = value.find('|');
    if (bar == std::string_view::npos) return {value, {}};
    return {value.substr(0, bar), value.substr(bar + 1)};
}

Xapian::Query id_terms(const std::vector<std::string>& ids) {
    std::vector<Xapian::Query> terms;
    terms.reserve(ids.size());
    for (const auto& id : ids) terms.emplace_back(schema::term(schema::kId, id));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

StatusTable::StatusTable(const Xapian::Database& db) : as_of_(status_day()) {
    std::unordered_set<std::string> relation_terms;
    for (const auto& [docid, doc] : documents_acted_on(db, relation_terms)) {
        const std::string id = doc.get_value(schema::kSlotId);
        if (id.empty()) continue;  // not a tracuu document: no status
        // Only the few documents acted on are read, once per revision: nothing is kept between
        // revisions.
        const auto fields = status_fields(doc.get_data());
        if (!fields) continue;
        ForceStatus status = document_status(db, docid, *fields, kCardEvidence, &relation_terms);
        Entry entry;
        entry.status = status_index(status.value);
        entry.own = own_status(doc.get_value(schema::kSlotForce));
        entry.docid = docid;
        entry.card = card_of(std::move(status));
        acted_on_.insert_or_assign(id, std::move(entry));
    }
    for (const auto& [id, entry] : acted_on_) {
        if (entry.status == entry.own) continue;
        changed_.push_back(id);
        changed_docids_.push_back(entry.docid);
    }
    std::sort(changed_.begin(), changed_.end());
    std::sort(changed_docids_.begin(), changed_docids_.end());
}

Xapian::Query StatusTable::changed_documents(const Xapian::Database& db,
                                             const ValueTablePtr& values) const {
    if (!values || values->shard_count() != db.size()) return id_terms(changed_);
    return documents_numbered(values, changed_docids_);
}

uint8_t StatusTable::own_status(std::string_view force_value) const {
    const auto [from, until] = force_dates(force_value);
    return status_index(own_force_status(from, until, as_of_));
}

std::optional<ForceStatus> StatusTable::card_status(const Xapian::Document& doc) const {
    const std::string id = doc.get_value(schema::kSlotId);
    if (id.empty()) return std::nullopt;
    if (auto it = acted_on_.find(id); it != acted_on_.end()) return it->second.card;
    ForceStatus own;
    own.value = status_names()[own_status(doc.get_value(schema::kSlotForce))];
    return own;
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
        own.emplace_back(Q::OP_AND_NOT, Q(Q::OP_AND_NOT, match_all(), has_from), expired);
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
    std::vector<std::string> terms;
    for (std::string_view relation : status_relations())
        terms.push_back(schema::relation_term(relation));
    for (Xapian::doccount f : term_frequencies(db, terms)) name += '/' + std::to_string(f);
    return name;
}

std::function<void()> g_reading_started;  // tests only (set_status_table_reading_hook)

}  // namespace

void set_status_table_reading_hook(std::function<void()> hook) {
    g_reading_started = std::move(hook);
}

StatusTablePtr status_table(const Xapian::Database& db, bool* current, std::string* known) {
    if (current) *current = true;
    struct Kept {
        std::string revision;
        std::string database;  ///< the uuids of its shards: revisions of one index share them
        std::string day;
        std::shared_future<StatusTablePtr> table;
        StatusTablePtr ready;  ///< once read
    };
    static std::mutex mutex;
    static std::vector<Kept> kept;  // the last revisions, newest last
    static constexpr std::size_t kMaxKept = 4;
    if (known && known->empty()) *known = revision_name(db);
    const std::string revision = known ? *known : revision_name(db);
    const std::string database = revision.substr(0, revision.find_first_of("@/"));
    const std::string today = status_day();
    std::promise<StatusTablePtr> promise;
    {
        std::unique_lock lock(mutex);
        Kept* same = nullptr;
        const Kept* last_ready = nullptr;  // of this index and day, any revision
        const Kept* reading = nullptr;     // a revision of this index and day being read
        for (Kept& k : kept) {
            if (k.database != database || k.day != today) continue;
            if (k.revision == revision) same = &k;
            if (k.ready) last_ready = &k;
            if (!k.ready) reading = &k;
        }
        if (same && same->ready) return same->ready;
        // A revision is being read (at a million documents, seconds; longer on remote shards):
        // while an indexer commits, a search would otherwise wait for it, or read yet another.
        // The searches meanwhile use the last table read; with none, they wait for the reading.
        if (reading && last_ready) {
            if (current) *current = false;
            return last_ready->ready;
        }
        if (reading) {
            if (current) *current = reading == same;
            const auto table = reading->table;
            lock.unlock();
            return table.get();
        }
        // Room for one more, never by dropping a table still being read (its searches would
        // read it again).
        if (kept.size() >= kMaxKept) {
            const auto done = std::find_if(kept.begin(), kept.end(),
                                           [](const Kept& k) { return k.ready != nullptr; });
            kept.erase(done == kept.end() ? kept.begin() : done);
        }
        kept.push_back({revision, database, today, promise.get_future().share(), nullptr});
    }
    // Read outside the lock: another index's searches need not wait for this one.
    try {
        if (g_reading_started) g_reading_started();
        auto table = std::make_shared<const StatusTable>(db);
        promise.set_value(table);
        std::lock_guard lock(mutex);
        for (Kept& k : kept) {
            if (k.revision == revision && k.day == today) k.ready = table;
        }
        return table;
    } catch (...) {
        // Those waiting get the error too; the next search reads it again.
        promise.set_exception(std::current_exception());
        std::lock_guard lock(mutex);
        std::erase_if(kept, [&](const Kept& k) {
            return k.revision == revision && k.day == today && !k.ready;
        });
        throw;
    }
}

StatusFacet::StatusFacet(StatusTablePtr table, ValueTablePtr values)
    : table_(std::move(table)), values_(std::move(values)), pairs_(schema::kSlotForce) {
    if (!values_ && !table_->changed_.empty()) ids_.emplace(schema::kSlotId);
}

void StatusFacet::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(&pairs_);
    if (ids_) enquire.add_matchspy(&*ids_);
}

Facet StatusFacet::facet(const Xapian::Database& db, const Xapian::Query& matching) const {
    std::vector<Xapian::doccount> counts(status_names().size(), 0);
    Xapian::doccount dated = 0;
    for (auto it = pairs_.values_begin(); it != pairs_.values_end(); ++it) {
        counts[table_->own_status(*it)] += it.get_termfreq();
        dated += it.get_termfreq();
    }
    counts[status_index("unknown")] += pairs_.get_total() - dated;
    // The matches acted on, moved from their own dates' status to theirs.
    auto move = [&](const std::string& id, Xapian::doccount n) {
        const auto found = table_->acted_on_.find(id);
        if (found == table_->acted_on_.end() || found->second.status == found->second.own) return;
        const auto& entry = found->second;
        counts[entry.own] -= std::min(counts[entry.own], n);
        counts[entry.status] += n;
    };
    const auto& changed = table_->changed_;
    if (ids_) {
        for (auto it = ids_->values_begin(); it != ids_->values_end(); ++it)
            move(*it, it.get_termfreq());
    } else if (!changed.empty() && pairs_.get_total() > 0) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching,
                                        table_->changed_documents(db, values_)));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy ids(schema::kSlotId);
        enquire.add_matchspy(&ids);
        enquire.get_mset(0, 0, static_cast<Xapian::doccount>(changed.size()));
        for (auto it = ids.values_begin(); it != ids.values_end(); ++it)
            move(*it, it.get_termfreq());
    }
    std::vector<std::size_t> seen;
    for (std::size_t s = 0; s < counts.size(); ++s) {
        if (counts[s] > 0) seen.push_back(s);
    }
    std::stable_sort(seen.begin(), seen.end(),
                     [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    Facet out{"status", {}};
    for (std::size_t s : seen) out.values.push_back({std::string(status_names()[s]), counts[s]});
    return out;
}

}  // namespace tracuu
