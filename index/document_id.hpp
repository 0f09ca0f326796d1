// What a document id may look like. Ids are made by discover_sources as paths relative to the
// index root; requests name them, so anything else (`../../etc/passwd`, `/etc/passwd`, a NUL) is
// refused before it reaches the index or, for endpoints that read files, the file system.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tracuu {

/// Longest id accepted.
inline constexpr std::size_t kMaxDocumentIdBytes = 4096;

/// Why `id` cannot be a document id, in words; empty when it can: valid UTF-8, relative,
/// '/'-separated, no empty, `.` or `..` segment, no control character.
std::string document_id_problem(std::string_view id);

/// The file `id` names under `root` (not resolved further), or nullopt when there is none. Ids are
/// NFC (normalize_text) while a file name may be NFD as macOS writes it: a segment not found as
/// it is is looked for among its folder's entries by its NFC form.
std::optional<std::filesystem::path> file_named_by_id(const std::filesystem::path& root,
                                                      std::string_view id);

}  // namespace tracuu
