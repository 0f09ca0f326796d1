// The databases a server searches, opened once per thread (Xapian objects are not thread-safe)
// and reopened when an indexer has committed, so new documents appear without a restart. A
// database directory that disappears makes requests fail with 503 until it is back; one replaced
// by another (moved into place) is opened afresh, never read through the old one's files.
#pragma once

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace tracuu {

/// The database cannot be opened now (missing, being replaced, remote shard down): HTTP 503.
class DatabaseUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class DatabaseSet {
  public:
    /// Each spec is a database directory or `tcp://HOST:PORT` of a xapian-tcpsrv; several specs
    /// are searched as one logical index (Xapian shards).
    explicit DatabaseSet(std::vector<std::string> specs);

    /// This thread's handle, brought up to the latest committed revision.
    /// Throws DatabaseUnavailable.
    Xapian::Database& current();

    /// Forgets this thread's handle (after an error that may have left it unusable).
    void reset_current();

    const std::vector<std::string>& specs() const { return specs_; }

    /// Device and inode of each local database directory (zero for remote shards).
    using Identity = std::vector<std::pair<uint64_t, uint64_t>>;

  private:
    Xapian::Database open() const;
    /// Throws DatabaseUnavailable naming a directory that is missing.
    Identity identify() const;

    std::vector<std::string> specs_;
    uint64_t serial_;  ///< tells thread-local handles of different sets apart
};

}  // namespace tracuu
