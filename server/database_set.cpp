#include "database_set.hpp"

#include <map>
#include <memory>

namespace tracuu {
namespace {

std::atomic<uint64_t> g_next_serial{1};

/// Per-thread handles, keyed by the owning set's serial.
thread_local std::map<uint64_t, std::unique_ptr<Xapian::Database>> t_handles;

Xapian::Database open_one(const std::string& spec) {
    constexpr std::string_view tcp = "tcp://";
    if (spec.starts_with(tcp)) {
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

Xapian::Database& DatabaseSet::current() {
    auto& handle = t_handles[serial_];
    if (handle) {
        try {
            handle->reopen();
            return *handle;
        } catch (const Xapian::Error&) {
            handle.reset();  // replaced or removed under us: open afresh below
        }
    }
    handle = std::make_unique<Xapian::Database>(open());
    return *handle;
}

void DatabaseSet::reset_current() {
    t_handles.erase(serial_);
}

}  // namespace tracuu
