#include "source_format.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "analyzers/table_lookup.hpp"

namespace tracuu {
namespace {

/// Each format: its name, as stored and shown, and the content type it is served with (an
/// image's comes from its extension).
struct FormatEntry {
    SourceFormat format;
    std::string_view name;
    std::string_view content_type;
};
constexpr FormatEntry kFormats[] = {
    // No charset for text: legacy files are served as they are.
    {SourceFormat::Text, "text", "text/plain"},
    {SourceFormat::Html, "html", "text/html"},
    {SourceFormat::Docx, "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {SourceFormat::Doc, "doc", "application/msword"},
    {SourceFormat::Pdf, "pdf", "application/pdf"},
    {SourceFormat::Image, "image", ""}};

}  // namespace

std::string_view format_name(SourceFormat format) {
    return lookup(kFormats, format, &FormatEntry::format, &FormatEntry::name).value_or("?");
}

std::optional<SourceFormat> format_from_name(std::string_view name) {
    return lookup(kFormats, name, &FormatEntry::name, &FormatEntry::format);
}

namespace {

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool starts_with_markup(std::string_view head) {
    // Skip a UTF-8 byte-order mark and leading white space, then look for an HTML opening.
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty() && std::isspace(static_cast<unsigned char>(head.front())))
        head.remove_prefix(1);
    std::string start(head.substr(0, 64));
    std::transform(start.begin(), start.end(), start.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return start.starts_with("<!doctype html") || start.starts_with("<html") ||
           (start.starts_with("<?xml") && head.substr(0, 512).find("<html") != head.npos);
}

}  // namespace

std::optional<SourceFormat> format_from_extension(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".txt" || ext == ".text") return SourceFormat::Text;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return SourceFormat::Html;
    if (ext == ".docx") return SourceFormat::Docx;
    if (ext == ".doc") return SourceFormat::Doc;
    if (ext == ".pdf") return SourceFormat::Pdf;
    if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff")
        return SourceFormat::Image;
    return std::nullopt;
}

SniffedFormat sniff_format(std::string_view head, std::string_view whole) {
    SniffedFormat s;
    // PDF allows junk before the header within the first 1024 bytes.
    if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
        s.format = SourceFormat::Pdf;
    } else if (head.starts_with("PK\x03\x04")) {
        // The ZIP's local headers name its entries: a Word document has word/document.xml.
        if (whole.find("word/document.xml") != std::string_view::npos) {
            s.format = SourceFormat::Docx;
        } else {
            s.zip_without_word_document = true;
        }
    } else if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        // An encrypted DOCX is an OLE2 file with a stream named EncryptedPackage (UTF-16 name).
        static const std::string kEncrypted = [] {
            std::string name;
            for (char c : std::string_view("EncryptedPackage")) {
                name.push_back(c);
                name.push_back('\0');
            }
            return name;
        }();
        s.encrypted_ooxml = whole.find(kEncrypted) != std::string_view::npos;
        s.format = SourceFormat::Doc;
    } else if (head.starts_with("\x89PNG\r\n\x1A\n") || head.starts_with("\xFF\xD8\xFF") ||
               head.starts_with("II*\0") || head.starts_with("MM\0*")) {
        s.format = SourceFormat::Image;
    } else if (starts_with_markup(head)) {
        s.format = SourceFormat::Html;
    }
    return s;
}

std::string_view content_type(SourceFormat format, const std::filesystem::path& path) {
    if (format == SourceFormat::Image) {
        const std::string ext = lower_extension(path);
        if (ext == ".png") return "image/png";
        if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
        if (ext == ".tif" || ext == ".tiff") return "image/tiff";
        return "application/octet-stream";
    }
    return lookup(kFormats, format, &FormatEntry::format, &FormatEntry::content_type)
        .value_or("application/octet-stream");
}

}  // namespace tracuu
