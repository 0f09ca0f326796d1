// PDF through poppler-cpp: each page's words with their positions, rebuilt into lines by
// pdf_lines.cpp. A page whose text layer is not its text (text_layer.hpp) is rendered and read by
// OCR, on the run's OCR threads when there are several (ocr_pool.hpp); digital-signature boxes
// go at the end of the text, as the signing record they are.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstring>
#include <future>
#include <memory>
#include <set>

#include "analyzers/legacy_encoding.hpp"
#include "extractors.hpp"
#include "ocr.hpp"
#include "ocr_pool.hpp"
#include "pdf_lines.hpp"
#include "text_layer.hpp"

namespace tracuu {
namespace {

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

// Silences poppler's messages about damaged files: we report one line per file ourselves.
void quiet_poppler(const std::string&, void*) {}

/// The page's words, legacy-font words converted (their fonts noted in `legacy_fonts`).
std::vector<PageWord> page_words(poppler::page& page, std::set<std::string>& legacy_fonts) {
    std::vector<PageWord> words;
    for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
        const poppler::rectf r = box.bbox();
        PageWord w{utf8_of(box.text()), r.left(),   r.top(),
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
    return words;
}

/// The page in grey as its red channel sees it: a red seal stamped over the signer's title and
/// name turns white and the black print under it stays (OCR drops text under a grey seal).
std::optional<GrayImage> render(poppler::page& page, int dpi) {
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_argb32);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_argb32) return std::nullopt;
    GrayImage g;
    g.width = image.width();
    g.height = image.height();
    g.bytes_per_line = g.width;
    g.dpi = dpi;
    g.pixels.resize(static_cast<std::size_t>(g.width) * g.height);
    for (int y = 0; y < g.height; ++y) {
        // ARGB32 is one native-endian 32-bit word a pixel: red is bits 16-23.
        const auto* row = reinterpret_cast<const uint32_t*>(
            image.const_data() + static_cast<std::size_t>(y) * image.bytes_per_row());
        unsigned char* out = g.pixels.data() + static_cast<std::size_t>(y) * g.width;
        for (int x = 0; x < g.width; ++x) out[x] = static_cast<unsigned char>(row[x] >> 16);
    }
    return g;
}

/// Signature-box words in pixels of the page rendered at `dpi` (PDF points are 1/72 inch),
/// with a margin: painted out before OCR, which would read them into the header.
std::vector<PixelBox> pixel_boxes(const std::vector<PageWord>& words, int dpi) {
    std::vector<PixelBox> boxes;
    const double scale = dpi / 72.0;
    for (const PageWord& w : words) {
        const double margin = 0.3 * (w.y1 - w.y0);
        boxes.push_back({static_cast<int>((w.x0 - margin) * scale),
                         static_cast<int>((w.y0 - margin) * scale),
                         static_cast<int>((w.x1 + margin) * scale) + 1,
                         static_cast<int>((w.y1 + margin) * scale) + 1});
    }
    return boxes;
}

/// A page's text: given at once (text layer), or on its way from OCR.
struct PageText {
    std::string text;
    std::optional<std::future<OcrPage>> ocr;
};

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
    std::vector<std::string> signature_lines;
    std::vector<PageText> pages(static_cast<std::size_t>(doc->pages()));
    // Pages rendered but not yet read are held to a few per OCR thread (each is megabytes).
    const std::size_t max_waiting = options.ocr_pool ? 2 * options.ocr_pool->threads() : 0;
    std::size_t oldest_waiting = 0;
    auto use = [&](PageText& p, const OcrPage& page) {
        p.text = ocr_page_text(page);
        ++e.ocr_pages;
        e.ocr_chars += visible_chars(p.text);
    };
    auto collect = [&](PageText& p) {
        if (!p.ocr) return;
        std::future<OcrPage> reading = std::move(*p.ocr);
        p.ocr.reset();
        use(p, reading.get());  // rethrows a SourceError (no OCR language data)
    };
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            e.warnings.push_back("page " + std::to_string(i + 1) + " cannot be read");
            continue;
        }
        TextLayer layer = read_text_layer(page_words(*page, legacy_fonts));
        for (auto& l : layer.signature_lines) {
            if (std::find(signature_lines.begin(), signature_lines.end(), l) ==
                signature_lines.end())
                signature_lines.push_back(std::move(l));
        }
        PageText& out = pages[static_cast<std::size_t>(i)];
        const bool ocr =
            options.ocr == OcrMode::Always || (options.ocr == OcrMode::Auto && !layer.is_text);
        if (!ocr) {
            out.text = assemble_page_text(layer.text);
            continue;
        }
        if (!layer.why_not.empty() && layer.why_not != "no text" && options.ocr == OcrMode::Auto)
            e.warnings.push_back("page " + std::to_string(i + 1) + ": " + layer.why_not +
                                 "; read by OCR");
        std::optional<GrayImage> image = render(*page, options.ocr_dpi);
        if (!image) {
            e.warnings.push_back("page " + std::to_string(i + 1) + " cannot be rendered for OCR");
            out.text = assemble_page_text(layer.text);
            continue;
        }
        auto job = [image = std::move(*image),
                    blank = pixel_boxes(layer.signature_box, options.ocr_dpi),
                    language = options.ocr_language]() mutable {
            return ocr_page(std::move(image), blank, language);
        };
        if (!options.ocr_pool) {
            use(out, job());
            continue;
        }
        out.ocr = options.ocr_pool->read(std::move(job));
        while (oldest_waiting < static_cast<std::size_t>(i) &&
               static_cast<std::size_t>(i) - oldest_waiting >= max_waiting) {
            collect(pages[oldest_waiting++]);
        }
    }
    for (PageText& p : pages) {
        collect(p);
        if (!e.text.empty()) e.text += "\n\n";
        e.text += p.text;
    }
    if (!signature_lines.empty()) {
        // After the document, so its header and signature block read as printed.
        e.text += "\n\n";
        for (const auto& l : signature_lines) e.text += l + "\n";
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
