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

/// Opens the database at `path` for writing. When there is none yet (or only an empty folder),
/// it is made in a hidden sibling folder, given `initial_metadata` and committed, and only then
/// renamed to `path`: a run killed at any moment leaves no database or one that opens. Throws
/// Xapian errors (DatabaseLockError when another writer has it) and std::runtime_error.
Xapian::WritableDatabase open_or_create_database(const std::filesystem::path& path,
                                                 const Metadata& initial_metadata);

}  // namespace tracuu
