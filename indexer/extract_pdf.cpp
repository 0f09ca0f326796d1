// PDF through poppler-cpp: each page's words with their positions, rebuilt into lines by
// pdf_lines.cpp; a page without a text layer (a scan) is rendered and read by OCR.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <set>

#include "analyzers/legacy_encoding.hpp"
#include "extractors.hpp"
#include "ocr.hpp"
#include "pdf_lines.hpp"

namespace tracuu {
namespace {

// A page with fewer visible characters than this in its text layer is treated as a scan (a
// scanner may put a page number or a stamp's text on it).
constexpr std::size_t kMinTextLayerChars = 20;

std::string utf8_of(const poppler::ustring& s) {
    const poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

/// Fonts named like the legacy Vietnamese ones (`ABCDEF+.VnTime`, `VNI-Times`).
enum class LegacyFont { None, Tcvn3, Vni };
LegacyFont legacy_font(std::string name) {
    if (const auto plus = name.find('+'); plus != std::string::npos) name.erase(0, plus + 1);
    if (name.starts_with(".Vn") || name.starts_with("Vn") || name.starts_with(".VN"))
        return LegacyFont::Tcvn3;
    if (name.starts_with("VNI")) return LegacyFont::Vni;
    return LegacyFont::None;
}

std::size_t visible_chars(const std::string& text) {
    std::size_t n = 0;
    for (char c : text) {
        const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
        n += !continuation && c != ' ' && c != '\n' && c != '\t' && c != '\r';
    }
    return n;
}

// Silences poppler's messages about damaged files: we report one line per file ourselves.
void quiet_poppler(const std::string&, void*) {}

}  // namespace

Extraction extract_pdf(std::string_view bytes, const ExtractionOptions& options) {
    static const bool quiet = (poppler::set_debug_error_function(quiet_poppler, nullptr), true);
    (void)quiet;
    Extraction e;
    e.format = SourceFormat::Pdf;
    e.extractor = "poppler";
    // A PDF ends with %%EOF (junk may follow); without it the file was cut short.
    const std::string_view tail = bytes.substr(bytes.size() > 2048 ? bytes.size() - 2048 : 0);
    if (tail.find("%%EOF") == std::string_view::npos) {
        throw SourceError("truncated or damaged PDF (no %%EOF end marker)");
    }
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw SourceError("damaged PDF (poppler cannot open it)");
    if (doc->is_locked()) {
        throw SourceError("password-protected PDF; save a copy without the password");
    }
    e.pages = static_cast<unsigned>(doc->pages());
    std::set<std::string> legacy_fonts;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            e.warnings.push_back("page " + std::to_string(i + 1) + " cannot be read");
            continue;
        }
        std::string text;
        if (options.ocr != OcrMode::Always) {
            std::vector<PdfWord> words;
            for (const poppler::text_box& box :
                 page->text_list(poppler::page::text_list_include_font)) {
                const poppler::rectf r = box.bbox();
                PdfWord w{utf8_of(box.text()), r.left(),   r.top(),
                          r.right(),           r.bottom(), box.has_space_after()};
                const std::string font = box.has_font_info() ? box.get_font_name() : "";
                const LegacyFont legacy = legacy_font(font);
                if (legacy != LegacyFont::None) {
                    if (const auto raw = windows1252_bytes(w.text)) {
                        w.text = legacy == LegacyFont::Vni ? decode_vni(*raw) : decode_tcvn3(*raw);
                        legacy_fonts.insert(font.substr(font.find('+') + 1));
                    }
                }
                words.push_back(std::move(w));
            }
            text = assemble_page_text(words);
        }
        if (options.ocr == OcrMode::Always ||
            (options.ocr == OcrMode::Auto && visible_chars(text) < kMinTextLayerChars)) {
            poppler::page_renderer renderer;
            renderer.set_image_format(poppler::image::format_gray8);
            renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
            renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
            const poppler::image image =
                renderer.render_page(page.get(), options.ocr_dpi, options.ocr_dpi);
            if (!image.is_valid()) {
                e.warnings.push_back("page " + std::to_string(i + 1) +
                                     " cannot be rendered for OCR");
            } else {
                text = ocr_gray_image(reinterpret_cast<const unsigned char*>(image.const_data()),
                                      image.width(), image.height(), image.bytes_per_row(),
                                      options.ocr_dpi, options.ocr_language);
                ++e.ocr_pages;
                e.ocr_chars += visible_chars(text);
            }
        }
        if (!e.text.empty()) e.text += "\n\n";
        e.text += text;
    }
    if (e.ocr_pages > 0) e.extractor = e.ocr_pages == e.pages ? "tesseract" : "poppler+tesseract";
    if (!legacy_fonts.empty()) {
        std::string names;
        for (const auto& f : legacy_fonts) names += (names.empty() ? "" : ", ") + f;
        e.encoding =
            std::string(legacy_font(*legacy_fonts.begin()) == LegacyFont::Vni ? "VNI" : "TCVN3") +
            " (fonts " + names + ")";
    }
    return e;
}

Extraction extract_image(std::string_view bytes, const ExtractionOptions& options) {
    Extraction e;
    e.format = SourceFormat::Image;
    e.extractor = "tesseract";
    if (options.ocr == OcrMode::Never) throw SourceError("an image needs OCR, and --ocr never");
    e.text = ocr_image_file(bytes, options.ocr_language);
    e.pages = 1;
    e.ocr_pages = 1;
    e.ocr_chars = visible_chars(e.text);
    return e;
}

}  // namespace tracuu
