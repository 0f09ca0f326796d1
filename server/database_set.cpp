#include "database_set.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <memory>

namespace tracuu {
namespace {

std::atomic<uint64_t> g_next_serial{1};

struct Handle {
    std::unique_ptr<Xapian::Database> db;
    DatabaseSet::Identity identity;  ///< of the directories it was opened from
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

}  // namespace

DatabaseSet::DatabaseSet(std::vector<std::string> specs)
    : specs_(std::move(specs)), serial_(g_next_serial++) {}

Xapian::Database DatabaseSet::open() const {
    try {
        Xapian::Database combined;
        for (const auto& spec : specs_) combined.add_database(open_one(spec));
        return combined;
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
            return *handle.db;
        } catch (const Xapian::Error&) {
            // unreadable now: open afresh below
        }
    }
    handle.db.reset();
    handle.db = std::make_unique<Xapian::Database>(open());
    handle.identity = std::move(identity);
    return *handle.db;
}

void DatabaseSet::reset_current() {
    t_handles.erase(serial_);
}

}  // namespace tracuu
