#include "find_document.hpp"

#include "schema.hpp"

namespace tracuu {

std::optional<Xapian::docid> find_document(const Xapian::Database& db, std::string_view id) {
    const std::string id_term = schema::term(schema::kId, id);
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) return std::nullopt;
    return *p;
}

}  // namespace tracuu
