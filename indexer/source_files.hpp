// Finding the files to index and reading them as text, with a clear reason when one is refused.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace tracuu {

/// A file that cannot be indexed, with the reason in words (the path is reported by the caller).
class SourceError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct SourceFile {
    std::filesystem::path path;  ///< as found
    std::string id;              ///< path relative to the index root, '/'-separated
    uint64_t size = 0;
};

struct Problem {
    std::string path;
    std::string reason;
};

struct Discovery {
    std::vector<SourceFile> files;  ///< sorted by id
    std::vector<Problem> skipped;   ///< not meant for indexing (unsupported type in a folder)
    std::vector<Problem> failed;    ///< asked for but unusable (missing, outside the root)
};

/// Expands files and folders (recursively; hidden entries are ignored) into the files to index.
/// Ids are paths relative to `root`; a file outside it is a failure.
Discovery discover_sources(const std::vector<std::filesystem::path>& inputs,
                           const std::filesystem::path& root);

/// True for file names the indexer reads.
bool is_supported_source(const std::filesystem::path& path);

/// Largest file the indexer reads.
inline constexpr uint64_t kMaxSourceBytes = 64ull << 20;

/// Reads a UTF-8 text file. Throws SourceError for an unreadable, empty, binary, over-large or
/// non-UTF-8 file, naming the reason (and the offset of the first bad byte).
std::string read_text_source(const std::filesystem::path& path);

/// Checks bytes already read the same way read_text_source does.
void check_text_bytes(const std::string& bytes);

}  // namespace tracuu
