// Every document, as a query of its own.
#pragma once

#include <string>

#include <xapian.h>

namespace tracuu {

/// A fresh match-all query, never a copy of the static Xapian::Query::MatchAll: Xapian 1.4 counts
/// references without atomics, so copying that one shared object from several server threads at
/// once corrupts its count (a crash seen under wrk with filter-only searches).
inline Xapian::Query match_all() {
    return Xapian::Query(std::string());
}

}  // namespace tracuu
