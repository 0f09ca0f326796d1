// The one check that a database is of this tracuu's schema version (schema::kSchemaVersion),
// made by the indexer before writing and by the server before reading.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <xapian.h>

namespace tracuu {

/// A database written under another schema version: its terms and stored data are not what this
/// tracuu reads or writes. tracuu-index exits with its own status for it (kExitOtherSchema), so
/// that scripts/start can rebuild its database without reading the message.
class OtherSchemaVersion : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Throws OtherSchemaVersion, naming the database as `name`, when `db` records a schema version
/// other than this one's. A database that records none is new (or empty) and passes.
void check_schema(const Xapian::Database& db, std::string_view name);

}  // namespace tracuu
