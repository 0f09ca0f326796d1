#pragma once
// Reading the documents of a page of results.

#include <xapian.h>

#include <vector>

namespace tracuu {

/// The documents numbered `docids` in `db` (in the combined numbering), in that order.
///
/// Xapian 1.4 reads a remote shard's document in a round trip of its own, one after another:
/// a page of ten from four remote shards waited for ten. Given `shards`, `db`'s databases in
/// the order they are combined (sharing its connections), each shard's documents are read in a
/// thread of its own, so the page waits about as long as the shard with the most of them.
/// Every shard object is used by one thread at a time, as Xapian asks; the documents of local
/// shards are read the same way, so `shards` is only worth giving when some are remote.
std::vector<Xapian::Document> page_documents(const Xapian::Database& db,
                                             const std::vector<Xapian::docid>& docids,
                                             const std::vector<Xapian::Database>& shards = {});

}  // namespace tracuu
