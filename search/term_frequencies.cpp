#include "term_frequencies.hpp"

namespace tracuu {

std::vector<Xapian::doccount> term_frequencies(const Xapian::Database& db,
                                               const std::vector<std::string>& terms) {
    std::vector<Xapian::doccount> out;
    if (terms.empty()) return out;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet stats = enquire.get_mset(0, 0);
    for (const auto& term : terms) out.push_back(stats.get_termfreq(term));
    return out;
}

}  // namespace tracuu
