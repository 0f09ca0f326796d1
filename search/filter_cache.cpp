#include "filter_cache.hpp"

#include <algorithm>

#include "value_table.hpp"

namespace tracuu {
namespace {

/// Collects the document numbers of every match, per shard when a ShardTracker says which.
class Collector : public Xapian::MatchSpy {
  public:
    Collector(std::size_t shards, std::shared_ptr<const std::size_t> current)
        : docids(std::max<std::size_t>(shards, 1)), current_(std::move(current)) {}
    void operator()(const Xapian::Document& doc, double) override {
        const std::size_t shard = current_ ? *current_ : 0;
        if (shard < docids.size()) docids[shard].push_back(doc.get_docid());
    }
    std::vector<std::vector<Xapian::docid>> docids;

  private:
    std::shared_ptr<const std::size_t> current_;
};

std::size_t bytes_of(const std::vector<DocidSource::Docids>& lists) {
    std::size_t bytes = 128;
    for (const auto& list : lists) bytes += list->size() * sizeof(Xapian::docid) + 64;
    return bytes;
}

}  // namespace

Xapian::Query FilterCache::query(const Xapian::Database& db, const Xapian::Query& filter,
                                 const std::shared_ptr<const ValueTable>& shards) {
    // One term is its own posting list already.
    if (filter.get_type() != Xapian::Query::OP_AND || filter.get_num_subqueries() < 2)
        return filter;
    const bool several = shards && shards->shard_count() > 1;
    if (db.size() > 1 && !several) return filter;
    const std::string key = filter.get_description();
    const Lists lists = documents(db, filter, key, several ? shards : nullptr);
    if (!lists) return filter;
    if (!several) return Xapian::Query((new DocidSource(lists->front()))->release());
    auto shard_of = [shards](const Xapian::Database& shard) { return shards->shard_of(shard); };
    return Xapian::Query((new DocidSource(*lists, shard_of))->release());
}

FilterCache::Lists FilterCache::documents(const Xapian::Database& db, const Xapian::Query& filter,
                                          const std::string& key,
                                          const std::shared_ptr<const ValueTable>& shards) {
    {
        std::lock_guard lock(mutex_);
        if (const Lists* kept = kept_.find(key)) return *kept;
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
    auto current = std::make_shared<std::size_t>(0);
    Xapian::Enquire enquire(db);
    enquire.set_query(ShardTracker::wrap(filter, shards, current));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Collector collector(shards ? shards->shard_count() : 1, current);
    enquire.add_matchspy(&collector);
    enquire.get_mset(0, 0, db.get_doccount());
    std::vector<DocidSource::Docids> found;
    for (auto& docids : collector.docids) {
        if (!std::is_sorted(docids.begin(), docids.end())) std::sort(docids.begin(), docids.end());
        found.push_back(std::make_shared<const std::vector<Xapian::docid>>(std::move(docids)));
    }
    const std::size_t bytes = bytes_of(found);
    auto lists = std::make_shared<const std::vector<DocidSource::Docids>>(std::move(found));
    std::lock_guard lock(mutex_);
    return kept_.insert(key, lists, bytes) ? lists : pass_over(key);
}

FilterCache::Lists FilterCache::pass_over(const std::string& key) {
    if (passed_over_.size() < kMaxPassedOver) passed_over_.insert(key);
    return nullptr;
}

std::size_t FilterCache::entries() const {
    std::lock_guard lock(mutex_);
    return kept_.size();
}

}  // namespace tracuu
