#include "field_filters.hpp"

#include <algorithm>

#include "analyzers/abbreviations.hpp"
#include "analyzers/code_tables.hpp"
#include "analyzers/document_number.hpp"
#include "analyzers/word_forms.hpp"
#include "index/date_key.hpp"
#include "index/directive_terms.hpp"
#include "index/schema.hpp"
#include "index/stored_citations.hpp"
#include "match_all.hpp"
#include "number_query.hpp"
#include "query_builder.hpp"

namespace tracuu {
namespace {

/// number= and cites=: every shape a number is typed in, read as the search reads it.
Xapian::Query number_filter_query(NumberRole role, const std::string& value, QueryField field) {
    const auto readings = read_document_number(value);
    if (readings.empty() || readings.front().numeral.empty()) {
        throw QueryError(std::string(parameter_of(field)),
                         "'" + value + "' is not a document number (e.g. 57-NQ/TW, 168/2024)");
    }
    return readings_query(role, readings);
}

/// Documents with no date key at all (neither a day, a month nor a year).
Xapian::Query undated_query() {
    return Xapian::Query(Xapian::Query::OP_AND_NOT, match_all(),
                         Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, "0"));
}

Xapian::Query all_terms(const std::vector<std::string>& terms) {
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

}  // namespace

Xapian::Query number_filter(const std::string& value) {
    return number_filter_query(NumberRole::Own, value, QueryField::Number);
}

Xapian::Query cites_filter(const std::string& value) {
    return number_filter_query(NumberRole::Cited, value, QueryField::Cites);
}

Xapian::Query issuer_filter(const std::string& value) {
    const auto terms = issuer_terms(value);
    if (terms.empty()) throw QueryError("issuer", "issuer is empty");
    return all_terms(terms);
}

Xapian::Query type_filter(const std::string& value) {
    const auto term = type_term_for_query(value);
    if (!term) {
        throw QueryError(
            "type", "'" + value + "' is not a document type (e.g. công văn, CV, nghị quyết, NQ)");
    }
    return Xapian::Query(*term);
}

Xapian::Query signer_filter(const std::string& value) {
    const std::string term = signer_term(value);
    if (term.size() <= schema::kSigner.size()) throw QueryError("signer", "signer is empty");
    return Xapian::Query(term);
}

Xapian::Query year_filter(const std::string& value) {
    if (value == kUndatedYear) return undated_query();
    const bool digits = value.size() == 4 && std::all_of(value.begin(), value.end(), ::isdigit);
    if (!digits)
        throw QueryError("year", "'" + value + "' is not a year (e.g. 2025) or 'none' (undated)");
    return Xapian::Query(schema::term(schema::kYear, value));
}

Xapian::Query field_filter_query(QueryField field, const std::string& value) {
    for (const auto& row : query_field_names()) {
        if (row.field == field) return row.filter(value);
    }
    throw QueryError("q", "unknown field");
}

// The citing side's kRelation terms. A number typed in part has no exact key to pair: then
// documents with that relation to some number, which the cites filter narrows to those citing it.
Xapian::Query relation_filter_query(const std::string& relation,
                                    const std::vector<QueryPart>& filters) {
    // A mention has no term (most citations are mentions): the documents citing the number with
    // no other relation to it.
    const bool mentions = relation == "mentions";
    std::vector<std::string_view> relations;
    for (std::string_view r : citation_relation_names()) {
        if (mentions ? r != "mentions" : r == relation) relations.push_back(r);
    }
    std::vector<Xapian::Query> terms;
    for (const QueryPart& f : filters) {
        if (f.field != QueryField::Cites || f.negated) continue;
        for (const auto& n : read_document_number(f.text)) {
            for (std::string_view r : relations) {
                if (!n.complete) {
                    if (!mentions) terms.emplace_back(schema::relation_term(r));
                    continue;
                }
                for (const auto& key : n.exact_keys())
                    terms.emplace_back(schema::relation_term(r, key));
            }
        }
    }
    if (terms.empty() && !mentions) terms.emplace_back(schema::relation_term(relation));
    const Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
    if (!mentions) return any;
    return terms.empty() ? match_all() : Xapian::Query(Xapian::Query::OP_AND_NOT, match_all(), any);
}

std::string date_sort_key(const std::string& date, bool upper) {
    std::string key = date_key(date, upper);
    // A month 01-12 and a day 01-31: `2025-13-45` is a mistake to report, not an empty range.
    // (A date with a key has digits where its month and day are, if it has them.)
    auto in_range = [&](std::size_t pos, int low, int high) {
        if (pos + 2 > date.size()) return true;
        const int n = (date[pos] - '0') * 10 + (date[pos + 1] - '0');
        return n >= low && n <= high;
    };
    if (key.empty() || !in_range(5, 1, 12) || !in_range(8, 1, 31)) return {};
    return key;
}

Xapian::Query date_range_query(const std::string& from, const std::string& to) {
    const std::string low = from.empty() ? "" : date_sort_key(from, false);
    const std::string high = to.empty() ? "" : date_sort_key(to, true);
    if (!from.empty() && low.empty())
        throw QueryError("from", "'" + from + "' is not a date (YYYY-MM-DD)");
    if (!to.empty() && high.empty())
        throw QueryError("to", "'" + to + "' is not a date (YYYY-MM-DD)");
    // A partial date (YYYYMM00, YYYY0000) stands for its whole month or year and is in the range
    // when that overlaps it. Every key at or above `low` starts at or after the range's first day;
    // the two partial keys below it that still overlap are the month and the year of its first
    // day. Every key up to `high` starts by the range's last day, so the end needs nothing more.
    Xapian::Query range =
        low.empty()    ? Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, high)
        : high.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, low)
                       : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, low, high);
    if (low.empty() || (!high.empty() && low > high)) return range;
    std::vector<Xapian::Query> overlapping{range};
    for (const std::string& partial : {low.substr(0, 6) + "00", low.substr(0, 4) + "0000"}) {
        if (partial < low) {
            overlapping.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, partial,
                                     partial);
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, overlapping.begin(), overlapping.end());
}

FacetSpies::FacetSpies() {
    for (std::size_t f = 0; f < kFacetFields.size(); ++f)
        spies_[f] = std::make_unique<Xapian::ValueCountMatchSpy>(kFacetFields[f].slot);
}

void FacetSpies::attach(Xapian::Enquire& enquire) {
    enquire.clear_matchspies();
    for (const auto& spy : spies_) enquire.add_matchspy(spy.get());
}

std::vector<Facet> FacetSpies::facets(std::size_t max_values) const {
    std::vector<Facet> out;
    for (std::size_t f = 0; f < kFacetFields.size(); ++f) {
        const Xapian::ValueCountMatchSpy& spy = *spies_[f];
        Facet facet{std::string(parameter_of(kFacetFields[f].field)), {}};
        for (auto it = spy.top_values_begin(max_values); it != spy.top_values_end(max_values);
             ++it) {
            if ((*it).empty()) continue;
            facet.values.push_back({*it, it.get_termfreq()});
        }
        if (kFacetFields[f].field == QueryField::Year) {
            // The spy counts documents with a year; the others examined have none.
            Xapian::doccount dated = 0;
            for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
                if (!(*it).empty()) dated += it.get_termfreq();
            }
            if (spy.get_total() > dated)
                facet.values.push_back({std::string(kUndatedYear),
                                        static_cast<Xapian::doccount>(spy.get_total() - dated)});
        }
        out.push_back(std::move(facet));
    }
    return out;
}

}  // namespace tracuu
