// Reading /etc/tracuu/tracuu.conf: `KEY=value` lines, shared by tracuu-index and tracuu-server.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu::config {

/// A file that cannot be read, or a line that is not `KEY=value`: the message names the file and
/// the line, as an administrator needs it to fix the file.
struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Entry {
    std::string key;
    std::string value;  ///< empty: the key is not set (as if the line were absent)
    int line = 0;
};

/// Parses the text of a configuration file: one `KEY=value` per line; blank lines and lines
/// starting with `#` are skipped; spaces around key and value are dropped and one pair of matching
/// quotes around the value too. A key is `[A-Z0-9_]+`. `source` names the file in errors.
std::vector<Entry> parse_config(std::string_view text, std::string_view source);

/// Reads and parses a configuration file. Throws ConfigError.
std::vector<Entry> read_config_file(const std::filesystem::path& path);

}  // namespace tracuu::config
