#include "source_file.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <vector>

#include "analyzers/latin_letters.hpp"
#include "analyzers/legacy_encoding.hpp"
#include "analyzers/utf8.hpp"
#include "index/document_id.hpp"
#include "index/find_document.hpp"
#include "index/schema.hpp"
#include "index/source_format.hpp"
#include "index/stored_document.hpp"
#include "request_target.hpp"

namespace tracuu {
namespace fs = std::filesystem;
namespace {

/// The stored metadata of `id`, or nullopt when no such document is indexed.
std::optional<nlohmann::json> stored_meta(const Xapian::Database& db, const std::string& id) {
    const auto docid = find_document(db, id);
    if (!docid) return std::nullopt;
    const std::string data = db.get_document(*docid).get_data();
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
    const auto named = file_named_by_id(root, id);
    if (!named) return std::nullopt;
    const fs::path file = fs::canonical(*named, ec);
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

struct Served {
    std::string content_type;
    std::string converted_from;
};

/// The content type a file goes out with; text types carry the charset it was read in.
Served served_as(const nlohmann::json& meta, const fs::path& path) {
    const SourceFormat format = format_of(meta, path);
    std::string type(content_type(format, path));
    if (!type.starts_with("text/")) return {type, {}};
    std::string stored;
    if (meta.contains("extraction") && meta["extraction"].is_object())
        stored = meta["extraction"].value("encoding", "");
    const TextCharset charset = text_charset(stored);
    if (!charset.charset.empty()) type += "; charset=" + charset.charset;
    return {type, charset.converted_from};
}

}  // namespace

std::string source_url(const std::string& id) {
    return "/api/documents/" + percent_encoded(id, true) + "/source";
}

TextCharset text_charset(std::string_view stored) {
    // A legacy font read through Windows-1252 (`TCVN3 (legacy font, detected)`), TCVN3 and VNI:
    // no browser decodes these, so the text goes out converted, as it was indexed.
    const auto first_word = stored.substr(0, stored.find(' '));
    if (stored.find("legacy font") != std::string_view::npos || first_word == "TCVN3" ||
        first_word == "VNI") {
        return {"utf-8", std::string(first_word)};
    }
    if (first_word == "UTF-16") return {"utf-16", {}};  // its byte-order mark tells the order
    if (first_word == "Windows-1258") return {"windows-1258", {}};
    if (first_word == "UTF-8" || stored.empty()) return {"utf-8", {}};
    return {};  // `declared in the page`: the page's own <meta charset> decides
}

std::string download_name(const nlohmann::json& fields, const std::string& extension,
                          const std::string& fallback) {
    auto value = [&](const char* name) -> std::string {
        if (!fields.is_object() || !fields.contains(name)) return {};
        const auto& field = fields[name];
        return field.is_object() && field.contains("value") && field["value"].is_string()
                   ? field["value"].get<std::string>()
                   : std::string();
    };
    const std::string number = value("number");
    // Without a number, named by what it is, who issued it and when: `Cong-van-Uy-ban-nhan-dan-
    // tinh-Dong-Nai-2025-10.txt`, never the stored file's hash name.
    std::vector<std::string> parts = {value("type"), number};
    if (number.empty()) {
        if (value("issuer").empty()) return fallback;
        std::string when = value("date");
        if (when.empty()) when = value("month");
        if (when.empty()) when = value("year");
        parts = {value("type"), value("issuer"), when};
    }
    std::string name;
    bool dash = false;
    for (const std::string& part : parts) {
        for (std::size_t pos = 0; pos < part.size();) {
            const char32_t c = utf8::next(part, pos);
            char ascii = 0;
            if (c < 0x80 && std::isalnum(static_cast<int>(c))) {
                ascii = static_cast<char>(c);
            } else if (const auto letter = latin_letter(c)) {
                ascii =
                    letter->upper ? static_cast<char>(std::toupper(letter->base)) : letter->base;
            }
            if (ascii) {
                if (dash && !name.empty()) name += '-';
                name += ascii;
                dash = false;
            } else {
                dash = true;
            }
        }
        dash = true;
    }
    return name.empty() ? fallback : name + extension;
}

SourceReply source_reply(const Xapian::Database& db, const std::string& id,
                         const ByteRanges& ranges) {
    SourceReply reply;
    auto fail = [&reply](ApiResponse error) {
        reply.status = error.status;
        reply.error = std::move(error);
        return std::move(reply);
    };
    const SourceFileAnswer answer = find_source_file(db, id);
    if (!answer.path) return fail(answer.error);
    std::error_code ec;
    uint64_t size = fs::file_size(*answer.path, ec);
    auto in = std::make_shared<std::ifstream>(*answer.path, std::ios::binary);
    if (ec || !*in)
        return fail(error_response(404, "not_found", "the original file cannot be read"));
    reply.bytes = in;
    // A legacy encoding is sent as the UTF-8 it was read as (small files: text).
    if (!answer.converted_from.empty()) {
        std::string bytes((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
        try {
            std::string text = decode_text(bytes).text;
            if (auto repaired = repair_legacy_mojibake(text)) text = std::move(repaired->text);
            bytes = std::move(text);
        } catch (const EncodingError&) {
        }
        size = bytes.size();
        reply.bytes = std::make_shared<std::istringstream>(std::move(bytes));
        reply.headers.emplace_back("X-Converted-From", answer.converted_from);
    }
    // An indexed HTML page must not run as our origin: sandboxed, and offered as a download.
    reply.headers.emplace_back("Content-Security-Policy", "sandbox");
    reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
    reply.headers.emplace_back("Cache-Control", "no-store");
    reply.headers.emplace_back("Accept-Ranges", "bytes");
    const bool shown_inline = answer.content_type == "application/pdf" ||
                              answer.content_type.starts_with("image/") ||
                              answer.content_type.starts_with("text/plain");
    reply.headers.emplace_back("Content-Disposition",
                               std::string(shown_inline ? "inline" : "attachment") +
                                   "; filename*=UTF-8''" +
                                   percent_encoded(answer.file_name, false));
    const RangeChoice part = choose_range(ranges, size);
    if (part.status == 416) {
        reply.headers.emplace_back("Content-Range", part.content_range);
        return fail(error_response(
            416, "bad_range",
            "the range starts past the end of the file (" + std::to_string(size) + " bytes)"));
    }
    reply.status = part.status;
    if (part.status == 206) reply.headers.emplace_back("Content-Range", part.content_range);
    reply.content_type = answer.content_type;
    reply.offset = part.offset;
    reply.length = part.length;
    return reply;
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
    const Served served = served_as(*meta, *path);
    a.content_type = served.content_type;
    a.converted_from = served.converted_from;
    std::string extension = path->extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    a.file_name = download_name(meta->value("fields", nlohmann::json()), extension,
                                path->filename().string());
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
            {"content_type", served_as(meta, *path).content_type},
            {"bytes", bytes},
            {"format", format_name(format)}};
}

}  // namespace tracuu
