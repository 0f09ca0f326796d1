// Opening the database for writing, and creating it so that its path never names a half-made
// one: Xapian creates a database file by file, and a run killed in between leaves a folder that
// neither opens nor can be indexed into again.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace tracuu {

using Metadata = std::vector<std::pair<std::string, std::string>>;

/// Metadata of a compacted database: the revision its copy was brought to (compact_in_place).
inline constexpr const char* kMetaCompactedRevision = "tracuu.compacted_revision";

/// The folder a database path names: absolute and normal, `db/` naming the folder `db`.
std::filesystem::path folder_path(const std::filesystem::path& given_path);

/// The hidden sibling of `path` in which this process makes a new database (`purpose`
/// `creating`, also a folder of shards) or a compact copy (`compacting`) before renaming it into
/// place: its name says what for and which process, so a later run can tell it is abandoned.
std::filesystem::path staging_folder(const std::filesystem::path& path,
                                     const char* purpose = "creating");

struct OpenedDatabase {
    Xapian::WritableDatabase db;
    bool created = false;  ///< there was none: this run made it
};

/// Opens the database at `path` for writing. When there is none yet (or only an empty folder),
/// it is made in a hidden sibling folder, given `initial_metadata` and committed, and only then
/// renamed to `path`: a run killed at any moment leaves no database or one that opens. Throws
/// Xapian errors (DatabaseLockError when another writer has it) and std::runtime_error.
OpenedDatabase open_or_create_database(const std::filesystem::path& path,
                                       const Metadata& initial_metadata);

/// Writes a compact copy of the committed database `db` (open for writing at `path`, so no other
/// writer can change it meanwhile) in a hidden sibling folder and swaps the two folders in one
/// atomic rename: readers find a whole database at `path` at every moment, the new one from their
/// next reopen. Returns the folder now holding the old database, to remove once `db` is closed.
/// A run killed meanwhile leaves the old database in place (and a staging folder the next
/// compaction removes). Throws Xapian errors and std::runtime_error.
std::filesystem::path compact_in_place(Xapian::WritableDatabase& db,
                                       const std::filesystem::path& path);

}  // namespace tracuu
