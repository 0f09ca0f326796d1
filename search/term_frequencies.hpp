// Frequencies of several terms in one request: the statistics of one match, to which every shard
// answers at once, where Database::get_termfreq asks each remote shard in turn, term by term.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace tracuu {

/// How many documents of `db` hold each of `terms`, in their order.
std::vector<Xapian::doccount> term_frequencies(const Xapian::Database& db,
                                               const std::vector<std::string>& terms);

}  // namespace tracuu
