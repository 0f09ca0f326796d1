// Structured filters (number, issuer, cites, type, signer, year, relation, date range) as Xapian
// boolean queries, and facet counting with Xapian MatchSpies.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "facets.hpp"
#include "query_syntax.hpp"

namespace tracuu {

/// The boolean query for one field:value, made by the filter its row of query_field_names()
/// names. Throws QueryError naming the field for a value that cannot be read (a number that is
/// not a document number, a year that is not a year, ...).
Xapian::Query field_filter_query(QueryField field, const std::string& value);

/// The filters of the fields, one each (query_field_names() pairs them with their names).
Xapian::Query number_filter(const std::string& value);  ///< its own number, in any shape
Xapian::Query cites_filter(const std::string& value);   ///< citing that number
Xapian::Query issuer_filter(const std::string& value);  ///< every word of the issuer's readings
Xapian::Query type_filter(const std::string& value);    ///< a type's name or code
Xapian::Query signer_filter(const std::string& value);
Xapian::Query year_filter(const std::string& value);  ///< a year, or kUndatedYear

/// `relation=` with `cites=`: documents citing the numbers of the (not negated) `cites` parts of
/// `filters` with `relation` (`amends`; `mentions`: with no other relation to them).
Xapian::Query relation_filter_query(const std::string& relation,
                                    const std::vector<QueryPart>& filters);

/// The year filter's value for documents with no date at all (not even a year), and the year
/// facet's bucket counting them.
inline constexpr std::string_view kUndatedYear = "none";

/// Documents dated within [from, to]; either bound may be empty. Dates are YYYY-MM-DD (or
/// YYYY, YYYY-MM). A document dated only by its month or year is in when that month or year
/// overlaps the range.
Xapian::Query date_range_query(const std::string& from, const std::string& to);

/// The date_key (index/date_key.hpp) of a date given in a filter, or "" for text that is not a
/// date (a month or day out of range included). `upper` keys a partial date by its last day.
std::string date_sort_key(const std::string& date, bool upper);

/// Counts the fields of kFacetFields (issuer, type and year) over the matches Xapian examines.
class FacetSpies {
  public:
    FacetSpies();
    /// Clears the spies of `enquire` and adds these.
    void attach(Xapian::Enquire& enquire);
    /// One facet per field of kFacetFields, in its order, each with at most `max_values` values,
    /// most frequent first; the year's ends with kUndatedYear for the undated matches, if any.
    std::vector<Facet> facets(std::size_t max_values = 20) const;

  private:
    std::array<std::unique_ptr<Xapian::ValueCountMatchSpy>, kFacetFields.size()> spies_;
};

}  // namespace tracuu
