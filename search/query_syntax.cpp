#include "query_syntax.hpp"

#include <algorithm>

#include "analyzers/word_forms.hpp"
#include "field_filters.hpp"

namespace tracuu {

const std::vector<QueryFieldName>& query_field_names() {
    static const std::vector<QueryFieldName> table = {
        {QueryField::Cites, "cites", {"trichdan", "viendan", "cites"}, cites_filter},
        {QueryField::Issuer, "issuer", {"coquan", "issuer"}, issuer_filter},
        {QueryField::Number, "number", {"so", "sohieu", "number"}, number_filter},
        {QueryField::Signer, "signer", {"nguoiky", "signer"}, signer_filter},
        {QueryField::Type, "type", {"loai", "type"}, type_filter},
        {QueryField::Year, "year", {"nam", "year"}, year_filter},
    };
    return table;
}

std::string_view parameter_of(QueryField field) {
    for (const auto& row : query_field_names()) {
        if (row.field == field) return row.parameter;
    }
    return "q";
}

QueryField query_field_named(std::string_view name) {
    const std::string n = fold(name);
    for (const auto& row : query_field_names()) {
        if (std::find(row.typed.begin(), row.typed.end(), n) != row.typed.end()) return row.field;
    }
    return QueryField::None;
}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::vector<QueryPart> parse_query_syntax(std::string_view q) {
    std::vector<QueryPart> parts;
    std::size_t i = 0;
    auto add_plain_word = [&](QueryPart&& word) {
        if (!parts.empty() && parts.back().field == QueryField::None && !parts.back().quoted &&
            !parts.back().negated) {
            parts.back().text += ' ';
            parts.back().text += word.text;
            parts.back().end = word.end;
        } else {
            parts.push_back(std::move(word));
        }
    };
    while (i < q.size()) {
        while (i < q.size() && is_space(q[i])) ++i;
        if (i >= q.size()) break;
        QueryPart part;
        // '-' starts an exclusion only before a word or a quote: `57-NQ` never gets here.
        if (q[i] == '-' && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != '-') {
            part.negated = true;
            ++i;
        }
        // field:value
        std::size_t j = i;
        while (j < q.size() && !is_space(q[j]) && q[j] != ':' && q[j] != '"') ++j;
        if (j < q.size() && q[j] == ':' && j > i) {
            const QueryField field = query_field_named(q.substr(i, j - i));
            if (field != QueryField::None && j + 1 < q.size() && !is_space(q[j + 1])) {
                part.field = field;
                i = j + 1;
            }
        }
        if (q[i] == '"') {
            const std::size_t close = q.find('"', i + 1);
            const std::size_t end = close == std::string_view::npos ? q.size() : close;
            part.text = std::string(q.substr(i + 1, end - i - 1));
            part.begin = i + 1;
            part.end = end;
            part.quoted = part.field == QueryField::None;
            i = close == std::string_view::npos ? q.size() : close + 1;
        } else {
            std::size_t end = i;
            while (end < q.size() && !is_space(q[end]) && q[end] != '"') ++end;
            part.text = std::string(q.substr(i, end - i));
            part.begin = i;
            part.end = end;
            i = end;
        }
        if (part.text.empty()) continue;
        if (part.field == QueryField::None && !part.quoted && !part.negated) {
            add_plain_word(std::move(part));
        } else {
            parts.push_back(std::move(part));
        }
    }
    return parts;
}

}  // namespace tracuu
