#include "schema.hpp"

#include <xxhash.h>

#include <cstdio>

#include "analyzers/utf8.hpp"

namespace tracuu::schema {

std::string term(std::string_view prefix, std::string_view value) {
    std::string t(prefix);
    if (prefix.size() + value.size() <= kMaxTermBytes) {
        t += value;
        return t;
    }
    // Keep a readable head and make the tail unique.
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx",
                  static_cast<unsigned long long>(XXH3_64bits(value.data(), value.size())));
    t += utf8::cut(value, kMaxTermBytes - prefix.size() - 17);  // whole characters
    t += '#';
    t += hash;
    return t;
}

std::string relation_term(std::string_view relation, std::string_view key) {
    std::string value(relation);
    if (!key.empty()) {
        value += '/';
        value += key;
    }
    return term(kRelation, value);
}

bool has_pair_term(std::string_view first, std::string_view second) {
    auto digit = [](std::string_view s) { return s.empty() || (s[0] >= '0' && s[0] <= '9'); };
    return !digit(first) && !digit(second);
}

std::string pair_term(std::string_view first, std::string_view second, std::string_view prefix) {
    std::string value;
    value.reserve(first.size() + 1 + second.size());
    value += first;
    value += '_';
    value += second;
    return term(prefix, value);
}

}  // namespace tracuu::schema
