#include "stored_citations.hpp"

#include "analyzers/text_normalizer.hpp"

namespace tracuu {

const std::vector<std::string_view>& citation_relation_names() {
    static const std::vector<std::string_view> names = {"repeals",    "replaces",     "amends",
                                                        "corrects",   "consolidates", "guides",
                                                        "implements", "basis",        "mentions"};
    return names;
}

std::string excerpt_text(std::string_view text, const TextExcerpt& e) {
    if (e.begin > e.end || e.end > text.size()) return {};
    return (e.cut_before ? "…" : "") + collapse_spaces(text.substr(e.begin, e.end - e.begin)) +
           (e.cut_after ? "…" : "");
}

nlohmann::json context_span(const TextExcerpt& e) {
    return {e.begin, e.end, (e.cut_before ? 1 : 0) | (e.cut_after ? 2 : 0)};
}

void add_citation_contexts(nlohmann::json& citations, std::string_view text) {
    if (!citations.is_array()) return;
    for (auto& c : citations) {
        if (!c.contains("context_span")) continue;
        const auto& span = c["context_span"];
        if (!span.is_array() || span.size() != 3) continue;
        const int flags = span[2].get<int>();
        c["context"] = excerpt_text(text, {span[0].get<uint32_t>(), span[1].get<uint32_t>(),
                                           (flags & 1) != 0, (flags & 2) != 0});
        c.erase("context_span");
        if (c.contains("relation_span")) {
            const auto& r = c["relation_span"];
            if (r.is_array() && r.size() == 2 && r[0].get<uint32_t>() <= r[1].get<uint32_t>() &&
                r[1].get<uint32_t>() <= text.size()) {
                c["relation_words"] = collapse_spaces(
                    text.substr(r[0].get<uint32_t>(), r[1].get<uint32_t>() - r[0].get<uint32_t>()));
            }
        }
    }
}

}  // namespace tracuu
