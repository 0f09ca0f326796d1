// The facet and date values of every document, read into memory once per database revision.
//
// Xapian reads one value of a matching document by decoding its value-stream chunk from the
// start: a few thousand instructions for an issuer name. Counting the facets of a thousand
// matches, or sorting thousands of matches by date, cost more that way than matching them did.
// Read once, each is an array index. It serves one database at one revision: Xapian matches
// shards one by one, numbering documents per shard, so several shards read their values.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "filter_cache.hpp"

namespace tracuu {

class ValueTable {
  public:
    /// The facets shown with every search, in the order of their value slots below.
    enum Facet : std::size_t { kIssuer, kType, kYear, kFacetCount };

    /// Reads the date and facet slots of every document of `db`. Throws Xapian errors (a
    /// DatabaseModifiedError when the database changed twice while reading).
    explicit ValueTable(const Xapian::Database& db);

    /// The stored date key ("YYYYMMDD", "YYYY0000") of `docid`, or "" when it has none.
    std::string date_key(Xapian::docid docid) const;

    /// 0 when `docid` has no value for `facet`, else an index into labels(facet).
    uint32_t label_id(Facet facet, Xapian::docid docid) const {
        const auto& ids = ids_[facet];
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
    std::vector<uint32_t> dates_;  ///< YYYYMMDD as a number; 0: no date
    std::array<std::vector<uint32_t>, kFacetCount> ids_;
    std::array<std::vector<std::string>, kFacetCount> labels_;
    Xapian::docid documents_ = 0;
    mutable FilterCache filters_{kFilterCacheBytes};
    static constexpr std::size_t kFilterCacheBytes = 32 << 20;
};

/// Counts the facets of the matches Xapian examines, from a ValueTable: a Xapian MatchSpy, so it
/// sees exactly the documents a ValueCountMatchSpy would.
class TableFacetSpy : public Xapian::MatchSpy {
  public:
    explicit TableFacetSpy(std::shared_ptr<const ValueTable> table);
    void operator()(const Xapian::Document& doc, double weight) override;
    /// {"issuer": [{"value", "count"}...], "type": [...], "year": [...]}: most frequent first,
    /// then by value, as Xapian's ValueCountMatchSpy orders them.
    nlohmann::json to_json(std::size_t max_values) const;

  private:
    std::shared_ptr<const ValueTable> table_;
    std::array<std::vector<Xapian::doccount>, ValueTable::kFacetCount> counts_;
};

/// Sort key of a document: its date key from a ValueTable (what sorting on the date slot would
/// read, without reading it), `undated` for a document without one.
class TableDateKey : public Xapian::KeyMaker {
  public:
    TableDateKey(std::shared_ptr<const ValueTable> table, std::string undated)
        : table_(std::move(table)), undated_(std::move(undated)) {}
    std::string operator()(const Xapian::Document& doc) const override {
        std::string key = table_->date_key(doc.get_docid());
        return key.empty() ? undated_ : key;
    }

  private:
    std::shared_ptr<const ValueTable> table_;
    std::string undated_;
};

}  // namespace tracuu
