#include "schema_check.hpp"

#include "schema.hpp"

namespace tracuu {

void check_schema(const Xapian::Database& db, std::string_view name) {
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw OtherSchemaVersion(std::string(name) + " has schema version " + version +
                                 ", this tracuu reads and writes version " +
                                 std::string(schema::kSchemaVersion) +
                                 ": re-index it into a new database with tracuu-index");
    }
}

}  // namespace tracuu
