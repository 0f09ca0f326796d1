#include "database_set.hpp"

#include <sys/stat.h>

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include "index/schema_check.hpp"
#include "index/stub_database.hpp"
#include "search/parallel_shards.hpp"

namespace tracuu {
namespace {

std::atomic<uint64_t> g_next_serial{1};

// A new revision's value table is read at most this often relative to how long reading the
// last took, so an indexer committing every second does not keep a core busy re-reading.
constexpr int kLoadSpacing = 4;

struct Handle {
    std::unique_ptr<Xapian::Database> db;
    std::vector<Xapian::Database> shards;  ///< share their state with `db`: reopened with it
    std::vector<std::string> shard_specs;  ///< what `shards` were opened from
    DatabaseSet::Identity identity;        ///< of the directories it was opened from
    bool all_local = false;                ///< every shard a directory: revisions can be named
    std::string version;                   ///< DatabaseSet::version_of(shards) after reopen
    std::vector<std::string> missing;      ///< shards left out (partial answers)
    RemoteShards remote;                   ///< when not all_local: `shards`, and what searches keep
};

const std::vector<std::string> kNoneMissing;

/// Reopens `shards` (sharing their state with the handle's database), each from a thread of its
/// own: Xapian's Database::reopen asks remote shards in turn, a round trip each, on every
/// request. Whether one may have changed.
bool reopen_remote(std::vector<Xapian::Database>& shards) {
    std::vector<char> changed(shards.size(), 0);
    std::vector<std::size_t> all(shards.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    ask_in_parallel(all, [&](std::size_t i) { changed[i] = shards[i].reopen() ? 1 : 0; });
    return std::find(changed.begin(), changed.end(), 1) != changed.end();
}

/// Per-thread handles, keyed by the owning set's serial.
thread_local std::map<uint64_t, Handle> t_handles;

constexpr std::string_view kTcp = "tcp://";
constexpr std::string_view kProgram = "prog:";

bool is_remote(const std::string& spec) {
    return spec.starts_with(kTcp) || spec.starts_with(kProgram);
}

/// Device and inode of `path`, with the modification time for a (stub) file, whose contents
/// change in place.
std::pair<uint64_t, uint64_t> identity_of(const std::string& path, bool file) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        throw DatabaseUnavailable("database " + path + " is not there (" + std::strerror(errno) +
                                  ")");
    }
    if (!file) return {st.st_dev, st.st_ino};
    return {st.st_ino, static_cast<uint64_t>(st.st_mtim.tv_sec) * 1000000000u +
                           static_cast<uint64_t>(st.st_mtim.tv_nsec) + st.st_size};
}

}  // namespace

DatabaseSet::DatabaseSet(std::vector<std::string> specs, ShardPolicy policy)
    : specs_(std::move(specs)),
      policy_(policy),
      health_(policy.retry_after),
      serial_(g_next_serial++) {}

Xapian::Database DatabaseSet::open_one(const std::string& spec) const {
    // Xapian's remote timeout bounds each call (connecting, and each message of a search): a
    // stalled shard then throws NetworkTimeoutError instead of holding the request.
    const auto timeout = static_cast<useconds_t>(policy_.timeout.count());
    if (spec.starts_with(kProgram)) {
        const std::string command = spec.substr(kProgram.size());
        const auto gap = command.find(' ');
        return Xapian::Remote::open(command.substr(0, gap),
                                    gap == std::string::npos ? "" : command.substr(gap + 1),
                                    timeout);
    }
    if (spec.starts_with(kTcp)) {
        std::string host = spec.substr(kTcp.size());
        const auto colon = host.rfind(':');
        if (colon == std::string::npos)
            throw DatabaseUnavailable("remote database " + spec + " needs a port");
        const unsigned port = static_cast<unsigned>(std::stoul(host.substr(colon + 1)));
        host.erase(colon);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
            host = host.substr(1, host.size() - 2);
        return Xapian::Remote::open(host, port, timeout, timeout);
    }
    return Xapian::Database(spec);
}

DatabaseSet::~DatabaseSet() {
    if (loader_.joinable()) loader_.join();
}

std::string DatabaseSet::version_of(const std::vector<Xapian::Database>& shards) {
    std::string version;
    for (const auto& shard : shards) {
        version += shard.get_uuid();
        version += ':';
        version += std::to_string(shard.get_revision());
        version += ';';
    }
    return version;
}

DatabaseSet::Layout DatabaseSet::layout() const {
    Layout layout;
    for (const auto& spec : specs_) {
        if (is_remote(spec)) {
            layout.shards.push_back(spec);
            layout.identity.emplace_back(0, 0);
            layout.all_local = false;
            continue;
        }
        layout.identity.push_back(identity_of(spec, false));
        const std::filesystem::path stub = stub_file_of(spec);
        if (stub.empty()) {
            layout.shards.push_back(spec);
            continue;
        }
        layout.identity.push_back(identity_of(stub.string(), true));
        try {
            for (const StubShard& shard : read_stub(stub)) {
                layout.shards.push_back(shard.spec());
                if (shard.kind != StubShard::Kind::Local) {
                    layout.identity.emplace_back(0, 0);
                    layout.all_local = false;
                } else {
                    layout.identity.push_back(identity_of(shard.path, false));
                }
            }
        } catch (const StubError& e) {
            throw DatabaseUnavailable(e.what());
        }
    }
    return layout;
}

namespace {

/// How an error names a shard: its place in the list and its address.
std::string shard_name(std::size_t index, std::size_t count, const std::string& spec) {
    return count > 1 ? "shard " + std::to_string(index) + " (" + spec + ")" : "database " + spec;
}

}  // namespace

DatabaseSet::Opened DatabaseSet::open(const std::vector<std::string>& shards,
                                      std::vector<std::string>* missing) const {
    Opened opened;
    std::vector<std::string> failed;
    std::string failures;  // each named, for the one who has to restart it
    for (std::size_t i = 0; i < shards.size(); ++i) {
        const std::string& spec = shards[i];
        const std::string name = shard_name(i, shards.size(), spec);
        auto fail = [&](const std::string& reason) {
            failed.push_back(spec);
            failures += (failures.empty() ? "" : "; ") + name + " unavailable: " + reason;
        };
        if (is_remote(spec) && !health_.claim(spec)) {
            fail(std::string(shard_state_name(health_.state(spec))) + " (" + health_.reason(spec) +
                 "), asked again shortly");
            continue;
        }
        try {
            Xapian::Database shard = open_one(spec);
            check_schema(shard, "database " + spec);
            opened.shards.push_back(shard);
            health_.mark_up(spec);
        } catch (const OtherSchemaVersion& e) {
            health_.mark_failed(spec, ShardState::Down, e.what());
            throw DatabaseUnavailable(e.what());
        } catch (const Xapian::NetworkTimeoutError& e) {
            health_.mark_failed(spec, ShardState::Slow, e.get_description());
            fail("no answer within " + std::to_string(policy_.timeout.count()) + " ms");
        } catch (const Xapian::NetworkError& e) {
            health_.mark_failed(spec, ShardState::Down, e.get_description());
            fail(e.get_description());
        } catch (const DatabaseUnavailable& e) {
            health_.mark_failed(spec, ShardState::Down, e.what());
            throw;
        } catch (const Xapian::Error& e) {
            health_.mark_failed(spec, ShardState::Down, e.get_description());
            throw DatabaseUnavailable(name + " unavailable: " + e.get_description());
        } catch (const std::invalid_argument&) {
            throw DatabaseUnavailable(name + ": bad database address");
        } catch (const std::out_of_range&) {
            throw DatabaseUnavailable(name + ": bad database address");
        }
    }
    // Never a smaller answer unless it is allowed and said: with no shard answering there is
    // nothing to say it about.
    if (!failed.empty() && (!missing || opened.shards.empty()))
        throw ShardsUnavailable(failures, std::move(failed));
    for (const auto& shard : opened.shards) opened.combined.add_database(shard);
    if (missing) *missing = std::move(failed);
    return opened;
}

Xapian::Database& DatabaseSet::current() {
    // One stat per directory (and a read of each stub) per request: cheap, and the only way to
    // notice a directory moved away or replaced, since open files keep the old one readable.
    Layout now = layout();
    Handle& handle = t_handles[serial_];
    const bool ask_missing =
        std::any_of(handle.missing.begin(), handle.missing.end(),
                    [&](const std::string& spec) { return health_.worth_asking(spec); });
    if (handle.db && handle.identity == now.identity && handle.shard_specs == now.shards &&
        !ask_missing) {
        try {
            if (handle.all_local) {
                handle.db->reopen();
                handle.version = version_of(handle.shards);
            } else if (reopen_remote(handle.shards)) {
                handle.remote.revision.clear();
            }
            return *handle.db;
        } catch (const Xapian::Error&) {
            // unreadable now, or a remote shard gone: open afresh below
        }
    }
    handle = Handle{};
    std::vector<std::string> missing;
    Opened opened = open(now.shards, policy_.allow_partial ? &missing : nullptr);
    handle.db = std::make_unique<Xapian::Database>(std::move(opened.combined));
    handle.shards = std::move(opened.shards);
    handle.shard_specs = std::move(now.shards);
    handle.identity = std::move(now.identity);
    handle.all_local = now.all_local;
    handle.missing = std::move(missing);
    if (!handle.all_local) handle.remote.databases = handle.shards;
    try {
        if (handle.all_local) handle.version = version_of(handle.shards);
    } catch (const Xapian::Error& e) {
        handle = Handle{};
        throw DatabaseUnavailable("database unavailable: " + e.get_description());
    }
    return *handle.db;
}

const std::vector<std::string>& DatabaseSet::missing() const {
    const auto found = t_handles.find(serial_);
    return found == t_handles.end() ? kNoneMissing : found->second.missing;
}

RemoteShards* DatabaseSet::remote_shards() {
    const auto found = t_handles.find(serial_);
    if (found == t_handles.end() || found->second.all_local) return nullptr;
    return &found->second.remote;
}

ShardsUnavailable DatabaseSet::check_remote_shards() {
    reset_current();
    std::vector<std::string> failed;
    std::string failures;
    Layout now;
    try {
        now = layout();
    } catch (const DatabaseUnavailable&) {
        return {failures, failed};  // the next request names what is missing
    }
    for (std::size_t i = 0; i < now.shards.size(); ++i) {
        const std::string& spec = now.shards[i];
        if (!is_remote(spec)) continue;
        std::string reason;
        try {
            open_one(spec).get_doccount();
            health_.mark_up(spec);
            continue;
        } catch (const Xapian::NetworkTimeoutError& e) {
            health_.mark_failed(spec, ShardState::Slow, e.get_description());
            reason = "no answer within " + std::to_string(policy_.timeout.count()) + " ms";
        } catch (const Xapian::Error& e) {
            health_.mark_failed(spec, ShardState::Down, e.get_description());
            reason = e.get_description();
        } catch (const std::exception& e) {
            health_.mark_failed(spec, ShardState::Down, e.what());
            reason = e.what();
        }
        failed.push_back(spec);
        failures += (failures.empty() ? "" : "; ") + shard_name(i, now.shards.size(), spec) +
                    " unavailable: " + reason;
    }
    return {failures, failed};
}

std::vector<ShardReport> DatabaseSet::shard_reports() const {
    std::vector<ShardReport> reports;
    try {
        for (const std::string& spec : layout().shards)
            reports.push_back({spec, health_.state(spec)});
    } catch (const DatabaseUnavailable&) {
        // no layout to report (a folder missing): the gauge of the database says it
    }
    return reports;
}

std::string DatabaseSet::version() const {
    const auto found = t_handles.find(serial_);
    return found == t_handles.end() ? std::string() : found->second.version;
}

std::shared_ptr<const ValueTable> DatabaseSet::values() {
    const auto found = t_handles.find(serial_);
    if (found == t_handles.end() || found->second.version.empty()) return nullptr;
    std::unique_lock lock(values_mutex_);
    if (values_ && values_version_ == found->second.version) return values_;
    start_loading(lock);
    return nullptr;
}

void DatabaseSet::start_loading(std::unique_lock<std::mutex>& lock) {
    if (loading_ || std::chrono::steady_clock::now() < next_load_) return;
    loading_ = true;
    // The previous loader has finished (loading_ was false); join it without the lock held.
    std::thread previous = std::move(loader_);
    lock.unlock();
    if (previous.joinable()) previous.join();
    lock.lock();
    loader_ = std::thread([this] { load_in_background(); });
}

void DatabaseSet::load_in_background() {
    const auto started = std::chrono::steady_clock::now();
    std::shared_ptr<const ValueTable> table;
    std::string version;
    try {
        const Layout now = layout();
        if (now.all_local) {
            const Opened opened = open(now.shards);
            version = version_of(opened.shards);
            table = std::make_shared<const ValueTable>(opened.shards);
        }
    } catch (const std::exception&) {
        // Gone or unreadable: searches read Xapian's values until a later request asks again.
    } catch (const Xapian::Error&) {
        // Changed twice while reading, or unreadable: the same.
    }
    const auto took = std::chrono::steady_clock::now() - started;
    std::lock_guard lock(values_mutex_);
    if (table) {
        values_ = std::move(table);
        values_version_ = std::move(version);
    }
    next_load_ = std::chrono::steady_clock::now() + kLoadSpacing * took;
    loading_ = false;
}

void DatabaseSet::load_values() {
    const Layout now = layout();
    if (!now.all_local) return;
    const Opened opened = open(now.shards);
    auto table = std::make_shared<const ValueTable>(opened.shards);
    std::lock_guard lock(values_mutex_);
    values_ = std::move(table);
    values_version_ = version_of(opened.shards);
}

void DatabaseSet::reset_current() {
    t_handles.erase(serial_);
}

}  // namespace tracuu
