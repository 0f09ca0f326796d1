#include "database_creation.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>  // renameat2
#include <cstring>
#include <stdexcept>

namespace tracuu {
namespace fs = std::filesystem;
namespace {

std::string staging_prefix(const fs::path& path, const char* purpose) {
    return "." + path.filename().string() + "." + purpose + "-";
}

/// Removes staging folders left by creators (or compactions) that were killed: their process is
/// gone.
void remove_abandoned_staging(const fs::path& path, const char* purpose = "creating") {
    std::error_code ec;
    const std::string prefix = staging_prefix(path, purpose);
    for (const auto& entry : fs::directory_iterator(path.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix)) continue;
        const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            fs::remove_all(entry.path(), ec);
    }
}

/// Makes a rename in `dir` durable.
void sync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

bool needs_creation(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) return true;
    if (!fs::is_directory(status))
        throw std::runtime_error(path.string() + " exists and is not a database folder");
    return fs::is_empty(path, ec);
}

/// fsync of every file of a folder: the compacted copy is durable before it takes the name.
void sync_files(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const int fd = ::open(entry.path().c_str(), O_RDONLY);
        if (fd < 0) continue;
        ::fsync(fd);
        ::close(fd);
    }
    sync_directory(dir);
}

}  // namespace

fs::path folder_path(const fs::path& given_path) {
    fs::path path = fs::absolute(given_path).lexically_normal();
    if (path.filename().empty()) path = path.parent_path();  // `db/` names the folder `db`
    return path;
}

fs::path staging_folder(const fs::path& path, const char* purpose) {
    return path.parent_path() / (staging_prefix(path, purpose) + std::to_string(::getpid()));
}

OpenedDatabase open_or_create_database(const fs::path& given_path,
                                       const Metadata& initial_metadata) {
    const fs::path path = folder_path(given_path);
    bool created = false;
    if (needs_creation(path)) {
        fs::create_directories(path.parent_path());
        remove_abandoned_staging(path);
        const fs::path staging = staging_folder(path);
        // Two commits from two handles: in Xapian 1.4.22, a database whose first commit holds
        // only metadata, reopened, stores every document's data uncompressed from then on (4x
        // the docdata table on the corpus); an empty first commit keeps compression.
        Xapian::WritableDatabase(staging.string(), Xapian::DB_CREATE_OR_OVERWRITE).commit();
        {
            Xapian::WritableDatabase fresh(staging.string(), Xapian::DB_OPEN);
            for (const auto& [key, value] : initial_metadata) fresh.set_metadata(key, value);
            fresh.commit();
        }
        // rename() replaces an empty folder and fails on a non-empty one: then another indexer
        // created the database meanwhile, and we open theirs like any existing one.
        if (::rename(staging.c_str(), path.c_str()) == 0) {
            sync_directory(path.parent_path());
            created = true;
        } else {
            const int error = errno;
            std::error_code ec;
            fs::remove_all(staging, ec);
            if (error != ENOTEMPTY && error != EEXIST) {
                throw std::runtime_error("cannot move the new database into place at " +
                                         path.string() + ": " + std::strerror(error));
            }
        }
    }
    return {Xapian::WritableDatabase(path.string(), Xapian::DB_OPEN), created};
}

fs::path compact_in_place(Xapian::WritableDatabase& db, const fs::path& given_path) {
    const fs::path path = folder_path(given_path);
    remove_abandoned_staging(path, "compacting");
    const fs::path staging = staging_folder(path, "compacting");
    std::error_code ec;
    fs::remove_all(staging, ec);
    // Document numbers stay as they are: nothing that reads the database need know it moved.
    const Xapian::rev revision = db.get_revision();
    db.compact(staging.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    {
        // The copy starts again at revision 1; readers must never see the revision go back, so
        // it is brought to the original's, a small commit each (synced once, below).
        Xapian::WritableDatabase copy(staging.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        while (copy.get_revision() < revision) {
            copy.set_metadata(kMetaCompactedRevision, std::to_string(copy.get_revision() + 1));
            copy.commit();
        }
    }
    sync_files(staging);
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
        const int error = errno;
        fs::remove_all(staging, ec);
        throw std::runtime_error("cannot swap the compacted database into place at " +
                                 path.string() + ": " + std::strerror(error));
    }
    sync_directory(path.parent_path());
    return staging;
}

}  // namespace tracuu
