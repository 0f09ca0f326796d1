#include "number_query.hpp"

#include "index/schema.hpp"

namespace tracuu {
namespace {

std::vector<Xapian::Query> terms(std::string_view prefix, const std::vector<std::string>& keys) {
    std::vector<Xapian::Query> out;
    for (const auto& key : keys) out.emplace_back(schema::term(prefix, key));
    return out;
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
    if (qs.empty()) return Xapian::Query();
    if (qs.size() == 1) return qs.front();
    return Xapian::Query(op, qs.begin(), qs.end());
}

}  // namespace

Xapian::Query exact_number_query(NumberRole role, const DocumentNumber& n) {
    const auto prefix = role == NumberRole::Own ? schema::kOwnNumber : schema::kCites;
    return combine(Xapian::Query::OP_OR, terms(prefix, n.exact_keys()));
}

Xapian::Query partial_number_query(NumberRole role, const DocumentNumber& n) {
    if (n.complete) return Xapian::Query();
    const auto prefix = role == NumberRole::Own ? schema::kOwnNumberPiece : schema::kCitedPiece;
    return combine(Xapian::Query::OP_AND, terms(prefix, n.query_keys()));
}

Xapian::Query named_number_query(NumberRole role, const DocumentNumber& n) {
    const Xapian::Query exact = exact_number_query(role, n);
    const Xapian::Query partial = partial_number_query(role, n);
    if (partial.empty()) return exact;
    return Xapian::Query(Xapian::Query::OP_OR, exact, partial);
}

Xapian::Query readings_query(NumberRole role, const std::vector<DocumentNumber>& readings) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& n : readings) alternatives.push_back(named_number_query(role, n));
    return combine(Xapian::Query::OP_OR, alternatives);
}

}  // namespace tracuu
