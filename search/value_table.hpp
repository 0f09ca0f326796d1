// The facet and date values of every document, read into memory once per database revision.
//
// Xapian reads one value of a matching document by decoding its value-stream chunk from the
// start: a few thousand instructions for an issuer name. Counting the facets of a thousand
// matches, or sorting thousands of matches by date, cost more that way than matching them did.
// Read once, each is an array index. It serves one revision of one database or of several local
// shards searched as one. Xapian matches shards one after the other and hands spies and sort keys
// the shard's own document numbers without saying which shard: a ShardTracker in the query
// (below) tells them, and shards are told apart by their uuid.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "facets.hpp"
#include "filter_cache.hpp"

namespace tracuu {

class ValueTable {
  public:
    /// The facets shown with every search, in the order of kFacetFields (facets.hpp).
    enum Facet : std::size_t { kIssuer, kType, kYear, kFacetCount };

    /// Reads the date and facet slots of every document of `db` (one database: a Database
    /// combining several is read as one, and the searcher does not use such a table). Throws
    /// Xapian errors (a DatabaseModifiedError when the database changed twice while reading).
    explicit ValueTable(const Xapian::Database& db);
    /// The same for each of `shards`, in the order they are combined. Shards that share a uuid
    /// (copies of one folder) cannot be told apart: shard_count() is then 0 and nothing uses it.
    explicit ValueTable(const std::vector<Xapian::Database>& shards);

    /// How many shards this table reads, 0 when it is not usable.
    std::size_t shard_count() const { return shards_.size(); }
    /// Which of the shards `shard` (a single database, as a PostingSource's init() gets) is;
    /// shard_count() when none.
    std::size_t shard_of(const Xapian::Database& shard) const;

    /// The stored date key ("YYYYMMDD", "YYYY0000") of `docid` of `shard`, or "" when it has none.
    std::string date_key(Xapian::docid docid, std::size_t shard = 0) const;

    /// The place of the document's id among all ids of all shards (from 1; 0: no id): orders
    /// documents the same however they are spread over shards, unlike document numbers.
    uint32_t id_rank(Xapian::docid docid, std::size_t shard = 0) const {
        if (shard >= shards_.size()) return 0;
        const auto& ranks = shards_[shard].id_ranks;
        return docid < ranks.size() ? ranks[docid] : 0;
    }

    /// 0 when `docid` of `shard` has no value for `facet`, else an index into labels(facet).
    uint32_t label_id(Facet facet, Xapian::docid docid, std::size_t shard = 0) const {
        if (shard >= shards_.size()) return 0;
        const auto& ids = shards_[shard].ids[facet];
        return docid < ids.size() ? ids[docid] : 0;
    }
    /// Distinct values of `facet`; entry 0 is the empty label.
    const std::vector<std::string>& labels(Facet facet) const { return labels_[facet]; }

    Xapian::docid documents_read() const { return documents_; }
    std::size_t memory_bytes() const;

    /// The compound filters of this revision, remembered (filter_cache.hpp): a table and the
    /// filters it serves live and die with their revision.
    FilterCache& filters() const { return filters_; }

  private:
    struct Shard {
        std::string uuid;
        std::vector<uint32_t> dates;  ///< YYYYMMDD as a number; 0: no date
        std::array<std::vector<uint32_t>, kFacetCount> ids;
        std::vector<uint32_t> id_ranks;
    };
    void rank_ids(const std::vector<Xapian::Database>& shards);
    void read_shard(const Xapian::Database& db, Shard& shard,
                    std::array<std::unordered_map<std::string, uint32_t>, kFacetCount>& index);

    std::vector<Shard> shards_;
    std::array<std::vector<std::string>, kFacetCount> labels_;  ///< shared by the shards
    Xapian::docid documents_ = 0;
    mutable FilterCache filters_{kFilterCacheBytes};
    static constexpr std::size_t kFilterCacheBytes = 32 << 20;
};

using ValueTablePtr = std::shared_ptr<const ValueTable>;

/// The documents `docids` (Xapian's numbers in the database `values` was read from, combined for
/// several shards) as one posting source: a list per shard, told apart as the table tells them.
Xapian::Query documents_numbered(const ValueTablePtr& values,
                                 const std::vector<Xapian::docid>& docids);

/// Which shard Xapian is matching: a posting source of every document, put in the query with
/// OP_FILTER, that Xapian moves to each candidate before the spies and sort keys see it (it is
/// initialised per shard, and only the current shard's copy is moved). Without it, one shard.
class ShardTracker : public Xapian::PostingSource {
  public:
    ShardTracker(std::shared_ptr<const ValueTable> table, std::shared_ptr<std::size_t> current)
        : table_(std::move(table)), current_(std::move(current)) {}

    /// `query` filtered by a new tracker writing to `current` (a no-op for one shard).
    static Xapian::Query wrap(const Xapian::Query& query,
                              const std::shared_ptr<const ValueTable>& table,
                              const std::shared_ptr<std::size_t>& current);

    void init(const Xapian::Database& db) override;
    Xapian::doccount get_termfreq_min() const override { return count_; }
    Xapian::doccount get_termfreq_est() const override { return count_; }
    Xapian::doccount get_termfreq_max() const override { return count_; }
    void next(double) override;
    void skip_to(Xapian::docid did, double) override;
    bool at_end() const override { return docid_ > last_; }
    Xapian::docid get_docid() const override { return docid_; }
    ShardTracker* clone() const override { return new ShardTracker(table_, current_); }

  private:
    std::shared_ptr<const ValueTable> table_;
    std::shared_ptr<std::size_t> current_;
    std::size_t shard_ = 0;
    Xapian::docid docid_ = 0, last_ = 0;
    Xapian::doccount count_ = 0;
};

/// Counts the facets of the matches Xapian examines, from a ValueTable: a Xapian MatchSpy, so it
/// sees exactly the documents a ValueCountMatchSpy would.
class TableFacetSpy : public Xapian::MatchSpy {
  public:
    /// `shard`: where a ShardTracker in the query writes the shard being matched (null: one).
    explicit TableFacetSpy(std::shared_ptr<const ValueTable> table,
                           std::shared_ptr<const std::size_t> shard = nullptr);
    void operator()(const Xapian::Document& doc, double weight) override;
    /// FacetSpies::facets' answer: most frequent first, then by value, as Xapian's
    /// ValueCountMatchSpy orders them.
    std::vector<tracuu::Facet> facets(std::size_t max_values) const;

  private:
    std::shared_ptr<const ValueTable> table_;
    std::shared_ptr<const std::size_t> shard_;
    std::array<std::vector<Xapian::doccount>, ValueTable::kFacetCount> counts_;
};

/// Sort key of a document: its date key from a ValueTable (what sorting on the date slot would
/// read, without reading it), `undated` for a document without one. With `then_id`, documents of
/// one date follow their ids (ascending in both orders), not their document numbers, which
/// differ between one database and shards of the same files.
class TableDateKey : public Xapian::KeyMaker {
  public:
    /// `shard` as for TableFacetSpy.
    TableDateKey(std::shared_ptr<const ValueTable> table, std::string undated,
                 std::shared_ptr<const std::size_t> shard = nullptr, bool then_id = false,
                 bool reversed = false)
        : table_(std::move(table)),
          shard_(std::move(shard)),
          undated_(std::move(undated)),
          then_id_(then_id),
          reversed_(reversed) {}
    std::string operator()(const Xapian::Document& doc) const override;

  private:
    std::shared_ptr<const ValueTable> table_;
    std::shared_ptr<const std::size_t> shard_;
    std::string undated_;
    bool then_id_;
    bool reversed_;  ///< Xapian reverses the whole key: the id part is inverted to stay ascending
};

}  // namespace tracuu
