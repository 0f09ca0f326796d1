#include "docid_source.hpp"

#include <algorithm>

namespace tracuu {

DocidSource* DocidSource::of(std::vector<Xapian::docid> docids) {
    std::sort(docids.begin(), docids.end());
    docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
    return new DocidSource(std::make_shared<const std::vector<Xapian::docid>>(std::move(docids)));
}

DocidSource* DocidSource::of_combined(const std::vector<Xapian::docid>& docids, std::size_t shards,
                                      ShardOf shard_of) {
    std::vector<std::vector<Xapian::docid>> split(shards);
    for (const Xapian::docid did : docids)
        split[(did - 1) % shards].push_back(static_cast<Xapian::docid>((did - 1) / shards + 1));
    std::vector<Docids> lists;
    for (auto& list : split) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        lists.push_back(std::make_shared<const std::vector<Xapian::docid>>(std::move(list)));
    }
    return new DocidSource(std::move(lists), std::move(shard_of));
}

const std::vector<Xapian::docid>& DocidSource::list() const {
    static const std::vector<Xapian::docid> none;
    return shard_ < lists_.size() && lists_[shard_] ? *lists_[shard_] : none;
}

void DocidSource::init(const Xapian::Database& db) {
    shard_ = shard_of_ ? shard_of_(db) : 0;
    next_ = 0;
    started_ = false;
}

void DocidSource::next(double) {
    if (started_) ++next_;
    started_ = true;
}

void DocidSource::skip_to(Xapian::docid did, double) {
    const auto& all = list();
    const auto from = all.begin() + static_cast<long>(started_ ? next_ : 0);
    next_ = static_cast<std::size_t>(std::lower_bound(from, all.end(), did) - all.begin());
    started_ = true;
}

}  // namespace tracuu
