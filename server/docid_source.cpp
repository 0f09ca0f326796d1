#include "docid_source.hpp"

#include <algorithm>

namespace tracuu {

DocidSource* DocidSource::of(std::vector<Xapian::docid> docids) {
    std::sort(docids.begin(), docids.end());
    docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
    return new DocidSource(std::make_shared<const std::vector<Xapian::docid>>(std::move(docids)));
}

void DocidSource::next(double) {
    if (started_) ++next_;
    started_ = true;
}

void DocidSource::skip_to(Xapian::docid did, double) {
    const auto& all = *docids_;
    const auto from = all.begin() + static_cast<long>(started_ ? next_ : 0);
    next_ = static_cast<std::size_t>(std::lower_bound(from, all.end(), did) - all.begin());
    started_ = true;
}

}  // namespace tracuu
