// The issue date as the index keeps it in schema::kSlotDate, for the writer that stores it and
// the filters and sorts that compare it.
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// The key of an ISO date `YYYY-MM-DD` (YYYYMMDD), a month `YYYY-MM` or a year `YYYY`. A partial
/// date is keyed by its earliest day with 00 for what is unknown (YYYYMM00, YYYY0000), so it sorts
/// there; with `upper` by its last (YYYYMM99, YYYY9999), for the end of a range. "" for text of
/// none of these shapes.
std::string date_key(std::string_view date, bool upper = false);

}  // namespace tracuu
