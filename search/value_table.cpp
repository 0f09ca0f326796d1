#include "value_table.hpp"

#include <algorithm>
#include <unordered_map>

#include "docid_source.hpp"
#include "field_filters.hpp"
#include "index/schema.hpp"

namespace tracuu {
namespace {

static_assert(kFacetFields.size() == ValueTable::kFacetCount &&
              kFacetFields[ValueTable::kIssuer].field == QueryField::Issuer &&
              kFacetFields[ValueTable::kType].field == QueryField::Type &&
              kFacetFields[ValueTable::kYear].field == QueryField::Year);

/// "YYYYMMDD" as a number, or 0 for anything else (the indexer writes only those).
uint32_t date_number(const std::string& key) {
    if (key.size() != 8) return 0;
    uint32_t n = 0;
    for (char c : key) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<uint32_t>(c - '0');
    }
    return n;
}

}  // namespace

ValueTable::ValueTable(const Xapian::Database& db) : ValueTable(std::vector{db}) {}

ValueTable::ValueTable(const std::vector<Xapian::Database>& shards) {
    for (std::size_t f = 0; f < kFacetCount; ++f) labels_[f] = {std::string()};
    std::array<std::unordered_map<std::string, uint32_t>, kFacetCount> index;
    shards_.resize(shards.size());
    for (std::size_t i = 0; i < shards.size(); ++i) {
        read_shard(shards[i], shards_[i], index);
        documents_ += shards[i].get_doccount();
    }
    rank_ids(shards);
    for (std::size_t i = 0; shards.size() > 1 && i < shards_.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (shards_[i].uuid.empty() || shards_[i].uuid == shards_[j].uuid) {
                shards_.clear();  // indistinguishable: see shard_count()
                return;
            }
        }
    }
}

void ValueTable::read_shard(
    const Xapian::Database& db, Shard& shard,
    std::array<std::unordered_map<std::string, uint32_t>, kFacetCount>& index) {
    shard.uuid = db.get_uuid();
    const Xapian::docid size = db.get_lastdocid() + 1;
    shard.dates.assign(size, 0);
    for (auto v = db.valuestream_begin(schema::kSlotDate);
         v != db.valuestream_end(schema::kSlotDate); ++v) {
        const Xapian::docid did = v.get_docid();
        if (did < size) shard.dates[did] = date_number(*v);
    }
    for (std::size_t f = 0; f < kFacetCount; ++f) {
        shard.ids[f].assign(size, 0);
        const Xapian::valueno slot = kFacetFields[f].slot;
        for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
            const Xapian::docid did = v.get_docid();
            if (did >= size) continue;
            std::string value = *v;
            if (value.empty()) continue;
            auto [it, added] =
                index[f].try_emplace(value, static_cast<uint32_t>(labels_[f].size()));
            if (added) labels_[f].push_back(std::move(value));
            shard.ids[f][did] = it->second;
        }
    }
}

void ValueTable::rank_ids(const std::vector<Xapian::Database>& shards) {
    struct Entry {
        std::string id;
        uint32_t shard;
        Xapian::docid docid;
    };
    std::vector<Entry> all;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        const Xapian::Database& db = shards[i];
        shards_[i].id_ranks.assign(db.get_lastdocid() + 1, 0);
        for (auto v = db.valuestream_begin(schema::kSlotId);
             v != db.valuestream_end(schema::kSlotId); ++v)
            all.push_back({*v, static_cast<uint32_t>(i), v.get_docid()});
    }
    std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
    for (std::size_t r = 0; r < all.size(); ++r) {
        auto& ranks = shards_[all[r].shard].id_ranks;
        if (all[r].docid < ranks.size()) ranks[all[r].docid] = static_cast<uint32_t>(r + 1);
    }
}

std::size_t ValueTable::shard_of(const Xapian::Database& shard) const {
    if (shards_.size() == 1) return 0;
    const std::string uuid = shard.get_uuid();
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        if (shards_[i].uuid == uuid) return i;
    }
    return shards_.size();
}

std::string ValueTable::date_key(Xapian::docid docid, std::size_t shard) const {
    if (shard >= shards_.size()) return {};
    const auto& dates = shards_[shard].dates;
    const uint32_t n = docid < dates.size() ? dates[docid] : 0;
    if (n == 0) return {};
    std::string key(8, '0');
    uint32_t rest = n;
    for (int i = 7; i >= 0; --i) {
        key[static_cast<std::size_t>(i)] = static_cast<char>('0' + rest % 10);
        rest /= 10;
    }
    return key;
}

std::string TableDateKey::operator()(const Xapian::Document& doc) const {
    const std::size_t shard = shard_ ? *shard_ : 0;
    std::string key = table_->date_key(doc.get_docid(), shard);
    if (!then_id_) return key.empty() ? undated_ : key;
    // Fixed width, so that the id part never meets the date part: undated below every date
    // (newest first) or above (oldest first).
    if (key.empty()) key.assign(8, undated_.empty() ? '0' : '\xff');
    uint32_t rank = table_->id_rank(doc.get_docid(), shard);
    if (reversed_) rank = ~rank;
    for (int i = 3; i >= 0; --i) key.push_back(static_cast<char>((rank >> (8 * i)) & 0xff));
    return key;
}

std::size_t ValueTable::memory_bytes() const {
    std::size_t bytes = 0;
    for (const Shard& shard : shards_) {
        bytes += shard.dates.capacity() * sizeof(uint32_t);
        for (const auto& ids : shard.ids) bytes += ids.capacity() * sizeof(uint32_t);
        bytes += shard.id_ranks.capacity() * sizeof(uint32_t);
    }
    for (const auto& labels : labels_) {
        for (const auto& l : labels) bytes += sizeof(std::string) + l.capacity();
    }
    return bytes;
}

Xapian::Query documents_numbered(const ValueTablePtr& values,
                                 const std::vector<Xapian::docid>& docids) {
    if (values->shard_count() < 2) return Xapian::Query(DocidSource::of(docids)->release());
    auto shard_of = [values](const Xapian::Database& shard) { return values->shard_of(shard); };
    return Xapian::Query(
        DocidSource::of_combined(docids, values->shard_count(), shard_of)->release());
}

Xapian::Query ShardTracker::wrap(const Xapian::Query& query,
                                 const std::shared_ptr<const ValueTable>& table,
                                 const std::shared_ptr<std::size_t>& current) {
    if (!table || table->shard_count() < 2) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query((new ShardTracker(table, current))->release()));
}

void ShardTracker::init(const Xapian::Database& db) {
    shard_ = table_->shard_of(db);
    docid_ = 0;
    last_ = db.get_lastdocid();
    count_ = db.get_doccount();
}

void ShardTracker::next(double) {
    ++docid_;
    *current_ = shard_;
}

void ShardTracker::skip_to(Xapian::docid did, double) {
    if (did > docid_) docid_ = did;
    *current_ = shard_;
}

TableFacetSpy::TableFacetSpy(std::shared_ptr<const ValueTable> table,
                             std::shared_ptr<const std::size_t> shard)
    : table_(std::move(table)), shard_(std::move(shard)) {
    for (std::size_t f = 0; f < ValueTable::kFacetCount; ++f) {
        counts_[f].assign(table_->labels(static_cast<ValueTable::Facet>(f)).size(), 0);
    }
}

void TableFacetSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();
    const std::size_t shard = shard_ ? *shard_ : 0;
    for (std::size_t f = 0; f < ValueTable::kFacetCount; ++f) {
        ++counts_[f][table_->label_id(static_cast<ValueTable::Facet>(f), did, shard)];
    }
}

std::vector<Facet> TableFacetSpy::facets(std::size_t max_values) const {
    std::vector<Facet> out;
    for (std::size_t f = 0; f < ValueTable::kFacetCount; ++f) {
        const auto& labels = table_->labels(static_cast<ValueTable::Facet>(f));
        std::vector<uint32_t> seen;
        for (uint32_t id = 1; id < counts_[f].size(); ++id) {
            if (counts_[f][id] > 0) seen.push_back(id);
        }
        const std::size_t shown = std::min(max_values, seen.size());
        std::partial_sort(seen.begin(), seen.begin() + static_cast<long>(shown), seen.end(),
                          [&](uint32_t a, uint32_t b) {
                              if (counts_[f][a] != counts_[f][b])
                                  return counts_[f][a] > counts_[f][b];
                              return labels[a] < labels[b];
                          });
        Facet facet{std::string(parameter_of(kFacetFields[f].field)), {}};
        for (std::size_t i = 0; i < shown; ++i)
            facet.values.push_back({labels[seen[i]], counts_[f][seen[i]]});
        // Documents without a year have none of its labels (id 0): counted as undated.
        if (f == ValueTable::kYear && counts_[f][0] > 0)
            facet.values.push_back({std::string(kUndatedYear), counts_[f][0]});
        out.push_back(std::move(facet));
    }
    return out;
}

}  // namespace tracuu
