// Following citations through the index: which indexed document a number is, and which
// indexed documents cite it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "api.hpp"

namespace tracuu {

/// Moves fields.citations of a document's JSON `body` to `cites`, each with the indexed document
/// it refers to (`document: {id, title, ...}`) when there is one, and adds `cited_by`: the
/// indexed documents citing this one, each with the citing sentence.
void add_citation_links(const Xapian::Database& db, Xapian::docid docid, nlohmann::json& body);

/// The day statuses are computed for: today, YYYY-MM-DD (UTC).
std::string status_day();

/// The relations of a citing document that change the status of the document cited (read on the
/// citing side as schema::relation_term(relation, key)), strongest first.
const std::vector<std::string_view>& status_relations();

/// The status a document's own dates of force (ISO, "" when its text states none) give it on
/// `today` when no indexed document acts on it: expired, not_yet_in_force, in_force or unknown.
/// document_status's rule for those; the status filter's value ranges say the same.
std::string_view own_force_status(std::string_view from, std::string_view until,
                                  std::string_view today);

/// The status of force of the document `docid` whose parsed fields are `fields`, as of today:
/// {value, evidence, effective_from?, effective_until?, as_of}. What the indexed documents say of
/// it (replaced, repealed in whole or in part, amended: read on the citing side, so indexing the
/// later document changes it at once) and, failing that, its own dates of force. The one rule
/// for the document page, the search filter and facet (status_table.hpp).
nlohmann::json document_status(const Xapian::Database& db, Xapian::docid docid,
                               const nlohmann::json& fields);

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
