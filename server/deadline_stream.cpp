#include "deadline_stream.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace tracuu {
namespace {

void address_of(const sockaddr_storage& address, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    ip = text;
}

}  // namespace

DeadlineStream::DeadlineStream(int sock, std::size_t max_request_bytes,
                               std::chrono::milliseconds timeout)
    : sock_(sock), max_request_bytes_(max_request_bytes), timeout_(timeout) {}

void DeadlineStream::begin_request(RequestContext& context) {
    context_ = &context;
    read_deadline_ = Clock::now() + timeout_;
    writing_ = false;
    request_bytes_ = 0;
}

bool DeadlineStream::wait(short events, Clock::time_point deadline) const {
    while (true) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd pfd{sock_, events, 0};
        const int ready = ::poll(&pfd, 1, static_cast<int>(std::max<long long>(left, 0)));
        if (ready > 0) return true;
        if (ready < 0 && errno == EINTR) continue;
        return ready < 0;  // a poll error: let the read or write itself fail
    }
}

void DeadlineStream::record_cut(RequestCut cut) const {
    if (context_ && context_->cut == RequestCut::None) context_->cut = cut;
}

bool DeadlineStream::is_readable() const {
    if (has_buffered()) return true;
    if (wait(POLLIN, read_deadline_)) return true;
    record_cut(RequestCut::ReadTimeout);
    return false;
}

bool DeadlineStream::is_writable() const {
    if (!writing_) {
        writing_ = true;
        write_deadline_ = Clock::now() + timeout_;
    }
    if (wait(POLLOUT, write_deadline_)) return true;
    record_cut(RequestCut::WriteTimeout);
    return false;
}

ssize_t DeadlineStream::read(char* ptr, std::size_t size) {
    if (request_bytes_ >= max_request_bytes_) {
        record_cut(RequestCut::TooLarge);
        return -1;
    }
    size = std::min(size, max_request_bytes_ - request_bytes_);
    if (!has_buffered()) {
        if (!is_readable()) return -1;
        ssize_t n;
        do {
            n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
        } while (n < 0 && errno == EINTR);
        if (n <= 0) return n;
        buffer_begin_ = 0;
        buffer_end_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min(size, buffer_end_ - buffer_begin_);
    std::memcpy(ptr, buffer_.data() + buffer_begin_, n);
    buffer_begin_ += n;
    request_bytes_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, std::size_t size) {
    // Never a blocking send: a client that stops reading must not hold us past the deadline.
    while (true) {
        if (!is_writable()) return -1;
        const ssize_t n = ::send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0 || (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) return n;
    }
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        address_of(address, ip, port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        address_of(address, ip, port);
}

}  // namespace tracuu
