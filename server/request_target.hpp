// The raw request target (`/api/search?q=...` as sent), read before cpp-httplib's decoding hides
// what matters: its decoder keeps a malformed `%zz` as typed (so `q=%zz` would search for `%zz`
// instead of telling the client its URL is broken) and drops a parameter repeated with the same
// value (so `q=a&q=a` would pass the one-value-per-parameter rule).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tracuu {

struct TargetProblem {
    std::string parameter;  ///< the query parameter's name as sent, or "path"
    std::string message;
};

/// The first malformed percent-escape in `target`, or nullopt when every `%` starts one.
std::optional<TargetProblem> find_bad_percent_encoding(std::string_view target);

/// The query parameters of `target`, decoded (`%XX`, `+` as space), in order, repeats kept.
/// Malformed escapes are kept as typed: check find_bad_percent_encoding first.
std::vector<std::pair<std::string, std::string>> query_parameters(std::string_view target);

/// `text` with every byte but [A-Za-z0-9-_.~] (and `/` when `keep_slash`) percent-encoded: a
/// path segment, a query value, or an RFC 8187 `filename*` value.
std::string percent_encoded(std::string_view text, bool keep_slash);

}  // namespace tracuu
