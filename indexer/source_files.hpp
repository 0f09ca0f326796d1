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
    int64_t mtime_ns = 0;
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

/// The id of `path` under `root` (relative, '/'-separated, NFC), or empty when it lies outside.
std::string source_id(const std::filesystem::path& path, const std::filesystem::path& root);

/// Modification time of a file in nanoseconds (0 when it cannot be read).
int64_t source_mtime_ns(const std::filesystem::path& path);

/// True for file names the indexer reads (.txt, .html, .docx, .doc, .pdf, images).
bool is_supported_source(const std::filesystem::path& path);

/// Default largest file the indexer reads (`--max-size`).
inline constexpr uint64_t kMaxSourceBytes = 64ull << 20;

/// Throws SourceError for an empty file or one over `max_bytes`.
void check_source_size(uint64_t size, uint64_t max_bytes);

/// Reads a whole file. Throws SourceError for an unreadable, empty or over-large one.
std::string read_source_bytes(const std::filesystem::path& path,
                              uint64_t max_bytes = kMaxSourceBytes);

}  // namespace tracuu
