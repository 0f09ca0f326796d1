// The command line of tracuu-index and tracuu-server with `--config FILE` applied: settings the
// file gives come first, the command line's own options after them and instead of them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "settings.hpp"

namespace tracuu::config {

/// An option a program takes, and whether a value follows it.
struct OptionSpec {
    std::string_view name;
    bool takes_value;
};

/// One option with its value ("" for a flag), or a positional argument (empty `option`).
struct Argument {
    std::string option;
    std::string value;
};

struct CommandLine {
    std::vector<Argument> arguments;  ///< the file's settings first, then the command line's
    bool print_config = false;        ///< --print-config
    bool version = false;             ///< --version
    std::string error;                ///< a usage error (unknown option, missing value)
};

/// Reads `argv` with the options of `program` (plus --config FILE, --print-config, --version;
/// everything after `--` is positional). With --config, every setting of `program` the file gives
/// is put before the command line's arguments, unless the command line gives its option (or, for
/// INDEX_FOLDER, any PATH): a command-line value replaces the file's, lists included. Keys of the
/// other program are skipped; unknown keys and scalar keys given twice throw ConfigError.
CommandLine read_command_line(int argc, const char* const* argv, Program program,
                              std::span<const OptionSpec> options);

/// An option's whole number in [low, high], written in full (`12`; not `12x`, ` 12` or empty),
/// else nothing: the one reading of both programs' numeric options.
std::optional<long> whole_number(std::string_view text, long low, long high);

/// An option's number in (0, high], decimals allowed (`2.5`), else nothing.
std::optional<double> positive_number(std::string_view text, double high);

/// The settings `program` runs with, as a configuration file (`KEY=value`, defaults for what
/// neither the file nor the command line gave): what --print-config prints.
std::string effective_config(const CommandLine& line, Program program);

}  // namespace tracuu::config
