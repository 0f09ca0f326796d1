#pragma once
// What a server keeps of remote shards between searches.

#include <xapian.h>

#include <string>
#include <vector>

namespace tracuu {

/// What a server keeps of the shards of a database it searches when some are remote, so that a
/// search asks them less: each remote call is a round trip, and Xapian 1.4 makes some in turn.
struct RemoteShards {
    /// The database's shards, in the order it combines them and sharing its connections: a
    /// page's documents are read from each in parallel (page_documents).
    std::vector<Xapian::Database> databases;
    /// The name of the database's revision as the status table was last keyed by
    /// (status_table), or empty: then search() reads it and keeps it here. The keeper empties it
    /// whenever Xapian's reopen() says a shard may have changed.
    std::string revision;
};

}  // namespace tracuu
