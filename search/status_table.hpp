// The status of force of the documents of one database revision, for the search filter
// `status=`, the status facet and the badge of each result. Each status is the one rule of the
// document page (citations_lookup.hpp document_status). Most documents are acted on by no other:
// their status is their own dates of force (values written by the indexer) against today, which
// Xapian's value ranges select and a value spy counts, on remote shards too. Only the documents
// some indexed document replaces, repeals or amends (found from the citing side's relation terms,
// a few among millions) are read, once per revision and day. A status changes when a replacing
// document is indexed (a new revision, a new table) and with the day, never by re-indexing.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "document_links.hpp"
#include "facets.hpp"
#include "value_table.hpp"

namespace tracuu {

/// The statuses, in the order the API lists them (server/openapi.json `Status`).
const std::vector<std::string_view>& status_names();

class StatusTable {
  public:
    /// Reads the documents acted on in `db` (one database or several combined) as of today.
    /// Throws Xapian errors.
    explicit StatusTable(const Xapian::Database& db);

    /// The day the statuses are computed for (YYYY-MM-DD).
    const std::string& as_of() const { return as_of_; }
    /// The status of `doc` as its result card shows it: the value and the documents acting on it
    /// (at most 10 of each relation, without their sentences), or nothing for a document tracuu
    /// did not write.
    std::optional<ForceStatus> card_status(const Xapian::Document& doc) const;
    /// The documents whose status is one of `statuses` (indexes into status_names()).
    Xapian::Query filter(const std::vector<std::size_t>& statuses) const;
    /// The documents whose status is not their own dates' in `db` (the one the table was read
    /// from): by document number when `values` is the table of `db`'s local shards (one posting
    /// source instead of a term per document, which at a million documents is thousands of
    /// B-tree lookups on every search), else by id term (remote shards cannot run our source).
    Xapian::Query changed_documents(const Xapian::Database& db, const ValueTablePtr& values) const;

  private:
    friend class StatusFacet;
    /// The status by the document's own dates alone (an index into status_names()).
    uint8_t own_status(std::string_view force_value) const;
    /// Documents that indexed documents act on, by id: their status, and what their own dates
    /// alone would give.
    struct Entry {
        uint8_t status = 0;
        uint8_t own = 0;
        Xapian::docid docid = 0;  ///< in the database read
        ForceStatus card;
    };
    std::string as_of_;
    std::unordered_map<std::string, Entry> acted_on_;
    /// The ids of acted_on_ whose status is not their own dates' (the filter and the facet move
    /// them), sorted.
    std::vector<std::string> changed_;
    /// Their document numbers in the database read, sorted.
    std::vector<Xapian::docid> changed_docids_;
};

using StatusTablePtr = std::shared_ptr<const StatusTable>;

/// The table of `db` now, read once per revision (of every shard) and day, and kept for the last
/// few revisions. While a revision of the same index is being read, searches get the last table
/// read that day (a commit shows in statuses once its reading ends, instead of every search
/// waiting for it); with none read yet, they wait for that one reading. One reading of an index
/// at a time.
/// `current`, when given, is set to whether the table is this revision's. `revision`, when given,
/// is the name of `db`'s revision as this function last read it for the caller, who knows `db`
/// has not changed since (its reopen() said so), or empty: then it is read, and kept there. On
/// several or remote shards reading it is a match (a round trip to each remote shard).
StatusTablePtr status_table(const Xapian::Database& db, bool* current = nullptr,
                            std::string* revision = nullptr);

/// Tests only: `hook` runs in the searching thread as each reading starts (empty: none).
void set_status_table_reading_hook(std::function<void()> hook);

/// Counts the statuses of the matches Xapian examines: a spy counting the pairs of dates of force
/// (a Xapian spy, so it runs on remote shards too), classified by today, then corrected for the
/// matches that documents act on: on local databases (a value table) by one more small match on
/// their document numbers; elsewhere by a second spy counting the ids of the matches examined
/// (remote shards would otherwise each look up every moved document's id term on every search).
class StatusFacet {
  public:
    /// `values`: the value table of the local shards searched, if any.
    StatusFacet(StatusTablePtr table, ValueTablePtr values);
    /// Adds the spies to `enquire`.
    void attach(Xapian::Enquire& enquire);
    /// The `status` facet of the matches of `matching` in `db` the spies saw: most frequent
    /// first, then in status_names() order.
    Facet facet(const Xapian::Database& db, const Xapian::Query& matching) const;

  private:
    StatusTablePtr table_;
    ValueTablePtr values_;
    Xapian::ValueCountMatchSpy pairs_;
    std::optional<Xapian::ValueCountMatchSpy> ids_;  ///< without a value table
};

}  // namespace tracuu
