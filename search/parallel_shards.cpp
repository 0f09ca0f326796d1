#include "parallel_shards.hpp"

#include <exception>
#include <future>
#include <system_error>

namespace tracuu {

void ask_in_parallel(const std::vector<std::size_t>& shards,
                     const std::function<void(std::size_t)>& ask) {
    std::vector<std::future<void>> asking;
    std::vector<std::size_t> here;  // the first, and any no thread could be started for
    for (std::size_t shard : shards) {
        if (here.empty()) {
            here.push_back(shard);
            continue;
        }
        try {
            asking.push_back(std::async(std::launch::async, ask, shard));
        } catch (const std::system_error&) {
            here.push_back(shard);  // no thread to be had (a limit reached)
        }
    }
    std::exception_ptr failed;
    try {
        for (std::size_t shard : here) ask(shard);
    } catch (...) {
        failed = std::current_exception();
    }
    // Every thread is waited for before anything is thrown: they use the caller's objects.
    for (auto& a : asking) {
        try {
            a.get();
        } catch (...) {
            if (!failed) failed = std::current_exception();
        }
    }
    if (failed) std::rethrow_exception(failed);
}

}  // namespace tracuu
