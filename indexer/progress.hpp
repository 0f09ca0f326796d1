// Progress on stderr while the indexer runs: a rewritten line on a terminal, a line every few
// seconds in a log.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace tracuu {

class Progress {
  public:
    /// `out` may be null: count without printing. `total_bytes` (0: unknown) gives the ETA.
    Progress(std::FILE* out, std::size_t total_files, uint64_t total_bytes = 0);

    /// Counts one processed file of `bytes` bytes and reports if it is time to.
    void step(uint64_t bytes);
    /// Ends the progress line (before the summary is printed).
    void finish();

    std::size_t done() const { return done_; }
    uint64_t bytes() const { return bytes_; }
    double elapsed_seconds() const;

  private:
    void report();

    std::FILE* out_;
    bool terminal_;
    std::size_t total_;
    uint64_t total_bytes_;
    std::size_t done_ = 0;
    uint64_t bytes_ = 0;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_report_;
    bool reported_ = false;
};

}  // namespace tracuu
