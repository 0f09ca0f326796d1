#include "source_file.hpp"

#include <fstream>
#include <memory>

#include "analyzers/utf8.hpp"
#include "indexer/document_id.hpp"
#include "indexer/schema.hpp"
#include "indexer/source_format.hpp"
#include "indexer/stored_document.hpp"

namespace tracuu {
namespace fs = std::filesystem;
namespace {

/// The stored metadata of `id`, or nullopt when no such document is indexed.
std::optional<nlohmann::json> stored_meta(const Xapian::Database& db, const std::string& id) {
    const std::string id_term = schema::term(schema::kId, id);
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) return std::nullopt;
    const std::string data = db.get_document(*p).get_data();
    return decode_stored_document(data).meta;
}

/// root + id when that file exists and lies under the root after resolving links; else nullopt.
std::optional<fs::path> resolve_under_root(const Xapian::Database& db, const std::string& id) {
    const std::string root_text = db.get_metadata(std::string(schema::kMetaRoot));
    if (root_text.empty() || id.empty()) return std::nullopt;
    const fs::path relative(id);
    if (relative.is_absolute()) return std::nullopt;
    for (const auto& part : relative) {
        if (part == "..") return std::nullopt;
    }
    std::error_code ec;
    const fs::path root = fs::canonical(root_text, ec);
    if (ec) return std::nullopt;
    const fs::path file = fs::canonical(root / relative, ec);
    if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
    // A link inside the root may point anywhere: the resolved file must still be inside.
    const fs::path inside = file.lexically_relative(root);
    if (inside.empty() || *inside.begin() == "..") return std::nullopt;
    return file;
}

SourceFormat format_of(const nlohmann::json& meta, const fs::path& path) {
    if (meta.contains("extraction")) {
        if (const auto f = format_from_name(meta["extraction"].value("format", ""))) return *f;
    }
    return format_from_extension(path).value_or(SourceFormat::Text);
}

std::string percent_encoded(std::string_view text, bool keep_slash) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool plain = std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
                           (keep_slash && c == '/');
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

std::string source_url(const std::string& id) {
    return "/api/documents/" + percent_encoded(id, true) + "/source";
}

ApiResponse send_source_file(httplib::Response& res, const Xapian::Database& db,
                             const std::string& id) {
    const SourceFileAnswer answer = find_source_file(db, id);
    if (!answer.path) return answer.error;
    std::error_code ec;
    const uint64_t size = fs::file_size(*answer.path, ec);
    auto in = std::make_shared<std::ifstream>(*answer.path, std::ios::binary);
    if (ec || !*in) return error_response(404, "not_found", "the original file cannot be read");
    // An indexed HTML page must not run as our origin: sandboxed, and offered as a download.
    res.set_header("Content-Security-Policy", "sandbox");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    const bool shown_inline = answer.content_type == "application/pdf" ||
                              answer.content_type.starts_with("image/") ||
                              answer.content_type == "text/plain";
    res.set_header("Content-Disposition", std::string(shown_inline ? "inline" : "attachment") +
                                              "; filename*=UTF-8''" +
                                              percent_encoded(answer.file_name, false));
    res.status = 200;
    res.set_content_provider(
        static_cast<std::size_t>(size), answer.content_type,
        [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            char buffer[65536];
            in->seekg(static_cast<std::streamoff>(offset));
            in->read(buffer, static_cast<std::streamsize>(std::min(length, sizeof buffer)));
            const auto n = in->gcount();
            if (n <= 0) return false;
            sink.write(buffer, static_cast<std::size_t>(n));
            return true;
        });
    return {0, nullptr};
}

SourceFileAnswer find_source_file(const Xapian::Database& db, const std::string& id) {
    SourceFileAnswer a;
    if (const std::string problem = document_id_problem(id); !problem.empty()) {
        a.error = error_response(400, "bad_parameter", problem, "id");
        return a;
    }
    const auto meta = stored_meta(db, id);
    if (!meta) {
        a.error = error_response(404, "not_found", "no document with id '" + id + "'", "id");
        return a;
    }
    const auto path = resolve_under_root(db, id);
    if (!path) {
        a.error = error_response(
            404, "not_found",
            "the original file of '" + id + "' is gone, or lies outside the index root", "id");
        return a;
    }
    a.path = *path;
    a.content_type = std::string(content_type(format_of(*meta, *path), *path));
    a.file_name = path->filename().string();
    return a;
}

nlohmann::json source_link(const Xapian::Database& db, const std::string& id,
                           const nlohmann::json& meta) {
    const auto path = resolve_under_root(db, id);
    if (!path) return nullptr;
    std::error_code ec;
    const auto bytes = fs::file_size(*path, ec);
    if (ec) return nullptr;
    const SourceFormat format = format_of(meta, *path);
    return {{"url", source_url(id)},
            {"content_type", content_type(format, *path)},
            {"bytes", bytes},
            {"format", format_name(format)}};
}

}  // namespace tracuu
