// The kinds of file the indexer reads, told from the file's first bytes and from its name, and
// the content type each is served with. No I/O: the server uses it too.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace tracuu {

enum class SourceFormat { Text, Html, Docx, Doc, Pdf, Image };

/// `text`, `html`, `docx`, `doc`, `pdf`, `image`: as stored and shown in the summary.
std::string_view format_name(SourceFormat format);
std::optional<SourceFormat> format_from_name(std::string_view name);

/// The format a file name promises (`.pdf`, `.DOCX`...), or nullopt for other extensions.
std::optional<SourceFormat> format_from_extension(const std::filesystem::path& path);

/// The format the content shows: a magic number for the binary formats (`%PDF-`, a ZIP holding
/// `word/document.xml`, an OLE2 compound file, PNG/JPEG/TIFF), markup for HTML; nullopt for
/// anything else (plain text, or an unknown binary left to the text decoder to refuse).
/// `ole2_encrypted_ooxml` is set for an OLE2 file holding an encrypted Office package.
struct SniffedFormat {
    std::optional<SourceFormat> format;
    bool zip_without_word_document = false;  ///< a ZIP, but not a Word document
    bool encrypted_ooxml = false;            ///< an OLE2 file holding a password-protected DOCX
};
SniffedFormat sniff_format(std::string_view head, std::string_view whole);

/// MIME type for serving the original file (`application/pdf`, ...); for images, from the
/// extension.
std::string_view content_type(SourceFormat format, const std::filesystem::path& path);

}  // namespace tracuu
