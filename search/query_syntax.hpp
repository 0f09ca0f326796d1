// What a person may type in the search box, before any analysis: words, "quoted phrases",
// -exclusions and field:value filters (so:57-NQ/TW, coquan:"Sở GDĐT", trichdan:57-NQ/TW).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Query;
}

namespace tracuu {

/// A field a query may name; Vietnamese and English spellings are both accepted.
enum class QueryField { None, Number, Issuer, Cites, Type, Signer, Year };

struct QueryPart {
    std::string text;
    QueryField field = QueryField::None;
    bool quoted = false;   ///< "..." : must match as a phrase
    bool negated = false;  ///< -word, -"phrase", -field:value
    /// Where `text` lies in the query parsed (plain words merged: from the first one's start to
    /// the last one's end, with only spaces between them). Zero for parts not parsed from text.
    std::size_t begin = 0, end = 0;
};

/// Splits `q` into parts. Adjacent plain words stay one part, so the analyzer sees `57 NQ TW`
/// or `chuyển đổi số` whole. Unknown `name:` prefixes are kept as text.
std::vector<QueryPart> parse_query_syntax(std::string_view q);

/// One row per field: its API parameter (`issuer=`), the names a person may type before ':'
/// in the search box (accent-free; `coquan:`, `cơ quan:` folded alike) and the maker of its
/// filter (field_filters.hpp). The API's parameters, the search box's syntax, the filters and
/// their error messages, and the page's list of filters (server/page_fields) all read this table.
struct QueryFieldName {
    QueryField field;
    std::string_view parameter;
    std::vector<std::string_view> typed;
    /// The boolean query for a value; throws QueryError naming the parameter for a value that
    /// cannot be read.
    Xapian::Query (*filter)(const std::string& value);
};

/// Every field, ordered by parameter name.
const std::vector<QueryFieldName>& query_field_names();

/// The API parameter of `field` (`issuer`), or `q` for None.
std::string_view parameter_of(QueryField field);

/// The field for a name typed before ':' (`so`, `số`, `number`, `coquan`, ...), or None.
QueryField query_field_named(std::string_view name);

}  // namespace tracuu
