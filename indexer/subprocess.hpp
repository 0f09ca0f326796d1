// Running an external converter with a time limit: a converter that hangs on a damaged file is
// killed (its whole process group) when the limit expires, and the run goes on.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tracuu {

/// The full path of `program` found on PATH, or nullopt when it is not installed.
std::optional<std::filesystem::path> find_program(const std::string& program);

struct ProcessResult {
    int exit_code = -1;  ///< -1 when killed by a signal
    bool timed_out = false;
    bool output_too_large = false;
    std::string out;
    std::string err;
};

/// Runs `program` with `args`, capturing stdout and stderr (each cut at `max_output` bytes,
/// after which the process is killed). No shell is involved.
ProcessResult run_process(const std::filesystem::path& program,
                          const std::vector<std::string>& args, std::chrono::milliseconds timeout,
                          std::size_t max_output = 256u << 20);

}  // namespace tracuu
