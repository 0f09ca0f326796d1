#include "page_documents.hpp"

#include "parallel_shards.hpp"

namespace tracuu {

// The page's documents were just matched: Xapian need not check that they exist.
std::vector<Xapian::Document> page_documents(const Xapian::Database& db,
                                             const std::vector<Xapian::docid>& docids,
                                             const std::vector<Xapian::Database>& shards) {
    std::vector<Xapian::Document> out(docids.size());
    const std::size_t n = shards.size();
    if (n < 2 || n != db.size() || docids.size() < 2) {
        for (std::size_t i = 0; i < docids.size(); ++i)
            out[i] = db.get_document(docids[i], Xapian::DOC_ASSUME_VALID);
        return out;
    }
    // Xapian numbers the documents of n databases combined by interleaving: combined number d
    // is document (d - 1) / n + 1 of shard (d - 1) % n.
    std::vector<std::vector<std::size_t>> wanted(n);
    for (std::size_t i = 0; i < docids.size(); ++i) wanted[(docids[i] - 1) % n].push_back(i);
    std::vector<std::size_t> asked;
    for (std::size_t shard = 0; shard < n; ++shard)
        if (!wanted[shard].empty()) asked.push_back(shard);
    ask_in_parallel(asked, [&](std::size_t shard) {
        for (std::size_t i : wanted[shard])
            out[i] = shards[shard].get_document((docids[i] - 1) / n + 1, Xapian::DOC_ASSUME_VALID);
    });
    return out;
}

}  // namespace tracuu
