#include "filter_cache.hpp"

#include <algorithm>

namespace tracuu {
namespace {

/// Collects the document numbers of every match.
class Collector : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        docids.push_back(doc.get_docid());
    }
    std::vector<Xapian::docid> docids;
};

std::size_t bytes_of(const std::vector<Xapian::docid>& docids) {
    return docids.size() * sizeof(Xapian::docid) + 128;
}

}  // namespace

Xapian::Query FilterCache::query(const Xapian::Database& db, const Xapian::Query& filter) {
    // One term is its own posting list already.
    if (filter.get_type() != Xapian::Query::OP_AND || filter.get_num_subqueries() < 2)
        return filter;
    const std::string key = filter.get_description();
    DocidSource::Docids docids = documents(db, filter, key);
    if (!docids) return filter;
    return Xapian::Query((new DocidSource(std::move(docids)))->release());
}

DocidSource::Docids FilterCache::documents(const Xapian::Database& db, const Xapian::Query& filter,
                                           const std::string& key) {
    {
        std::lock_guard lock(mutex_);
        if (const DocidSource::Docids* kept = kept_.find(key)) return *kept;
        if (passed_over_.count(key)) return nullptr;
    }
    // Only a selective filter is worth reading whole: one whose rarest word is in few documents
    // costs little to read, while a search stepping through it in its many common words costs
    // every time. A broad one (every `UBND`) is left to Xapian, where the search's own rarer
    // terms lead and the filter's lists are only skipped through.
    Xapian::doccount rarest = db.get_doccount();
    for (auto t = filter.get_terms_begin(); t != filter.get_terms_end(); ++t)
        rarest = std::min(rarest, db.get_termfreq(*t));
    if (rarest > std::max(db.get_doccount() / kSelectiveShare, always_selective_)) {
        std::lock_guard lock(mutex_);
        return pass_over(key);
    }
    // Read without the lock: another search may read the same filter meanwhile, and both keep
    // the same answer.
    Xapian::Enquire enquire(db);
    enquire.set_query(filter);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Collector collector;
    enquire.add_matchspy(&collector);
    enquire.get_mset(0, 0, db.get_doccount());
    if (!std::is_sorted(collector.docids.begin(), collector.docids.end()))
        std::sort(collector.docids.begin(), collector.docids.end());
    auto docids = std::make_shared<const std::vector<Xapian::docid>>(std::move(collector.docids));
    std::lock_guard lock(mutex_);
    return kept_.insert(key, docids, bytes_of(*docids)) ? docids : pass_over(key);
}

DocidSource::Docids FilterCache::pass_over(const std::string& key) {
    if (passed_over_.size() < kMaxPassedOver) passed_over_.insert(key);
    return nullptr;
}

std::size_t FilterCache::entries() const {
    std::lock_guard lock(mutex_);
    return kept_.size();
}

}  // namespace tracuu
