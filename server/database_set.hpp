// The databases a server searches, opened once per thread (Xapian objects are not thread-safe)
// and reopened when an indexer has committed, so new documents appear without a restart.
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

  private:
    Xapian::Database open() const;

    std::vector<std::string> specs_;
    uint64_t serial_;  ///< tells thread-local handles of different sets apart
};

}  // namespace tracuu
