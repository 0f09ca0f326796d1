// The server's databases (server/database_set.hpp): a database of another schema version is
// refused with the reason, not misread; the indexer refuses it with an exit status of its own.
#include <catch2/catch.hpp>

#include "index/schema.hpp"
#include "indexer.hpp"
#include "indexer/index_command.hpp"
#include "server/api.hpp"
#include "server/database_set.hpp"
#include "support.hpp"

using namespace tracuu;

TEST_CASE("a database written by another schema version is refused, saying what to do",
          "[server][schema]") {
    test::TempDir tmp;
    {
        Xapian::WritableDatabase old((tmp / "old").string(), Xapian::DB_CREATE);
        old.set_metadata(std::string(schema::kMetaSchemaVersion), "1");
        old.commit();
    }
    DatabaseSet databases({(tmp / "old").string()});
    try {
        databases.current();
        FAIL("a schema 1 database was opened");
    } catch (const DatabaseUnavailable& e) {
        const std::string message = e.what();
        CHECK(message.find("schema version 1") != std::string::npos);
        CHECK(message.find("re-index") != std::string::npos);
    }
    // The bundled index is of this version and opens.
    DatabaseSet current({test::bundled_index().string()});
    CHECK(current.current().get_doccount() == 41);
}

TEST_CASE("the indexer refuses it too, with an exit status of its own", "[indexer][schema]") {
    test::TempDir tmp;
    {
        Xapian::WritableDatabase old((tmp / "old").string(), Xapian::DB_CREATE);
        old.set_metadata(std::string(schema::kMetaSchemaVersion), "1");
        old.commit();
    }
    test::write_file(tmp / "files" / "a.txt", "CÔNG VĂN\nVề việc thử\n");
    CHECK(test::Indexer(tmp / "old").quiet().run({tmp / "files"}).status == kExitOtherSchema);
    CHECK(Xapian::Database((tmp / "old").string()).get_doccount() == 0);
}
