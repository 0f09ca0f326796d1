#include "command_line.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "config_file.hpp"

namespace tracuu::config {
namespace {

const Setting* find_setting(std::string_view key) {
    for (const auto& setting : settings())
        if (setting.key == key) return &setting;
    return nullptr;
}

bool gives(const std::vector<Argument>& arguments, std::string_view option) {
    return std::any_of(arguments.begin(), arguments.end(),
                       [&](const Argument& a) { return a.option == option; });
}

/// The file's settings for `program`, in the file's order, as arguments.
std::vector<Argument> file_arguments(const std::string& path, Program program) {
    std::vector<Argument> arguments;
    std::map<std::string, int, std::less<>> seen;  // key -> line, for scalars given twice
    for (const auto& entry : read_config_file(path)) {
        const Setting* setting = find_setting(entry.key);
        const std::string where = path + ":" + std::to_string(entry.line) + ": ";
        if (!setting) throw ConfigError(where + "unknown key " + entry.key);
        if (!setting->list) {
            if (const auto it = seen.find(entry.key); it != seen.end())
                throw ConfigError(where + entry.key + " is already set on line " +
                                  std::to_string(it->second));
            seen.emplace(entry.key, entry.line);
        }
        if (!(setting->programs & program) || entry.value.empty()) continue;
        arguments.push_back({std::string(setting->option), entry.value});
    }
    return arguments;
}

}  // namespace

CommandLine read_command_line(int argc, const char* const* argv, Program program,
                              std::span<const OptionSpec> options) {
    CommandLine line;
    std::string config_path;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            for (++i; i < argc; ++i) line.arguments.push_back({"", argv[i]});
            break;
        }
        if (arg == "--print-config") {
            line.print_config = true;
            continue;
        }
        if (arg == "--version") {
            line.version = true;
            continue;
        }
        if (arg == "--config") {
            if (i + 1 >= argc) {
                line.error = "--config needs a file";
                return line;
            }
            config_path = argv[++i];
            continue;
        }
        if (!arg.starts_with("-") || arg.size() == 1) {
            line.arguments.push_back({"", arg});
            continue;
        }
        const auto spec = std::find_if(options.begin(), options.end(),
                                       [&](const OptionSpec& o) { return o.name == arg; });
        if (spec == options.end()) {
            line.error = "unknown option " + arg;
            return line;
        }
        if (!spec->takes_value) {
            line.arguments.push_back({arg, ""});
        } else if (i + 1 < argc) {
            line.arguments.push_back({arg, argv[++i]});
        } else {
            line.error = arg + " needs a value";
            return line;
        }
    }
    if (config_path.empty()) return line;
    std::vector<Argument> merged;
    for (auto& argument : file_arguments(config_path, program))
        if (!gives(line.arguments, argument.option)) merged.push_back(std::move(argument));
    merged.insert(merged.end(), line.arguments.begin(), line.arguments.end());
    line.arguments = std::move(merged);
    return line;
}

std::string effective_config(const CommandLine& line, Program program) {
    std::string out =
        "# tracuu " + std::string(version()) + ": the settings this program runs with\n";
    for (const auto& setting : settings()) {
        if (!(setting.programs & program)) continue;
        std::vector<std::string_view> values;
        for (const auto& argument : line.arguments)
            if (argument.option == setting.option) values.push_back(argument.value);
        if (values.empty()) values.push_back(setting.default_value);
        if (!setting.list) values.erase(values.begin(), values.end() - 1);  // the last one counts
        for (const auto value : values)
            out.append(setting.key).append("=").append(value).append("\n");
    }
    return out;
}

std::optional<long> whole_number(std::string_view text, long low, long high) {
    long n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return {};
    if (n < low || n > high) return {};
    return n;
}

std::optional<double> positive_number(std::string_view text, double high) {
    double x = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), x);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return {};
    if (!(x > 0) || x > high) return {};
    return x;
}

}  // namespace tracuu::config
