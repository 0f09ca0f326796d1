#include "config_file.hpp"

#include <fstream>
#include <sstream>

namespace tracuu::config {
namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

bool is_key(std::string_view key) {
    if (key.empty()) return false;
    for (const char c : key)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

}  // namespace

std::vector<Entry> parse_config(std::string_view text, std::string_view source) {
    std::vector<Entry> entries;
    int number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view raw = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++number;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        const auto where = std::string(source) + ":" + std::to_string(number) + ": ";
        const auto equals = line.find('=');
        if (equals == std::string_view::npos)
            throw ConfigError(where + "expected KEY=value, got '" + std::string(line) + "'");
        const std::string_view key = trim(line.substr(0, equals));
        if (!is_key(key))
            throw ConfigError(where + "'" + std::string(key) +
                              "' is not a key (capital letters, digits and _)");
        std::string_view value = trim(line.substr(equals + 1));
        // Quotes are accepted because shell habits put them there; they are not part of a path.
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front())
            value = value.substr(1, value.size() - 2);
        entries.push_back({std::string(key), std::string(value), number});
    }
    return entries;
}

std::vector<Entry> read_config_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("cannot read configuration file " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw ConfigError("cannot read configuration file " + path.string());
    return parse_config(text.str(), path.string());
}

}  // namespace tracuu::config
