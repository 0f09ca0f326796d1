#include "document_preparation.hpp"

#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"
#include "extraction_cleanup.hpp"
#include "issuer_label.hpp"

namespace tracuu {
namespace {

/// A short line to show for a document until its subject is known: its first substantial line.
std::string first_line_title(std::string_view text) {
    constexpr std::size_t kMaxTitleBytes = 200;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (line.size() < 8) continue;
        if (line.size() > kMaxTitleBytes) return std::string(utf8::cut(line, kMaxTitleBytes)) + "…";
        return std::string(line);
    }
    return {};
}

}  // namespace

std::string stored_text(std::string_view raw_text) {
    return clean_extraction_artifacts(normalize_text(raw_text));
}

PreparedDocument prepare_document(std::string id, std::string_view raw_text) {
    PreparedDocument p;
    p.record.id = id;
    p.record.path = std::move(id);
    p.record.source_bytes = raw_text.size();
    p.record.text = stored_text(raw_text);
    p.analysis = analyze(p.record.text);
    p.directive = parse_directive(p.record.text, p.analysis);
    p.record.fields = to_json(p.directive);
    p.record.title =
        p.directive.title.empty() ? first_line_title(p.record.text) : p.directive.title;
    p.record.issuer_label = issuer_label(p.directive);
    return p;
}

}  // namespace tracuu
