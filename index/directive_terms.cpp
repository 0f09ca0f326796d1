#include "directive_terms.hpp"

#include <algorithm>

#include "analyzers/abbreviations.hpp"
#include "analyzers/code_tables.hpp"
#include "analyzers/word_forms.hpp"
#include "schema.hpp"

namespace tracuu {
namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out.push_back('_');
        out += w;
    }
    return out;
}

}  // namespace

std::vector<std::string> issuer_terms(std::string_view name) {
    std::vector<std::string> terms;
    for (const auto& word : expand_abbreviations(name, name_abbreviations())) {
        std::string t = schema::term(schema::kIssuer, word);
        if (std::find(terms.begin(), terms.end(), t) == terms.end()) terms.push_back(std::move(t));
    }
    return terms;
}

std::string type_term(std::string_view type_name) {
    return schema::term(schema::kType, joined(folded_tokens(type_name)));
}

std::optional<std::string> type_term_for_query(std::string_view text) {
    const std::vector<std::string> words = folded_tokens(text);
    if (words.empty()) return std::nullopt;
    if (words.size() == 1) {
        if (const CodeEntry* entry = find_type_code(text)) return type_term(entry->name);
    }
    std::string name;
    for (const auto& w : words) name += (name.empty() ? "" : " ") + w;
    if (const CodeEntry* entry = find_type_by_folded_name(name)) return type_term(entry->name);
    return std::nullopt;
}

std::string signer_term(std::string_view name) {
    return schema::term(schema::kSigner, joined(folded_tokens(name)));
}

}  // namespace tracuu
