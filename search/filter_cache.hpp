// The documents of compound filters, remembered for one database revision. An issuer filter is
// all the words of a name (`UBND tỉnh Đồng Nai`: ủy, ban, nhân, dân, tỉnh, đồng, nai), most of
// them in nearly every directive: Xapian steps through all those long posting lists for every
// search with the filter, in the count pass and each pass after. Read once into a sorted list,
// later searches with the filter step through that list instead. For local databases: one, or
// several shards (a list per shard: document numbers are a shard's own).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include "docid_source.hpp"
#include "lru_map.hpp"

namespace tracuu {

class ValueTable;

class FilterCache {
  public:
    /// A filter whose rarest term is in more than 1/kSelectiveShare of the documents, and in
    /// more than `always_selective` (which any search reads in no time), is not kept.
    static constexpr Xapian::doccount kSelectiveShare = 10;
    static constexpr Xapian::doccount kAlwaysSelective = 10000;

    /// At most `max_bytes` of document numbers.
    explicit FilterCache(std::size_t max_bytes,
                         Xapian::doccount always_selective = kAlwaysSelective)
        : always_selective_(always_selective), kept_(max_bytes) {}

    /// `filter` as a query on the documents it matches in `db` (the revision this cache serves):
    /// from memory when asked before, else read now and kept. A filter of one term, one that is
    /// not selective, or one too large to keep, is returned as it is. For several shards, `shards`
    /// is the table of `db`'s shards (value_table.hpp) that tells them apart.
    Xapian::Query query(const Xapian::Database& db, const Xapian::Query& filter,
                        const std::shared_ptr<const ValueTable>& shards = nullptr);

    std::size_t entries() const;

  private:
    using Lists = std::shared_ptr<const std::vector<DocidSource::Docids>>;  ///< one per shard
    Lists documents(const Xapian::Database& db, const Xapian::Query& filter, const std::string& key,
                    const std::shared_ptr<const ValueTable>& shards);
    /// Remembers `key` as not worth keeping (the lock held); no documents.
    Lists pass_over(const std::string& key);

    const Xapian::doccount always_selective_;
    mutable std::mutex mutex_;
    LruMap<Lists> kept_;  ///< by the filter's description
    /// Filters found not worth keeping, so as not to weigh them again.
    std::unordered_set<std::string> passed_over_;
    static constexpr std::size_t kMaxPassedOver = 10000;
};

}  // namespace tracuu
