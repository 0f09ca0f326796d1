// GET /api/search?…&format=csv: the results as a spreadsheet, streamed a few hundred rows at a
// time. Same parameters, filters and order as the JSON answer (pages are cut from one order, see
// searcher.cpp), `limit` up to kMaxCsvRows.
#pragma once

#include <string>

#include <httplib.h>
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

/// Streams the search's rows into `res` (UTF-8 with a byte-order mark, so Excel reads the
/// marks; CRLF line ends) and returns status 0. The first rows are searched here, so a database
/// error reaches the caller (which retries); later ones while sending: if the index changes so
/// much meanwhile that they cannot be read, the answer ends early (the connection closes).
ApiResponse send_search_csv(httplib::Response& res, const Xapian::Database& db,
                            const SearchRequest& request, const ValueTablePtr& values,
                            const std::string& page_url);

}  // namespace tracuu
