// The databases a server searches, opened once per thread (Xapian objects are not thread-safe)
// and reopened when an indexer has committed, so new documents appear without a restart. A
// database directory that disappears makes requests fail with 503 until it is back; one replaced
// by another (moved into place) is opened afresh, never read through the old one's files.
//
// Beside the handles, one ValueTable shared by all threads, read again (in the background) for
// each new revision of local databases.
//
// A spec naming a Xapian stub database (a folder with XAPIANDB, as `tracuu-index --shards` writes,
// or a stub file) is read here into its shards (index/stub_database.hpp), each then handled
// as one more --db: its own handle, revision, value table and errors naming it. The stub is read
// again on each request, so a stub swapped for another (re-sharding) is served from the next.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "value_table.hpp"

namespace tracuu {

/// The database cannot be opened now (missing, being replaced, remote shard down, written by
/// another schema version): HTTP 503.
class DatabaseUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class DatabaseSet {
  public:
    /// Each spec is a database directory, a stub database (folder or file) or `tcp://HOST:PORT`
    /// of a xapian-tcpsrv; all their shards are searched as one logical index.
    explicit DatabaseSet(std::vector<std::string> specs);
    ~DatabaseSet();
    DatabaseSet(const DatabaseSet&) = delete;
    DatabaseSet& operator=(const DatabaseSet&) = delete;

    /// This thread's handle, brought up to the latest committed revision.
    /// Throws DatabaseUnavailable.
    Xapian::Database& current();

    /// The value table of this thread's handle as current() left it (one part per shard), or
    /// null: when a shard is remote, and while the table of a new revision is being read
    /// (searches then read Xapian's values, which gives the same answers more slowly).
    std::shared_ptr<const ValueTable> values();

    /// The revision of this thread's handle as current() left it (version_of its shards), or ""
    /// when a shard is remote (its changes cannot be seen to happen).
    std::string version() const;

    /// Reads the value table now (before serving), for local shards. Throws
    /// DatabaseUnavailable.
    void load_values();

    /// Forgets this thread's handle (after an error that may have left it unusable).
    void reset_current();

    const std::vector<std::string>& specs() const { return specs_; }

    /// Device and inode of each local database directory (zero for remote shards).
    using Identity = std::vector<std::pair<uint64_t, uint64_t>>;

    /// Names a revision of every shard: uuid and revision of each.
    static std::string version_of(const std::vector<Xapian::Database>& shards);

  private:
    struct Opened {
        Xapian::Database combined;
        std::vector<Xapian::Database> shards;
    };
    /// What the specs name now: their shards, and what tells a later layout from this one.
    struct Layout {
        std::vector<std::string> shards;
        Identity identity;  ///< of each spec, stub file and local shard
        bool all_local = true;
    };
    /// Throws DatabaseUnavailable naming a directory that is missing or a bad stub.
    Layout layout() const;
    Opened open(const std::vector<std::string>& shards) const;
    void start_loading(std::unique_lock<std::mutex>& lock);
    void load_in_background();

    std::vector<std::string> specs_;
    uint64_t serial_;  ///< tells thread-local handles of different sets apart

    std::mutex values_mutex_;
    std::string values_version_;  ///< of values_
    std::shared_ptr<const ValueTable> values_;
    bool loading_ = false;
    std::chrono::steady_clock::time_point next_load_;  ///< loads are spaced (see .cpp)
    std::thread loader_;
};

}  // namespace tracuu
