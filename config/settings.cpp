#include "settings.hpp"

#include <array>

#ifndef TRACUU_VERSION
#error "TRACUU_VERSION comes from CMake's project(VERSION)"
#endif

namespace tracuu::config {
namespace {

// Defaults repeat the programs' own (IndexOptions, ServerConfig; test_config checks they agree):
// they are what --print-config shows, and what the packaged tracuu.conf lists commented out.
constexpr std::array kSettings{
    Setting{"DB", kIndex | kServer, "--db", false, ""},
    Setting{"INDEX_FOLDER", kIndex, "", true, ""},
    Setting{"INDEX_ROOT", kIndex, "--root", false, ""},
    Setting{"INDEX_JOBS", kIndex, "--jobs", false, "1"},
    Setting{"INDEX_OCR", kIndex, "--ocr", false, "auto"},
    Setting{"SERVER_LISTEN", kServer, "--listen", false, "127.0.0.1:8080"},
    Setting{"SERVER_THREADS", kServer, "--threads", false, "64"},
    Setting{"SERVER_CACHE_MB", kServer, "--cache-mb", false, "64"},
    Setting{"SERVER_TOKEN_FILE", kServer, "--token-file", false, ""},
    Setting{"SERVER_CORS_ORIGIN", kServer, "--cors-origin", true, ""},
    Setting{"SERVER_SHARD_TIMEOUT_MS", kServer, "--shard-timeout-ms", false, "5000"},
};

}  // namespace

std::span<const Setting> settings() {
    return kSettings;
}

std::string_view version() {
    return TRACUU_VERSION;
}

}  // namespace tracuu::config
