// Sorted lists of document numbers as a Xapian posting source: the first pass's candidates, or
// the documents of a remembered filter. Document numbers are a shard's own: for several local
// shards searched as one there is a list per shard, and Xapian, which initialises a copy of the
// source for each shard, says which one it is (its uuid). A source of our own cannot be sent to
// a remote shard.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <xapian.h>

namespace tracuu {

class DocidSource : public Xapian::PostingSource {
  public:
    using Docids = std::shared_ptr<const std::vector<Xapian::docid>>;
    /// Which shard (an index into the lists) a database is; out of range: none of them.
    using ShardOf = std::function<std::size_t(const Xapian::Database&)>;

    /// One database. `docids` must be sorted and unique.
    explicit DocidSource(Docids docids) : lists_{std::move(docids)} {}
    /// Several shards: list i holds shard i's own document numbers, sorted and unique.
    DocidSource(std::vector<Docids> lists, ShardOf shard_of)
        : lists_(std::move(lists)), shard_of_(std::move(shard_of)) {}
    /// Sorts and deduplicates `docids`.
    static DocidSource* of(std::vector<Xapian::docid> docids);
    /// From document numbers of `shards` databases combined in one (Xapian numbers document d
    /// of shard i as (d - 1) * shards + i + 1).
    static DocidSource* of_combined(const std::vector<Xapian::docid>& docids, std::size_t shards,
                                    ShardOf shard_of);

    Xapian::doccount get_termfreq_min() const override { return size(); }
    Xapian::doccount get_termfreq_est() const override { return size(); }
    Xapian::doccount get_termfreq_max() const override { return size(); }
    void init(const Xapian::Database& db) override;
    void next(double) override;
    void skip_to(Xapian::docid did, double) override;
    bool at_end() const override { return started_ && next_ >= list().size(); }
    Xapian::docid get_docid() const override { return list()[next_]; }
    DocidSource* clone() const override { return new DocidSource(lists_, shard_of_); }

  private:
    const std::vector<Xapian::docid>& list() const;
    Xapian::doccount size() const { return static_cast<Xapian::doccount>(list().size()); }
    std::vector<Docids> lists_;
    ShardOf shard_of_;       ///< empty: one database
    std::size_t shard_ = 0;  ///< set by init()
    std::size_t next_ = 0;
    bool started_ = false;
};

}  // namespace tracuu
