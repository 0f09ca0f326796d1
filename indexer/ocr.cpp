#include "ocr.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <map>
#include <memory>

#include "source_files.hpp"

namespace tracuu {
namespace {

tesseract::TessBaseAPI& engine(const std::string& language) {
    thread_local std::map<std::string, std::unique_ptr<tesseract::TessBaseAPI>> engines;
    auto& e = engines[language];
    if (!e) {
        auto api = std::make_unique<tesseract::TessBaseAPI>();
        if (api->Init(nullptr, language.c_str()) != 0) {
            throw SourceError("OCR unavailable: Tesseract cannot load language '" + language +
                              "' (install tesseract-ocr-" + language + ")");
        }
        api->SetPageSegMode(tesseract::PSM_AUTO);
        // Keep inter-word spaces as printed rather than guessing them from the dictionary.
        api->SetVariable("preserve_interword_spaces", "1");
        e = std::move(api);
    }
    return *e;
}

std::string recognise(tesseract::TessBaseAPI& api) {
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    api.Clear();
    return text ? std::string(text.get()) : std::string();
}

struct PixFree {
    void operator()(Pix* p) const { pixDestroy(&p); }
};

}  // namespace

std::string ocr_gray_image(const unsigned char* pixels, int width, int height, int bytes_per_line,
                           int dpi, const std::string& language) {
    tesseract::TessBaseAPI& api = engine(language);
    api.SetImage(pixels, width, height, 1, bytes_per_line);
    api.SetSourceResolution(dpi);
    return recognise(api);
}

std::string ocr_image_file(std::string_view bytes, const std::string& language) {
    std::unique_ptr<Pix, PixFree> pix(
        pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
    if (!pix) throw SourceError("damaged or unsupported image (Leptonica cannot read it)");
    tesseract::TessBaseAPI& api = engine(language);
    api.SetImage(pix.get());
    int xres = pixGetXRes(pix.get());
    api.SetSourceResolution(xres >= 70 ? xres : 300);
    return recognise(api);
}

}  // namespace tracuu
