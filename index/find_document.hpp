// Finding an indexed document by its id (the path relative to the index root), for the reader
// and the writer alike.
#pragma once

#include <optional>
#include <string_view>

#include <xapian.h>

namespace tracuu {

/// The Xapian document of `id` (its schema::kId term), or nullopt when none is indexed.
std::optional<Xapian::docid> find_document(const Xapian::Database& db, std::string_view id);

}  // namespace tracuu
