#include "progress.hpp"

#include <unistd.h>

namespace tracuu {

Progress::Progress(std::FILE* out, std::size_t total_files, uint64_t total_bytes)
    : out_(out),
      terminal_(out != nullptr && isatty(fileno(out)) != 0),
      total_(total_files),
      total_bytes_(total_bytes),
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
    // The ETA follows the bytes left when they are known (a scan takes longer than a note).
    double eta = -1;
    if (seconds > 0.5 && done_ > 0) {
        if (total_bytes_ > 0 && bytes_ > 0) {
            eta = (total_bytes_ > bytes_ ? total_bytes_ - bytes_ : 0) / (bytes_ / seconds);
        } else {
            eta = (total_ > done_ ? total_ - done_ : 0) / rate;
        }
    }
    char eta_text[32] = "ETA ?";
    if (eta >= 0) {
        const long s = static_cast<long>(eta + 0.5);
        if (s >= 3600) {
            std::snprintf(eta_text, sizeof eta_text, "ETA %ldh%02ldm", s / 3600, s / 60 % 60);
        } else {
            std::snprintf(eta_text, sizeof eta_text, "ETA %ldm%02lds", s / 60, s % 60);
        }
    }
    std::fprintf(out_, "%sindexing: %zu/%zu files, %.1f files/s, %.2f MB/s, %s%s",
                 terminal_ ? "\r" : "", done_, total_, rate, mbps, eta_text,
                 terminal_ ? "   " : "\n");
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
