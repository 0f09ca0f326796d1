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
//
// A remote shard that refuses, drops the connection or is slower than the shard timeout is
// "missing": requests fail with ShardsUnavailable naming it, or, when partial answers are allowed,
// are searched over the shards that answer and say which are missing (missing()). ShardHealth
// keeps what was seen of each shard, for /healthz and /metrics and to space out retries.
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

#include "search/remote_shards.hpp"
#include "search/value_table.hpp"
#include "shard_health.hpp"

namespace tracuu {

/// The database cannot be opened now (missing, being replaced, remote shard down, written by
/// another schema version): HTTP 503.
class DatabaseUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Remote shards that do not answer (down, or slower than the shard timeout): HTTP 503 with code
/// `shard_unavailable` listing them.
class ShardsUnavailable : public DatabaseUnavailable {
  public:
    ShardsUnavailable(const std::string& message, std::vector<std::string> shards)
        : DatabaseUnavailable(message), shards(std::move(shards)) {}
    std::vector<std::string> shards;  ///< their addresses (tcp://HOST:PORT, prog:...)
};

/// How remote shards are waited for.
struct ShardPolicy {
    /// Longest wait for a remote shard to connect or answer one call (Xapian's remote timeout).
    std::chrono::milliseconds timeout{5000};
    /// Search the shards that answer and mark the answer partial, instead of a 503.
    bool allow_partial = false;
    /// A shard that failed is asked again after this (by one request; the others leave it out).
    std::chrono::milliseconds retry_after{1000};
};

/// A shard as /healthz and /metrics show it.
struct ShardReport {
    std::string address;
    ShardState state = ShardState::Unknown;
};

class DatabaseSet {
  public:
    /// Each spec is a database directory, a stub database (folder or file) or `tcp://HOST:PORT`
    /// of a xapian-tcpsrv; all their shards are searched as one logical index.
    explicit DatabaseSet(std::vector<std::string> specs, ShardPolicy policy = {});
    ~DatabaseSet();
    DatabaseSet(const DatabaseSet&) = delete;
    DatabaseSet& operator=(const DatabaseSet&) = delete;

    /// This thread's handle, brought up to the latest committed revision. Throws
    /// DatabaseUnavailable (ShardsUnavailable for remote shards that do not answer, unless
    /// partial answers are allowed and one shard at least answers).
    Xapian::Database& current();

    /// The shards this thread's handle leaves out (addresses), as current() left it; empty
    /// unless partial answers are allowed.
    const std::vector<std::string>& missing() const;

    /// After a remote error in the middle of a request (Xapian does not say which shard): asks
    /// each remote shard afresh, records what it finds, and returns those that do not answer
    /// (no `shards` when all do).
    ShardsUnavailable check_remote_shards();

    /// What this thread's handle keeps for search() when one shard at least is remote, as
    /// current() left it (its revision emptied when a reopen says a shard may have changed), or
    /// null when all are local.
    RemoteShards* remote_shards();

    /// Every shard of the layout now, with what was last seen of it.
    std::vector<ShardReport> shard_reports() const;

    const ShardPolicy& policy() const { return policy_; }

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
    /// Opens `shards`. With `missing`, remote shards that do not answer are left out and listed
    /// there; without, or when none answers, throws ShardsUnavailable.
    Opened open(const std::vector<std::string>& shards,
                std::vector<std::string>* missing = nullptr) const;
    Xapian::Database open_one(const std::string& spec) const;
    void start_loading(std::unique_lock<std::mutex>& lock);
    void load_in_background();

    std::vector<std::string> specs_;
    ShardPolicy policy_;
    mutable ShardHealth health_;
    uint64_t serial_;  ///< tells thread-local handles of different sets apart

    std::mutex values_mutex_;
    std::string values_version_;  ///< of values_
    std::shared_ptr<const ValueTable> values_;
    bool loading_ = false;
    std::chrono::steady_clock::time_point next_load_;  ///< loads are spaced (see .cpp)
    std::thread loader_;
};

}  // namespace tracuu
