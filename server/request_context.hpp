// What the server knows about the request a worker thread is handling: its id, when it began and
// whether it was cut short. One per thread, because a worker serves one connection at a time.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "byte_ranges.hpp"

namespace tracuu {

/// Why a request was not read or answered in full.
enum class RequestCut { None, ReadTimeout, TooLarge, WriteTimeout };

struct RequestContext {
    std::string id;  ///< sent back as X-Request-Id and written in the access log
    std::chrono::steady_clock::time_point started;
    RequestCut cut = RequestCut::None;
    bool answered = false;          ///< a response was written (and logged)
    bool close_connection = false;  ///< close after answering (e.g. a body left unread)
    ByteRanges ranges;              ///< the Range header's, for the handlers of files
};

/// This thread's request.
RequestContext& current_request();

/// Starts a new request on this thread with a fresh id.
RequestContext& begin_request();

/// A new id, unique within this process and unlikely to repeat across restarts: `5f3a9c21-1a4`.
std::string new_request_id();

/// True for an id a client may supply (X-Request-Id) and we may echo and log as it is: 1 to 64
/// characters from [A-Za-z0-9._:-].
bool is_acceptable_request_id(std::string_view id);

}  // namespace tracuu
