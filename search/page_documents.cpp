#include "page_documents.hpp"

#include <future>
#include <system_error>

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
    auto read_shard = [&](std::size_t shard) {
        for (std::size_t i : wanted[shard])
            out[i] = shards[shard].get_document((docids[i] - 1) / n + 1, Xapian::DOC_ASSUME_VALID);
    };
    std::vector<std::future<void>> reading;
    std::vector<std::size_t> late;  // shards no thread could be started for
    std::size_t here = n;           // one shard is read by this thread
    for (std::size_t shard = 0; shard < n; ++shard) {
        if (wanted[shard].empty()) continue;
        if (here == n) {
            here = shard;
            continue;
        }
        try {
            reading.push_back(std::async(std::launch::async, read_shard, shard));
        } catch (const std::system_error&) {
            // No thread to be had (a limit reached): this shard is read below, in this one.
            late.push_back(shard);
        }
    }
    std::exception_ptr failed;
    try {
        if (here < n) read_shard(here);
        for (std::size_t shard : late) read_shard(shard);
    } catch (...) {
        failed = std::current_exception();
    }
    // Every thread is waited for before anything is thrown: they write into `out`.
    for (auto& r : reading) {
        try {
            r.get();
        } catch (...) {
            if (!failed) failed = std::current_exception();
        }
    }
    if (failed) std::rethrow_exception(failed);
    return out;
}

}  // namespace tracuu
