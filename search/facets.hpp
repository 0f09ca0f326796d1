// The facets of a search: how many of the matches have each value of a field. Counted by
// FacetSpies (field_filters.hpp) or a TableFacetSpy (value_table.hpp), and for the status of force
// by a StatusFacet (status_table.hpp); server/search_json writes them as /api/search's `facets`.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/schema.hpp"
#include "query_syntax.hpp"

namespace tracuu {

struct FacetValue {
    std::string value;
    Xapian::doccount count = 0;
    bool operator==(const FacetValue&) const = default;
};

/// One facet: its name (the API parameter whose filter its values select) and its values, most
/// frequent first.
struct Facet {
    std::string name;
    std::vector<FacetValue> values;
    bool operator==(const Facet&) const = default;
};

/// A field counted with every search, from the value slot the indexer writes it in.
struct FacetField {
    QueryField field;
    Xapian::valueno slot;
};

/// The fields counted with every search, in the order of the answer's facets. The page offers
/// these fields as its filters (static/js/query-fields.js is generated from this table).
inline constexpr std::array<FacetField, 3> kFacetFields = {{
    {QueryField::Issuer, schema::kSlotIssuer},
    {QueryField::Type, schema::kSlotType},
    {QueryField::Year, schema::kSlotYear},
}};

}  // namespace tracuu
