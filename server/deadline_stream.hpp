// A connected socket as a cpp-httplib Stream whose reads and writes stop at a deadline for the
// whole request, not for each byte: a client trickling one header byte a second (slowloris) is cut
// when the request's time is up, however steadily it trickles. It also caps the bytes one request
// may send, so endless header lines cannot fill memory.
#pragma once

#include <httplib.h>
#include <poll.h>

#include <array>
#include <chrono>
#include <cstddef>

#include "request_context.hpp"

namespace tracuu {

class DeadlineStream : public httplib::Stream {
  public:
    using Clock = std::chrono::steady_clock;

    DeadlineStream(int sock, std::size_t max_request_bytes, std::chrono::milliseconds timeout);

    /// Starts the next request: it must arrive within `timeout` from now, and its response must be
    /// sent within `timeout` of the first byte written. Cuts are recorded in `context`.
    void begin_request(RequestContext& context);

    /// Waits until the next request's first byte is here (true), or `give_up()` says to stop
    /// waiting or `until` passes (false). Polls in short slices so `give_up` is asked often.
    template <class GiveUp>
    bool wait_for_request(Clock::time_point until, GiveUp give_up) {
        while (true) {
            if (has_buffered() || wait(POLLIN, std::min(until, Clock::now() + kSlice))) return true;
            if (Clock::now() >= until || give_up()) return false;
        }
    }

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, std::size_t size) override;
    ssize_t write(const char* ptr, std::size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    int socket() const override { return sock_; }

  private:
    static constexpr auto kSlice = std::chrono::milliseconds(20);

    bool has_buffered() const { return buffer_begin_ < buffer_end_; }
    /// Polls for `events` until `deadline`; true when the socket is ready (or closed/failed, so
    /// that the next read or write reports it at once).
    bool wait(short events, Clock::time_point deadline) const;
    void record_cut(RequestCut cut) const;

    int sock_;
    std::size_t max_request_bytes_;
    std::chrono::milliseconds timeout_;
    RequestContext* context_ = nullptr;
    Clock::time_point read_deadline_;
    mutable Clock::time_point write_deadline_;
    mutable bool writing_ = false;
    std::size_t request_bytes_ = 0;
    std::array<char, 4096> buffer_;
    std::size_t buffer_begin_ = 0;
    std::size_t buffer_end_ = 0;
};

}  // namespace tracuu
