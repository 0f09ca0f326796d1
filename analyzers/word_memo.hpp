// A pure function of a word, remembered per thread. Directives reuse a few thousand syllables
// over and over, so remembering what was worked out for each (bounded: cleared when full) skips
// most of the work. Per thread: no locks, and each thread's words are what it analyses.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tracuu {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// `compute(word)`, remembered for words of at most `kMaxBytes` bytes, `kMaxEntries` at a time.
/// Each `Compute` type (each call site's lambda) has its own memo.
template <std::size_t kMaxEntries, std::size_t kMaxBytes, class Compute>
auto remembered(std::string_view word, Compute compute) -> decltype(compute(word)) {
    using Value = decltype(compute(word));
    thread_local std::unordered_map<std::string, Value, StringHash, std::equal_to<>> memo;
    if (word.size() > kMaxBytes) return compute(word);
    if (auto it = memo.find(word); it != memo.end()) return it->second;
    if (memo.size() >= kMaxEntries) memo.clear();
    return memo.emplace(word, compute(word)).first->second;
}

}  // namespace tracuu
