// The documents of compound filters, remembered for one database revision. An issuer filter is
// all the words of a name (`UBND tỉnh Đồng Nai`: ủy, ban, nhân, dân, tỉnh, đồng, nai), most of
// them in nearly every directive: Xapian steps through all those long posting lists for every
// search with the filter, in the count pass and each pass after. Read once into a sorted list,
// later searches with the filter step through that list instead. Only for one local database
// (document numbers are a shard's own).
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "docid_source.hpp"

namespace tracuu {

class FilterCache {
  public:
    /// At most `max_bytes` of document numbers.
    explicit FilterCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// `filter` as a query on the documents it matches in `db` (the revision this cache serves):
    /// from memory when asked before, else read now and kept. A filter of one term, or one too
    /// large to keep, is returned as it is.
    Xapian::Query query(const Xapian::Database& db, const Xapian::Query& filter);

    std::size_t entries() const;

  private:
    struct Entry {
        std::string key;
        DocidSource::Docids docids;
    };
    DocidSource::Docids documents(const Xapian::Database& db, const Xapian::Query& filter,
                                  const std::string& key);

    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::list<Entry> entries_;  ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::size_t bytes_ = 0;
};

}  // namespace tracuu
