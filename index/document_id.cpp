#include "document_id.hpp"

#include "analyzers/text_normalizer.hpp"
#include "analyzers/utf8.hpp"

namespace tracuu {

std::string document_id_problem(std::string_view id) {
    if (id.empty()) return "the document id is empty";
    if (id.size() > kMaxDocumentIdBytes) {
        return "the document id is longer than " + std::to_string(kMaxDocumentIdBytes) + " bytes";
    }
    if (!utf8::is_valid(id)) return "the document id is not valid UTF-8";
    for (const char c : id) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return "the document id contains a control character";
    }
    if (id.front() == '/') return "a document id is a relative path; it cannot start with '/'";
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = id.find('/', start);
        const std::string_view segment = id.substr(start, slash - start);
        if (segment.empty())
            return "the document id has an empty path segment ('//' or a final '/')";
        if (segment == "." || segment == "..")
            return "the document id has a '" + std::string(segment) + "' segment";
        if (slash == std::string_view::npos) return {};
        start = slash + 1;
    }
}

std::optional<std::filesystem::path> file_named_by_id(const std::filesystem::path& root,
                                                      std::string_view id) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path at = root;
    std::size_t start = 0;
    while (start <= id.size()) {
        const std::size_t slash = std::min(id.find('/', start), id.size());
        const std::string segment(id.substr(start, slash - start));
        start = slash + 1;
        if (fs::exists(at / segment, ec)) {
            at /= segment;
            continue;
        }
        std::optional<fs::path> found;
        for (fs::directory_iterator it(at, ec), end; !ec && it != end; it.increment(ec)) {
            if (normalize_text(it->path().filename().string()) == segment) {
                found = it->path();
                break;
            }
        }
        if (!found) return std::nullopt;
        at = *found;
    }
    return at;
}

}  // namespace tracuu
