#include "code_tables.hpp"

#include "embedded_data.hpp"
#include "word_forms.hpp"

namespace tracuu {

std::vector<std::vector<std::string_view>> parse_tsv(std::string_view text) {
    std::vector<std::vector<std::string_view>> rows;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string_view> fields;
        while (true) {
            const auto tab = line.find('\t');
            fields.push_back(line.substr(0, tab));
            if (tab == std::string_view::npos) break;
            line = line.substr(tab + 1);
        }
        rows.push_back(std::move(fields));
    }
    return rows;
}

namespace {

std::vector<CodeEntry> load(std::string_view tsv) {
    std::vector<CodeEntry> entries;
    for (const auto& row : parse_tsv(tsv)) {
        if (row.size() < 2) continue;
        entries.push_back(
            {std::string(row[0]), std::string(row[1]), fold(row[0]), fold_words(row[1])});
    }
    return entries;
}

}  // namespace

const std::vector<CodeEntry>& document_type_codes() {
    static const std::vector<CodeEntry> table = load(embedded::document_types);
    return table;
}

const std::vector<CodeEntry>& issuer_codes() {
    static const std::vector<CodeEntry> table = load(embedded::issuer_codes);
    return table;
}

const CodeEntry* find_type_code(std::string_view code) {
    for (const auto& e : document_type_codes()) {
        if (e.code == code) return &e;
    }
    const std::string folded = fold(code);
    for (const auto& e : document_type_codes()) {
        if (e.folded_code == folded) return &e;
    }
    return nullptr;
}

const CodeEntry* find_type_by_folded_name(std::string_view folded_name) {
    for (const auto& e : document_type_codes()) {
        if (e.folded_name == folded_name) return &e;
    }
    return nullptr;
}

bool is_known_code(std::string_view folded) {
    for (const auto& e : document_type_codes()) {
        if (e.folded_code == folded) return true;
    }
    for (const auto& e : issuer_codes()) {
        if (e.folded_code == folded) return true;
    }
    return false;
}

}  // namespace tracuu
