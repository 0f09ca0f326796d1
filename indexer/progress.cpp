#include "progress.hpp"

#include <unistd.h>

namespace tracuu {

Progress::Progress(std::FILE* out, std::size_t total_files)
    : out_(out),
      terminal_(out != nullptr && isatty(fileno(out)) != 0),
      total_(total_files),
      start_(std::chrono::steady_clock::now()),
      last_report_(start_) {}

double Progress::elapsed_seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::step(uint64_t bytes) {
    ++done_;
    bytes_ += bytes;
    const auto now = std::chrono::steady_clock::now();
    const auto interval = terminal_ ? std::chrono::milliseconds(250) : std::chrono::seconds(5);
    if (now - last_report_ >= interval) {
        last_report_ = now;
        report();
    }
}

void Progress::report() {
    if (out_ == nullptr) return;
    const double seconds = elapsed_seconds();
    const double rate = seconds > 0 ? done_ / seconds : 0;
    const double mbps = seconds > 0 ? bytes_ / seconds / 1e6 : 0;
    std::fprintf(out_, "%sindexing: %zu/%zu files, %.0f docs/s, %.1f MB/s%s", terminal_ ? "\r" : "",
                 done_, total_, rate, mbps, terminal_ ? "   " : "\n");
    std::fflush(out_);
    reported_ = true;
}

void Progress::finish() {
    if (terminal_ && reported_) {
        report();
        std::fputc('\n', out_);
    }
}

}  // namespace tracuu
