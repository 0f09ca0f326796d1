// Small constant tables read as maps: an enum's names (`SourceFormat::Pdf` and `pdf`), a
// combining mark's tone. A table names each entry once, where a switch (and a list of the enum's
// values to read a name back) names it again. Header and standard library only, in the lowest
// floor, so that every floor reads its tables alike.
#pragma once

#include <functional>
#include <iterator>
#include <optional>
#include <type_traits>
#include <utility>

namespace tracuu {

/// `to` of the first entry of `table` whose `from` equals `key` (`from` and `to`: members of
/// the entries, or anything std::invoke takes); nullopt when none does.
template <class Table, class Key, class From, class To>
constexpr auto lookup(const Table& table, const Key& key, From from, To to) {
    using Value = std::remove_cvref_t<decltype(std::invoke(to, *std::begin(table)))>;
    for (const auto& entry : table) {
        if (std::invoke(from, entry) == key) return std::optional<Value>(std::invoke(to, entry));
    }
    return std::optional<Value>();
}

/// In a table of pairs: the second of the first pair whose first is `first`.
template <class Table, class First>
constexpr auto second_of(const Table& table, const First& first) {
    using Pair = std::remove_cvref_t<decltype(*std::begin(table))>;
    return lookup(table, first, &Pair::first, &Pair::second);
}

/// In a table of pairs: the first of the first pair whose second is `second`.
template <class Table, class Second>
constexpr auto first_of(const Table& table, const Second& second) {
    using Pair = std::remove_cvref_t<decltype(*std::begin(table))>;
    return lookup(table, second, &Pair::second, &Pair::first);
}

}  // namespace tracuu
