// The settings of /etc/tracuu/tracuu.conf: each key, the program that reads it, the command-line
// option it stands for and what the program does without it. One table for both programs, so a
// key means the same wherever it is read and a misspelt key is caught by either.
#pragma once

#include <span>
#include <string_view>

namespace tracuu::config {

/// Which program reads a setting (a bit mask: DB is read by both).
enum Program : unsigned { kIndex = 1, kServer = 2 };

struct Setting {
    std::string_view key;
    unsigned programs;
    std::string_view option;         ///< empty: the indexer's PATH arguments
    bool list;                       ///< may be given several times, one value a line
    std::string_view default_value;  ///< what the program uses when neither gives it; "" none
};

std::span<const Setting> settings();

/// The version of both programs, from CMake's project(VERSION).
std::string_view version();

}  // namespace tracuu::config
