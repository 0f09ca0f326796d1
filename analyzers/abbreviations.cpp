#include "abbreviations.hpp"

#include "analyzer.hpp"
#include "code_tables.hpp"
#include "embedded_data.hpp"
#include "text_normalizer.hpp"

namespace tracuu {

std::vector<std::string> folded_tokens(std::string_view text) {
    const std::string normalized = normalize_text(text);
    std::vector<std::string> out;
    for (auto& t : analyze(normalized).tokens) out.push_back(std::move(t.folded));
    return out;
}

std::vector<Abbreviation> parse_abbreviations(std::string_view tsv) {
    std::vector<Abbreviation> table;
    for (const auto& row : parse_tsv(tsv)) {
        if (row.size() < 2) continue;
        Abbreviation a{folded_tokens(row[0]), folded_tokens(row[1]), std::string(row[0]),
                       std::string(row[1])};
        if (!a.short_form.empty() && !a.full_form.empty()) table.push_back(std::move(a));
    }
    return table;
}

const std::vector<Abbreviation>& name_abbreviations() {
    static const std::vector<Abbreviation> table = parse_abbreviations(embedded::issuer_codes);
    return table;
}

const std::vector<Abbreviation>& topic_abbreviations() {
    static const std::vector<Abbreviation> table =
        parse_abbreviations(embedded::topic_abbreviations);
    return table;
}

std::vector<std::string> expand_abbreviations(std::string_view text,
                                              const std::vector<Abbreviation>& table) {
    const std::vector<std::string> tokens = folded_tokens(text);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < tokens.size();) {
        const Abbreviation* best = nullptr;
        for (const auto& a : table) {
            const std::size_t n = a.short_form.size();
            if (i + n > tokens.size() || (best && n <= best->short_form.size())) continue;
            if (std::equal(a.short_form.begin(), a.short_form.end(),
                           tokens.begin() + static_cast<long>(i))) {
                best = &a;
            }
        }
        if (best) {
            out.insert(out.end(), best->full_form.begin(), best->full_form.end());
            i += best->short_form.size();
        } else {
            out.push_back(tokens[i]);
            ++i;
        }
    }
    return out;
}

}  // namespace tracuu
