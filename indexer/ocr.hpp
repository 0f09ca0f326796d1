// Optical character recognition with Tesseract (Debian's libtesseract and tesseract-ocr-vie).
// One engine per thread, initialised on first use, because an engine is not thread-safe and
// loading a language takes a noticeable fraction of a second.
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// Text of an 8-bit grey image scanned or rendered at `dpi`. Throws SourceError when Tesseract
/// or its language data cannot be loaded.
std::string ocr_gray_image(const unsigned char* pixels, int width, int height, int bytes_per_line,
                           int dpi, const std::string& language);

/// Text of a PNG, JPEG or TIFF image (read with Leptonica).
std::string ocr_image_file(std::string_view bytes, const std::string& language);

}  // namespace tracuu
