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
};

/// Per-thread handles, keyed by the owning set's serial.
thread_local std::map<uint64_t, Handle> t_handles;

constexpr std::string_view kTcp = "tcp://";
constexpr std::string_view kProgram = "prog:";

bool is_remote(const std::string& spec) {
    return spec.starts_with(kTcp) || spec.starts_with(kProgram);
}

Xapian::Database open_one(const std::string& spec) {
    if (spec.starts_with(kProgram)) {
        const std::string command = spec.substr(kProgram.size());
        const auto gap = command.find(' ');
        return Xapian::Remote::open(command.substr(0, gap),
                                    gap == std::string::npos ? "" : command.substr(gap + 1));
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
        return Xapian::Remote::open(host, port);
    }
    return Xapian::Database(spec);
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

DatabaseSet::DatabaseSet(std::vector<std::string> specs)
    : specs_(std::move(specs)), serial_(g_next_serial++) {}

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

DatabaseSet::Opened DatabaseSet::open(const std::vector<std::string>& shards) const {
    Opened opened;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        const std::string& spec = shards[i];
        // Which shard failed, for the one who has to restart it.
        const std::string name = shards.size() > 1
                                     ? "shard " + std::to_string(i) + " (" + spec + ")"
                                     : "database " + spec;
        try {
            opened.shards.push_back(open_one(spec));
            check_schema(opened.shards.back(), "database " + spec);
            opened.combined.add_database(opened.shards.back());
        } catch (const OtherSchemaVersion& e) {
            throw DatabaseUnavailable(e.what());
        } catch (const Xapian::Error& e) {
            throw DatabaseUnavailable(name + " unavailable: " + e.get_description());
        } catch (const std::invalid_argument&) {
            throw DatabaseUnavailable(name + ": bad database address");
        } catch (const std::out_of_range&) {
            throw DatabaseUnavailable(name + ": bad database address");
        }
    }
    return opened;
}

Xapian::Database& DatabaseSet::current() {
    // One stat per directory (and a read of each stub) per request: cheap, and the only way to
    // notice a directory moved away or replaced, since open files keep the old one readable.
    Layout now = layout();
    Handle& handle = t_handles[serial_];
    if (handle.db && handle.identity == now.identity && handle.shard_specs == now.shards) {
        try {
            handle.db->reopen();
            if (handle.all_local) handle.version = version_of(handle.shards);
            return *handle.db;
        } catch (const Xapian::Error&) {
            // unreadable now: open afresh below
        }
    }
    handle = Handle{};
    Opened opened = open(now.shards);
    handle.db = std::make_unique<Xapian::Database>(std::move(opened.combined));
    handle.shards = std::move(opened.shards);
    handle.shard_specs = std::move(now.shards);
    handle.identity = std::move(now.identity);
    handle.all_local = now.all_local;
    try {
        if (handle.all_local) handle.version = version_of(handle.shards);
    } catch (const Xapian::Error& e) {
        handle = Handle{};
        throw DatabaseUnavailable("database unavailable: " + e.get_description());
    }
    return *handle.db;
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
