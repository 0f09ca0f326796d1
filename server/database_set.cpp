#include "database_set.hpp"

#include <sys/stat.h>

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <map>
#include <memory>

#include "indexer/schema.hpp"

namespace tracuu {
namespace {

std::atomic<uint64_t> g_next_serial{1};

// A new revision's value table is read at most this often relative to how long reading the
// last took, so an indexer committing every second does not keep a core busy re-reading.
constexpr int kLoadSpacing = 4;

struct Handle {
    std::unique_ptr<Xapian::Database> db;
    std::vector<Xapian::Database> shards;  ///< share their state with `db`: reopened with it
    DatabaseSet::Identity identity;        ///< of the directories it was opened from
    std::string version;                   ///< DatabaseSet::version_of(shards) after reopen
};

/// Per-thread handles, keyed by the owning set's serial.
thread_local std::map<uint64_t, Handle> t_handles;

bool is_remote(const std::string& spec) {
    return spec.starts_with("tcp://");
}

Xapian::Database open_one(const std::string& spec) {
    constexpr std::string_view tcp = "tcp://";
    if (is_remote(spec)) {
        const std::string address = spec.substr(tcp.size());
        const auto colon = address.rfind(':');
        if (colon == std::string::npos)
            throw DatabaseUnavailable("remote database " + spec + " needs a port");
        const unsigned port = static_cast<unsigned>(std::stoul(address.substr(colon + 1)));
        return Xapian::Remote::open(address.substr(0, colon), port);
    }
    return Xapian::Database(spec);
}

/// Refuses a database written by another schema version: its terms and stored data are not what
/// this server reads.
void check_schema(const std::string& spec, const Xapian::Database& db) {
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw DatabaseUnavailable("database " + spec + " has schema version " + version +
                                  ", this server reads version " +
                                  std::string(schema::kSchemaVersion) +
                                  ": re-index it into a new database with tracuu-index");
    }
}

}  // namespace

DatabaseSet::DatabaseSet(std::vector<std::string> specs)
    : specs_(std::move(specs)),
      local_(specs_.size() == 1 && !is_remote(specs_.front())),
      all_local_(std::none_of(specs_.begin(), specs_.end(), is_remote)),
      serial_(g_next_serial++) {}

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

DatabaseSet::Opened DatabaseSet::open() const {
    try {
        Opened opened;
        for (const auto& spec : specs_) {
            opened.shards.push_back(open_one(spec));
            check_schema(spec, opened.shards.back());
            opened.combined.add_database(opened.shards.back());
        }
        return opened;
    } catch (const Xapian::Error& e) {
        throw DatabaseUnavailable("database unavailable: " + e.get_description());
    } catch (const std::invalid_argument&) {
        throw DatabaseUnavailable("bad database address");
    } catch (const std::out_of_range&) {
        throw DatabaseUnavailable("bad database address");
    }
}

DatabaseSet::Identity DatabaseSet::identify() const {
    Identity identity;
    for (const auto& spec : specs_) {
        if (is_remote(spec)) {
            identity.emplace_back(0, 0);
            continue;
        }
        struct stat st {};
        if (::stat(spec.c_str(), &st) != 0) {
            throw DatabaseUnavailable("database " + spec + " is not there (" +
                                      std::strerror(errno) + ")");
        }
        identity.emplace_back(st.st_dev, st.st_ino);
    }
    return identity;
}

Xapian::Database& DatabaseSet::current() {
    // One stat per directory and request: cheap, and the only way to notice a directory moved
    // away or replaced, since open files keep the old one readable.
    Identity identity = identify();
    Handle& handle = t_handles[serial_];
    if (handle.db && handle.identity == identity) {
        try {
            handle.db->reopen();
            if (all_local_) handle.version = version_of(handle.shards);
            return *handle.db;
        } catch (const Xapian::Error&) {
            // unreadable now: open afresh below
        }
    }
    handle = Handle{};
    Opened opened = open();
    handle.db = std::make_unique<Xapian::Database>(std::move(opened.combined));
    handle.shards = std::move(opened.shards);
    handle.identity = std::move(identity);
    if (all_local_) handle.version = version_of(handle.shards);
    return *handle.db;
}

std::string DatabaseSet::version() const {
    const auto found = t_handles.find(serial_);
    return found == t_handles.end() ? std::string() : found->second.version;
}

std::shared_ptr<const ValueTable> DatabaseSet::values() {
    if (!local_) return nullptr;
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
        const Opened opened = open();
        version = version_of(opened.shards);
        table = std::make_shared<const ValueTable>(opened.combined);
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
    if (!local_) return;
    const Opened opened = open();
    auto table = std::make_shared<const ValueTable>(opened.combined);
    std::lock_guard lock(values_mutex_);
    values_ = std::move(table);
    values_version_ = version_of(opened.shards);
}

void DatabaseSet::reset_current() {
    t_handles.erase(serial_);
}

}  // namespace tracuu
