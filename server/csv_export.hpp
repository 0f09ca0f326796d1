// GET /api/search?…&format=csv: the results as a spreadsheet, streamed a few hundred rows at a
// time. Same parameters, filters and order as the JSON answer (pages are cut from one order, see
// searcher.cpp), `limit` up to kMaxCsvRows.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "api.hpp"

namespace tracuu {

/// The columns, in order.
inline constexpr const char* kCsvHeader = "id,number,type,issuer,date,subject,link";

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a field a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
/// leading apostrophe, so an exported subject line can never run as one.
std::string csv_field(std::string_view value);

/// One row for a search result: `result_members` is its stored result line (JSON members),
/// `page_url` the page's address (`http://host:port/`) the link column points into.
std::string csv_row(std::string_view result_members, const std::string& page_url);

/// A body sent as it is made, as a value: its headers, and `next`, which gives the next piece
/// ("" when all is sent) and throws when it cannot go on (http_server.cpp then cuts the answer).
struct StreamReply {
    int status = 200;
    std::string content_type;
    std::vector<std::pair<std::string, std::string>> headers;
    std::function<std::string()> next;
};

/// The search's rows as CSV (UTF-8 with a byte-order mark, so Excel reads the marks; CRLF line
/// ends). The first rows are searched here, so a database error reaches the caller (which
/// retries); later ones while sending: if the index changes so much meanwhile that they cannot
/// be read, `next` throws and the answer ends early (the connection closes).
StreamReply search_csv(const Xapian::Database& db, const SearchRequest& request,
                       const ValueTablePtr& values, const std::string& page_url);

}  // namespace tracuu
