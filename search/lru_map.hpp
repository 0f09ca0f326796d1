// A map bounded by the bytes its values hold, dropping the least recently used beyond that: the
// one eviction rule of the server's caches (result_cache.hpp, filter_cache.hpp). Not
// synchronised: each cache holds its own lock around it.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>

namespace tracuu {

template <class Value>
class LruMap {
  public:
    /// At most `max_bytes` of values; a single value may take at most a quarter of that.
    explicit LruMap(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// The value kept for `key`, now the most recently used; nullptr when there is none.
    const Value* find(const std::string& key) {
        const auto it = index_.find(key);
        if (it == index_.end()) return nullptr;
        entries_.splice(entries_.begin(), entries_, it->second);
        return &it->second->value;
    }

    /// Keeps `value` (holding `bytes`) as the most recently used, unless it is too large to keep:
    /// then false. A key kept already keeps its value (another thread computed the same).
    bool insert(const std::string& key, Value value, std::size_t bytes) {
        if (bytes > max_bytes_ / 4) return false;
        if (index_.count(key)) return true;
        entries_.push_front({key, std::move(value), bytes});
        index_.emplace(key, entries_.begin());
        bytes_ += bytes;
        while (bytes_ > max_bytes_) {
            bytes_ -= entries_.back().bytes;
            index_.erase(entries_.back().key);
            entries_.pop_back();
        }
        return true;
    }

    void clear() {
        entries_.clear();
        index_.clear();
        bytes_ = 0;
    }

    std::size_t size() const { return entries_.size(); }
    std::size_t bytes() const { return bytes_; }

  private:
    struct Entry {
        std::string key;
        Value value;
        std::size_t bytes;
    };
    const std::size_t max_bytes_;
    std::list<Entry> entries_;  ///< most recently used first
    std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
    std::size_t bytes_ = 0;
};

}  // namespace tracuu
