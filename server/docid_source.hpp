// A sorted list of document numbers as a Xapian posting source: the first pass's candidates, or
// the documents of a remembered filter. Document numbers are a shard's own, so this serves a
// database of one local shard (a source of our own cannot be sent to a remote one).
#pragma once

#include <memory>
#include <vector>

#include <xapian.h>

namespace tracuu {

class DocidSource : public Xapian::PostingSource {
  public:
    using Docids = std::shared_ptr<const std::vector<Xapian::docid>>;

    /// `docids` must be sorted and unique.
    explicit DocidSource(Docids docids) : docids_(std::move(docids)) {}
    /// Sorts and deduplicates `docids`.
    static DocidSource* of(std::vector<Xapian::docid> docids);

    Xapian::doccount get_termfreq_min() const override { return size(); }
    Xapian::doccount get_termfreq_est() const override { return size(); }
    Xapian::doccount get_termfreq_max() const override { return size(); }
    void init(const Xapian::Database&) override {
        next_ = 0;
        started_ = false;
    }
    void next(double) override;
    void skip_to(Xapian::docid did, double) override;
    bool at_end() const override { return started_ && next_ >= docids_->size(); }
    Xapian::docid get_docid() const override { return (*docids_)[next_]; }
    DocidSource* clone() const override { return new DocidSource(docids_); }

  private:
    Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_->size()); }
    Docids docids_;
    std::size_t next_ = 0;
    bool started_ = false;
};

}  // namespace tracuu
