// The one writer of a tracuu database: opens or creates it, adds or replaces documents by id,
// commits in batches.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.hpp"
#include "document_preparation.hpp"

namespace tracuu {

/// A problem with the database as a whole (locked, wrong root, unreadable); stops the run.
class IndexError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class IndexWriter {
  public:
    /// Opens the database at `db_path`, creating it if needed. A new database records `root`
    /// (default: the current directory) as the base of document ids; an existing one keeps its
    /// own, and a different `root` is refused because it would change every id.
    IndexWriter(const std::filesystem::path& db_path,
                const std::optional<std::filesystem::path>& root);

    const std::filesystem::path& root() const { return root_; }

    enum class Outcome { Added, Replaced };
    /// Adds the document, or replaces the one with the same id.
    Outcome put(const PreparedDocument& document);
    /// The same for a document already built (build_document).
    Outcome put(const std::string& id, const Xapian::Document& document);

    /// Removes the document with this id; false when there was none.
    bool remove(const std::string& id);

    bool contains(const std::string& id);

    /// What the index knows of the file behind `id` (empty hash: indexed without these facts).
    struct SourceFacts {
        uint64_t size = 0;
        int64_t mtime_ns = 0;
        std::string hash;
    };
    std::optional<SourceFacts> source_facts(const std::string& id);

    /// Records a new modification time for an unchanged file, so the next run skips it at once.
    void update_mtime(const std::string& id, int64_t mtime_ns);

    /// Ids of the documents whose id starts with `prefix` (all of them for an empty prefix).
    std::vector<std::string> ids_with_prefix(const std::string& prefix);

    /// Makes everything put so far durable and visible to readers.
    void commit();

    /// True when this run made the database or wrote at least half of its `indexed` documents:
    /// then compact() is worth its time.
    bool should_compact(std::size_t indexed) const;

    /// Commits, then replaces the database by a compact copy (see compact_in_place): full B-tree
    /// blocks, a third smaller after a bulk load, and faster to search. The writer is closed
    /// after: nothing more can be put.
    void compact();

    Xapian::doccount document_count() const;

  private:
    std::filesystem::path path_;
    Xapian::WritableDatabase db_;
    bool created_ = false;
    bool closed_ = false;  ///< after compact()
    std::filesystem::path root_;
};

}  // namespace tracuu
