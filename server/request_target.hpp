// Checks on the raw request target (`/api/search?q=...` as sent), before cpp-httplib's decoding
// hides them: a `%` not followed by two hex digits is kept as typed by the decoder, so `q=%zz`
// would search for the text `%zz` instead of telling the client its URL is broken.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tracuu {

struct TargetProblem {
    std::string parameter;  ///< the query parameter's name as sent, or "path"
    std::string message;
};

/// The first malformed percent-escape in `target`, or nullopt when every `%` starts one.
std::optional<TargetProblem> find_bad_percent_encoding(std::string_view target);

}  // namespace tracuu
