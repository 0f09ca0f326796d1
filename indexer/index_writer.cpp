#include "index_writer.hpp"

#include "database_creation.hpp"
#include "document_builder.hpp"
#include "index/find_document.hpp"
#include "index/schema.hpp"
#include "index/schema_check.hpp"
#include "index/stored_document.hpp"

namespace tracuu {
namespace {

std::filesystem::path absolute_root(const std::optional<std::filesystem::path>& root) {
    return std::filesystem::absolute(root.value_or(std::filesystem::current_path()))
        .lexically_normal();
}

OpenedDatabase open_writable(const std::filesystem::path& db_path,
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
    : path_(db_path) {
    OpenedDatabase opened = open_writable(db_path, absolute_root(root));
    db_ = std::move(opened.db);
    created_ = opened.created;
    const std::string stored_root = db_.get_metadata(std::string(schema::kMetaRoot));
    check_schema(db_, "database " + db_path.string());
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
    return put(document.record.id,
               build_document(document.record, document.analysis, document.directive));
}

IndexWriter::Outcome IndexWriter::put(const std::string& id, const Xapian::Document& document) {
    const std::string id_term = schema::term(schema::kId, id);
    const bool existed = db_.term_exists(id_term);
    db_.replace_document(id_term, document);
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

std::optional<IndexWriter::SourceFacts> IndexWriter::source_facts(const std::string& id) {
    const auto docid = find_document(db_, id);
    if (!docid) return std::nullopt;
    const Xapian::Document doc = db_.get_document(*docid);
    SourceFacts facts;
    const std::string size = doc.get_value(schema::kSlotSourceSize);
    const std::string mtime = doc.get_value(schema::kSlotSourceMtime);
    facts.hash = doc.get_value(schema::kSlotSourceHash);
    if (!size.empty()) facts.size = std::stoull(size);
    if (!mtime.empty()) facts.mtime_ns = std::stoll(mtime);
    return facts;
}

void IndexWriter::update_mtime(const std::string& id, int64_t mtime_ns) {
    const auto docid = find_document(db_, id);
    if (!docid) return;
    Xapian::Document doc = db_.get_document(*docid);
    doc.add_value(schema::kSlotSourceMtime, std::to_string(mtime_ns));
    db_.replace_document(*docid, doc);
}

std::vector<std::string> IndexWriter::ids_with_prefix(const std::string& prefix) {
    std::vector<std::string> ids;
    const std::string term_prefix = std::string(schema::kId) + prefix;
    for (auto t = db_.allterms_begin(term_prefix); t != db_.allterms_end(term_prefix); ++t) {
        const std::string term = *t;
        if (term.size() < schema::kMaxTermBytes) {
            ids.push_back(term.substr(schema::kId.size()));
            continue;
        }
        // A long id was shortened to a hash in its term: the document data has it whole.
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
            ids.push_back(decode_stored_document(db_.get_document(*p).get_data())
                              .meta.value("id", std::string()));
        }
    }
    return ids;
}

void IndexWriter::commit() {
    db_.commit();
}

bool IndexWriter::should_compact(std::size_t indexed) const {
    // A new database, or one mostly rewritten: compacting costs about as long as reading it
    // once, a few percent of indexing it.
    const Xapian::doccount total = db_.get_doccount();
    return total > 0 && (created_ || indexed * 2 >= total);
}

void IndexWriter::compact() {
    if (closed_) return;
    db_.commit();
    const std::filesystem::path old = compact_in_place(db_, path_);
    db_.close();  // releases the lock of the old folder, now under a hidden name
    closed_ = true;
    std::error_code ec;
    std::filesystem::remove_all(old, ec);
}

Xapian::doccount IndexWriter::document_count() const {
    return closed_ ? Xapian::Database(path_.string()).get_doccount() : db_.get_doccount();
}

}  // namespace tracuu
