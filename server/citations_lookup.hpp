// Following citations through the index: which indexed document a number is, and which
// indexed documents cite it.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "api.hpp"

namespace tracuu {

/// Moves fields.citations of a document's JSON `body` to `cites`, each with the indexed document
/// it refers to (`document: {id, title, ...}`) when there is one, and adds `cited_by`: the
/// indexed documents citing this one, each with the citing sentence.
void add_citation_links(const Xapian::Database& db, Xapian::docid docid, nlohmann::json& body);

/// Adds to a document's JSON `body` (after add_citation_links) `status` (what the indexed
/// documents say of it: replaced, repealed, partly repealed, amended, each with the citing
/// document and sentence; else its own dates: in force, not yet, expired, or unknown),
/// `effective_from` / `effective_until` when its text states them, and `relations`: its
/// citations both ways grouped by relation.
void add_status_and_relations(const Xapian::Database& db, Xapian::docid docid,
                              nlohmann::json& body);

/// GET /api/references/{number}: the number typed in any shape (read_document_number), the
/// documents it names (the one with that number, or every one whose number has the pieces
/// typed), and the page [offset, offset + limit) of the indexed documents citing it, newest
/// first, each with the citing sentence, with their true total.
/// `relation` (when not empty) keeps only the citing documents with that relation; `relations`
/// counts them all by relation.
ApiResponse references_response(const Xapian::Database& db, const std::string& number,
                                std::size_t offset, std::size_t limit,
                                const std::string& relation = {});

}  // namespace tracuu
