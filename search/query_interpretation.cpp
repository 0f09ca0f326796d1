#include "query_interpretation.hpp"

#include <algorithm>

#include "analyzers/analyzer.hpp"
#include "analyzers/text_normalizer.hpp"
#include "analyzers/word_forms.hpp"
#include "index/schema.hpp"
#include "query_syntax.hpp"
#include "term_frequencies.hpp"

namespace tracuu {

std::size_t IndexEvidence::frequency(const std::string& term) const {
    if (auto it = frequencies_.find(term); it != frequencies_.end()) return it->second;
    const std::size_t f = db_.get_termfreq(term);
    frequencies_.emplace(term, f);
    return f;
}

void IndexEvidence::expect(const std::vector<std::string>& folded) const {
    if (!batched_) return;
    std::vector<std::string> terms;
    for (const auto& word : folded) {
        if (!word.empty() && !frequencies_.count(word)) terms.push_back(word);
    }
    const std::vector<Xapian::doccount> found = term_frequencies(db_, terms);
    for (std::size_t i = 0; i < terms.size(); ++i) frequencies_.emplace(terms[i], found[i]);
}

std::size_t IndexEvidence::word_frequency(const std::string& folded) const {
    return folded.empty() ? 0 : frequency(folded);
}

std::size_t IndexEvidence::pair_frequency(const std::string& first,
                                          const std::string& second) const {
    if (!schema::has_pair_term(first, second)) return 0;
    return frequency(schema::pair_term(first, second));
}

std::size_t IndexEvidence::exact_frequency(const std::string& exact) const {
    return exact.empty() ? 0 : frequency(std::string(schema::kExact) + exact);
}

std::vector<std::string> IndexEvidence::completions(const std::string& prefix,
                                                    std::size_t limit) const {
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
        const std::string term = *t;
        // Accent-free words only: prefixed terms start with a capital, numbers with a digit.
        if (term.empty() || term[0] < 'a' || term[0] > 'z') continue;
        found.emplace_back(t.get_termfreq(), term);
    }
    const std::size_t kept = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<long>(kept), found.end(),
                      [](const auto& a, const auto& b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < kept; ++i) out.push_back(std::move(found[i].second));
    return out;
}

std::optional<std::string> interpret_query(std::string_view raw, const WordEvidence* evidence) {
    std::string q = normalize_text(raw);
    struct Replacement {
        std::size_t begin, end;
        std::string text;
    };
    struct Word {
        std::size_t begin, end;  ///< in q
    };
    std::vector<Word> words;
    for (const QueryPart& part : parse_query_syntax(q)) {
        if (part.field != QueryField::None || part.end <= part.begin) continue;
        const std::string_view text = std::string_view(q).substr(part.begin, part.end - part.begin);
        for (const Token& token : analyze(text, NumberMode::Query).tokens) {
            if (token.number >= 0) continue;  // `57 nq tw`: tw is no Telex there
            words.push_back({part.begin + token.begin, part.begin + token.end});
        }
    }
    if (evidence) {
        std::vector<std::string> folded;
        for (const Word& w : words)
            folded.push_back(fold(std::string_view(q).substr(w.begin, w.end - w.begin)));
        evidence->expect(folded);
    }
    std::vector<Replacement> replacements;
    for (const Word& w : words) {
        const std::string_view word = std::string_view(q).substr(w.begin, w.end - w.begin);
        if (auto meant = reinterpret_word(word, evidence))
            replacements.push_back({w.begin, w.end, std::move(*meant)});
    }
    if (replacements.empty()) return std::nullopt;
    for (auto r = replacements.rbegin(); r != replacements.rend(); ++r)
        q.replace(r->begin, r->end - r->begin, r->text);
    return q;
}

}  // namespace tracuu
