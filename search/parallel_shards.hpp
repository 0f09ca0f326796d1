#pragma once
// Asking several remote shards at once.

#include <cstddef>
#include <functional>
#include <vector>

namespace tracuu {

/// Runs `ask(shard)` for each of `shards`, each in a thread of its own but the first, which runs
/// in the calling thread, and returns when all have ended; then rethrows the first error, if any.
/// Xapian 1.4 asks a remote shard in a round trip of its own and several in turn, so asking each
/// from its own thread waits for the slowest instead of the sum. `ask` must use only that
/// shard's objects (Xapian's objects are not shared between threads). A shard no thread can be
/// started for is asked in the calling thread.
void ask_in_parallel(const std::vector<std::size_t>& shards,
                     const std::function<void(std::size_t)>& ask);

}  // namespace tracuu
