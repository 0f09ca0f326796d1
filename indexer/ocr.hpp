// Optical character recognition with Tesseract (Debian's libtesseract, tesseract-ocr-vie and
// tesseract-ocr-osd). One engine per thread, initialised on first use, because an engine is not
// thread-safe and loading a language takes a noticeable fraction of a second. Each engine runs
// on one core: pages are read in parallel instead (ocr_pool.hpp), which on a busy machine beats
// Tesseract's own OpenMP threads (they spin waiting for each other).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "page_layout.hpp"

namespace tracuu {

/// An 8-bit grey page, one byte a pixel, rows `bytes_per_line` apart.
struct GrayImage {
    std::vector<unsigned char> pixels;
    int width = 0, height = 0, bytes_per_line = 0;
    int dpi = 300;
};

/// A rectangle of a page in image pixels.
struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct OcrPage {
    /// Words in pixels of the upright page, Tesseract's lines top to bottom, each left to right;
    /// `lines` holds where each line starts in `words`.
    std::vector<PageWord> words;
    std::vector<std::size_t> lines;
    int turned_degrees = 0;  ///< the page was stored rotated and turned this far clockwise
    double confidence = 0;   ///< Tesseract's mean word confidence, 0-100
    /// Most lines run down the page: Tesseract read a page stored on its side (it can), but
    /// its word positions are those of the turned page.
    bool sideways = false;
};

/// Reads a page image. `blank` regions are painted white first (a digital-signature box the
/// text layer already gives). A page that reads badly or sideways is checked for rotation
/// (Tesseract's orientation detection) and read again upright. Throws SourceError when Tesseract or
/// its language data cannot be loaded.
OcrPage ocr_page(GrayImage image, const std::vector<PixelBox>& blank, const std::string& language);

/// The page's text, laid out as assemble_page_text() lays out a PDF page.
std::string ocr_page_text(const OcrPage& page);

/// Text of a PNG, JPEG or TIFF image (read with Leptonica).
std::string ocr_image_file(std::string_view bytes, const std::string& language);

}  // namespace tracuu
