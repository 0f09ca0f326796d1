// The writer of a tracuu index made of shards: a Xapian stub folder (`DIR/XAPIANDB` listing
// `shard-0` … `shard-(N-1)`, each a tracuu database) that Xapian and tracuu-server search as one.
// Each document goes to the shard a stable hash of its id names, so a file always lands on the
// same shard (replace, delete, --prune and the unchanged-file skip ask that shard only). Each
// shard is written by its own thread: Xapian's per-term work, most of indexing's cost, then uses
// every core. With one shard (a plain database) everything runs on the caller's thread, as
// IndexWriter alone.
#pragma once

#include <cstddef>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index_writer.hpp"

namespace tracuu {

class ShardedWriter {
  public:
    /// Opens the index at `db_path`, creating it if needed: a plain database when `shards` is 0
    /// or 1, else a stub folder of `shards` shards, made whole in a hidden sibling and renamed
    /// into place. An existing index keeps its layout: `shards` 0 means whatever it has, and a
    /// different count is refused (IndexError), since it would move documents between shards.
    /// Every shard is opened (and locked) in order, so a second indexer stops at the first.
    ShardedWriter(const std::filesystem::path& db_path,
                  const std::optional<std::filesystem::path>& root, std::size_t shards);
    ~ShardedWriter();
    ShardedWriter(const ShardedWriter&) = delete;
    ShardedWriter& operator=(const ShardedWriter&) = delete;

    const std::filesystem::path& root() const;
    std::size_t shard_count() const;
    /// The shard of a document id: xxh3 of the id modulo the shard count.
    std::size_t shard_of(const std::string& id) const;

    /// What became of a put (take_written).
    struct Written {
        std::size_t ticket = 0;
        std::optional<IndexWriter::Outcome> outcome;  ///< empty: refused, `error` says why
        std::string error;
    };
    /// Adds or replaces the document on its shard's thread (at once with one shard); `ticket`
    /// comes back with the outcome. Waits while the shard has many documents queued.
    void put(std::size_t ticket, const std::string& id, Xapian::Document document);
    /// The puts finished since the last call (every one after commit()). Rethrows an error of a
    /// database (not of one document) that stopped a shard.
    std::vector<Written> take_written();

    bool remove(const std::string& id);
    std::optional<IndexWriter::SourceFacts> source_facts(const std::string& id);
    /// The same for many ids at once: one task per shard, in parallel (a round trip per file to
    /// a shard's thread costs more than the look-up).
    std::vector<std::optional<IndexWriter::SourceFacts>> source_facts(
        const std::vector<std::string>& ids);
    /// Queued on the shard's thread, like put().
    void update_mtime(const std::string& id, int64_t mtime_ns);
    /// Of every shard.
    std::vector<std::string> ids_with_prefix(const std::string& prefix);

    /// Commits every shard (in parallel), after everything queued.
    void commit();
    bool should_compact(std::size_t indexed) const;
    /// Compacts every shard in place (in parallel), as IndexWriter::compact.
    void compact();
    Xapian::doccount document_count() const;

  private:
    struct Shard;
    /// Runs `work` on shard `i`'s thread after what is queued there, and waits for it.
    template <class Result, class Work>
    Result run(std::size_t i, Work work);
    void rethrow_fatal();

    std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace tracuu
