// Following citations through the index: which indexed document a number is, and which
// indexed documents cite it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "document_links.hpp"
#include "query_builder.hpp"

namespace tracuu {

/// The links of the document `docid`, whose stored data (stored_document.hpp) is `data`: the
/// indexed document each of its citations refers to, when there is one, the indexed documents
/// citing it (each with the citing sentence) and its status of force (document_status).
DocumentLinks document_links(const Xapian::Database& db, Xapian::docid docid,
                             std::string_view data);

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

/// What of a document's parsed fields its status reads: their values, "" when it has none.
struct StatusFields {
    std::string number, date, effective_from, effective_until;
};

/// The fields the status reads from a document's stored data (stored_document.hpp: its result
/// line), or nothing for data tracuu did not write.
std::optional<StatusFields> status_fields(std::string_view data);

/// The status of force of the document `docid` whose parsed fields are `fields`, as of today.
/// What the indexed documents say of it (replaced, repealed in whole or in part, amended: read on
/// the citing side, so indexing the later document changes it at once) and, failing that, its own
/// dates of force. The one rule for the document page, the search filter and facet
/// (status_table.hpp). At most `max_evidence` acting documents of each relation are read (newest
/// first); when there are more, `evidence_total` says how many.
/// `relation_terms`, when given, are every relation term the index holds (status_table reads them
/// all at once): then none is asked of the index one by one, a round trip per shard for remote
/// ones.
ForceStatus document_status(const Xapian::Database& db, Xapian::docid docid,
                            const StatusFields& fields, std::size_t max_evidence = 200,
                            const std::unordered_set<std::string>* relation_terms = nullptr);

/// What the index holds of one document number, typed in any shape: the documents carrying it
/// and a page of those citing it (GET /api/references/{number}; server/search_json writes its
/// JSON).
struct References {
    std::string key;  ///< the number's key, as the index writes it
    /// Every indexed document carrying the number: the one with that number, or every one
    /// whose number has the pieces typed.
    std::vector<DocumentSummary> documents;
    /// The number understood, as the documents carrying it (or citing it) write it when they
    /// agree, else read off what was typed (`Nghị định 168/2024`).
    std::string understood;
    bool complete = false;  ///< typed whole (a year and codes), not in part
    /// The page of citing documents asked for, newest first, each with the citing sentence.
    std::vector<CitingDocument> cited_by;
    std::size_t total = 0;    ///< citing documents (of `relation` when one is asked for)
    bool total_exact = true;  ///< false when more were found than were read
    /// Every citing document read, by relation, strongest first (not only the relation asked).
    std::vector<std::pair<std::string, std::size_t>> relations;
};

/// The longest number find_references reads, in characters (code points).
inline constexpr std::size_t kMaxNumberCharacters = 200;

/// The documents `number` names and the page [offset, offset + limit) of the indexed documents
/// citing it. `relation` (when not empty) keeps only the citing documents with that relation.
/// Throws QueryError naming `number` when it is not valid text or not a document number.
References find_references(const Xapian::Database& db, const std::string& number,
                           std::size_t offset, std::size_t limit, const std::string& relation = {});

}  // namespace tracuu
