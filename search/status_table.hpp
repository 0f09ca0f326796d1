// The status of force of every document of one database revision, for the search filter
// `status=`, the status facet and the badge of each result. Each status is computed by the one
// rule of the document page (citations_lookup.hpp document_status): what the indexed documents
// say of it, else its own dates. It changes when a replacing document is indexed (a new
// revision, a new table) and with the day (a date of force passes), never by re-indexing.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

namespace tracuu {

class ValueTable;

/// The statuses, in the order the API lists them (server/openapi.json `Status`).
const std::vector<std::string_view>& status_names();

class StatusTable {
  public:
    /// Reads every document of `db` (one database or several combined) as of today. Throws
    /// Xapian errors.
    explicit StatusTable(const Xapian::Database& db);

    /// The day the statuses are computed for (YYYY-MM-DD).
    const std::string& as_of() const { return as_of_; }
    /// The index in status_names() of the document with id `id`, or -1 when there is none.
    int status_of(const std::string& id) const;
    /// `"status":{...}` (the value and the documents acting on it) to add to a result line, or
    /// "" for a document the table does not know.
    std::string_view result_member(const std::string& id) const;
    /// The documents whose status is one of `statuses` (indexes into status_names()): their id
    /// terms, or every document but the others when those are fewer.
    Xapian::Query filter(const std::vector<std::size_t>& statuses) const;

  private:
    struct Entry {
        uint8_t status = 0;
        std::string member;
    };
    std::string as_of_;
    std::unordered_map<std::string, Entry> by_id_;
    std::vector<std::vector<std::string>> ids_;  ///< per status
};

using StatusTablePtr = std::shared_ptr<const StatusTable>;

/// The table of `db` now, read once per revision and day: with `values` (the value table of
/// `db`'s revision) kept while that revision is served; without, kept for the last few
/// revisions of one local database, and read for this call for several or remote shards.
StatusTablePtr status_table(const Xapian::Database& db,
                            const std::shared_ptr<const ValueTable>& values);

/// Counts the statuses of the matches Xapian examines: a Xapian spy counting their ids (so it
/// runs on remote shards too), whose ids the table then reads.
class StatusFacetSpy {
  public:
    explicit StatusFacetSpy(StatusTablePtr table);
    /// The spy to add to the Enquire.
    Xapian::MatchSpy& spy() { return ids_; }
    /// [{"value", "count"}...]: most frequent first, then in status_names() order.
    nlohmann::json to_json() const;

  private:
    StatusTablePtr table_;
    Xapian::ValueCountMatchSpy ids_;
};

}  // namespace tracuu
