#include "index_writer.hpp"

#include "database_creation.hpp"
#include "document_builder.hpp"
#include "schema.hpp"

namespace tracuu {
namespace {

std::filesystem::path absolute_root(const std::optional<std::filesystem::path>& root) {
    return std::filesystem::absolute(root.value_or(std::filesystem::current_path()))
        .lexically_normal();
}

Xapian::WritableDatabase open_writable(const std::filesystem::path& db_path,
                                       const std::filesystem::path& root) {
    try {
        // A new database is born with its root and schema version (see database_creation.hpp).
        return open_or_create_database(db_path, {{std::string(schema::kMetaRoot), root.string()},
                                                 {std::string(schema::kMetaSchemaVersion),
                                                  std::string(schema::kSchemaVersion)}});
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("database " + db_path.string() +
                         " is locked by another indexer; wait for it to finish");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + db_path.string() + ": " + e.get_description());
    } catch (const std::exception& e) {
        throw IndexError("cannot open database " + db_path.string() + ": " + e.what());
    }
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& db_path,
                         const std::optional<std::filesystem::path>& root)
    : db_(open_writable(db_path, absolute_root(root))) {
    const std::string stored_root = db_.get_metadata(std::string(schema::kMetaRoot));
    const std::string version = db_.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw IndexError("database " + db_path.string() + " has schema version " + version +
                         ", this tracuu writes version " + std::string(schema::kSchemaVersion) +
                         "; re-index into a new database");
    }
    const auto wanted = absolute_root(root);
    if (stored_root.empty()) {
        root_ = wanted;
        db_.set_metadata(std::string(schema::kMetaRoot), root_.string());
        db_.set_metadata(std::string(schema::kMetaSchemaVersion),
                         std::string(schema::kSchemaVersion));
        db_.commit();
        return;
    }
    root_ = std::filesystem::path(stored_root);
    if (root && wanted != root_) {
        throw IndexError("database " + db_path.string() + " holds ids relative to " + stored_root +
                         "; --root " + wanted.string() +
                         " would change them (use that root or a new database)");
    }
}

IndexWriter::Outcome IndexWriter::put(const PreparedDocument& document) {
    const std::string id_term = schema::term(schema::kId, document.record.id);
    const bool existed = db_.term_exists(id_term);
    db_.replace_document(id_term,
                         build_document(document.record, document.analysis, document.directive));
    return existed ? Outcome::Replaced : Outcome::Added;
}

bool IndexWriter::remove(const std::string& id) {
    const std::string id_term = schema::term(schema::kId, id);
    if (!db_.term_exists(id_term)) return false;
    db_.delete_document(id_term);
    return true;
}

bool IndexWriter::contains(const std::string& id) {
    return db_.term_exists(schema::term(schema::kId, id));
}

void IndexWriter::commit() {
    db_.commit();
}

}  // namespace tracuu
