#include "ocr.hpp"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <span>

#include <unicode/uchar.h>

#include "analyzers/ocr_vocabulary.hpp"
#include "analyzers/utf8.hpp"
#include "pdf_lines.hpp"
#include "source_files.hpp"
#include "text_lines.hpp"

namespace tracuu {
namespace {

// Below this mean word confidence a page may be stored on its side or upside down.
constexpr double kCheckRotationBelow = 60;
// A numeral on the header's `Số:` or date line read with less confidence than this is a
// hand-written one OCR guessed at (`22` for 23, `899` for 299): left blank, never invented.
constexpr float kMinHandwrittenNumeralConfidence = 70;
// Digits standing this much taller than the printed words of their line were written by pen;
// OCR reads pen digits with confidence even when it drops or adds one (`356` for 36, `7490` for
// 1490 on the scan-like pages of bench/scan-like-report): they need more.
constexpr double kPenTallerThanPrint = 1.4;
constexpr float kMinPenNumeralConfidence = 85;
// The header's number and date lines sit in this top share of the page.
constexpr double kHeaderShare = 0.4;

/// OCR's reading of a seal's rim, a signature's strokes or a stain (`——..`, `¬—_=<`): two or
/// more characters without a letter or digit, other than a document's `./.`, `...`, `--`.
bool is_ink_noise(std::string_view word) {
    std::size_t n = 0;
    bool plain = true;  // only dots, slashes and hyphens
    std::size_t pos = 0;
    while (pos < word.size()) {
        const char32_t c = utf8::next(word, pos);
        if (u_isalnum(static_cast<UChar32>(c))) return false;
        plain = plain && (c == U'.' || c == U'/' || c == U'-');
        ++n;
    }
    return n >= 2 && !plain;
}

/// The `Số:` line or the `…, ngày … tháng … năm …` line of a header.
bool is_number_or_date_line(const std::vector<PageWord>& words) {
    for (const PageWord& w : words) {
        const std::string form = ocr_match_form(w.text);
        if (form == "ngay" || form == "thang" || form.starts_with("so ") || form == "so" ||
            form.starts_with("ngay ") || w.text.starts_with("Số:"))
            return true;
    }
    return false;
}

/// Tesseract's OpenMP parallel regions run on one thread: we read pages in parallel, and OpenMP
/// threads waiting on a busy machine cost more than they give (measured in bench/README.md).
/// The setting is the calling thread's (libgomp keeps it per thread), so each thread that makes
/// an engine makes it. Looked up at run time: a Tesseract built without OpenMP has nothing to
/// turn off.
void one_thread_per_engine() {
    using SetLevels = void (*)(int);
    static const auto set_max_active_levels =
        reinterpret_cast<SetLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
    if (set_max_active_levels) set_max_active_levels(0);
    static std::once_flag once;
    std::call_once(once, [] {
        setMsgSeverity(L_SEVERITY_NONE);  // Leptonica's messages about odd boxes, on stderr
    });
}

tesseract::TessBaseAPI& engine(const std::string& language) {
    thread_local std::map<std::string, std::unique_ptr<tesseract::TessBaseAPI>> engines;
    auto& e = engines[language];
    if (!e) {
        one_thread_per_engine();
        auto api = std::make_unique<tesseract::TessBaseAPI>();
        if (api->Init(nullptr, language.c_str()) != 0) {
            throw SourceError("OCR unavailable: Tesseract cannot load language '" + language +
                              "' (install tesseract-ocr-" + language + ")");
        }
        api->SetPageSegMode(language == "osd" ? tesseract::PSM_OSD_ONLY : tesseract::PSM_AUTO);
        // Keep inter-word spaces as printed rather than guessing them from the dictionary.
        api->SetVariable("preserve_interword_spaces", "1");
        api->SetVariable("debug_file", "/dev/null");  // no "Detected N diacritics" on stderr
        e = std::move(api);
    }
    return *e;
}

struct PixFree {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

PixPtr pix_of(const GrayImage& image) {
    PixPtr pix(pixCreate(image.width, image.height, 8));
    if (!pix) throw SourceError("out of memory for a page image");
    pixSetResolution(pix.get(), image.dpi, image.dpi);
    l_uint32* data = pixGetData(pix.get());
    const int wpl = pixGetWpl(pix.get());
    for (int y = 0; y < image.height; ++y) {
        const unsigned char* row =
            image.pixels.data() + static_cast<std::size_t>(y) * image.bytes_per_line;
        l_uint32* line = data + static_cast<std::size_t>(y) * wpl;
        for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    return pix;
}

/// A word of a person's name: a capital, then small letters (`Tuấn`).
bool is_name_word(std::string_view word) {
    std::size_t pos = 0, n = 0;
    while (pos < word.size()) {
        const auto c = static_cast<UChar32>(utf8::next(word, pos));
        if (!u_isalpha(c) || (n == 0) != bool(u_isupper(c))) return false;
        ++n;
    }
    return n > 0;
}

/// A person's name as a signature block prints it: two to five name words (`Trần Hoàng Tuấn`).
bool is_name(std::span<const PageWord> words) {
    return words.size() >= 2 && words.size() <= 5 &&
           std::all_of(words.begin(), words.end(),
                       [](const PageWord& w) { return is_name_word(w.text); });
}

/// Where a name starts in a line of words: the whole line, or its last words when a column's
/// gap sets them apart (Tesseract may join the name to the `Nơi nhận` list beside it). npos when
/// the line ends in no name.
std::size_t name_start(const std::vector<PageWord>& words) {
    if (is_name(words)) return 0;
    for (std::size_t k = words.size() >= 5 ? words.size() - 5 : 1; k + 1 < words.size(); ++k) {
        if (k == 0) continue;
        const double height = words[k].y1 - words[k].y0;
        if (words[k].x0 - words[k - 1].x1 > 3 * height && is_name(std::span(words).subspan(k)))
            return k;
    }
    return std::string::npos;
}

/// The signer's name under a seal and a pen's stroke: read on a page, Tesseract takes the seal's
/// rim and the stroke into the line and slips on its tone marks (`Tuần` for Tuấn, `Hiện` for
/// Hiền); read alone, the line comes out right. A name below the header is read again as one
/// line and that reading kept when it differs only in its marks and is about as sure (within a
/// point: a mark hardly moves Tesseract's confidence).
void reread_names(tesseract::TessBaseAPI& api, Pix* pix, double below,
                  std::vector<std::vector<PageWord>*>& lines,
                  std::vector<std::vector<float>*>& confidences) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::vector<PageWord>& words = *lines[i];
        const std::size_t first = name_start(words);
        if (first == std::string::npos || words[first].y0 < below) continue;
        double x0 = words[first].x0, y0 = words[first].y0, x1 = 0, y1 = 0;
        std::string read;
        float before = 0;
        for (std::size_t k = first; k < words.size(); ++k) {
            const PageWord& w = words[k];
            x0 = std::min(x0, w.x0), y0 = std::min(y0, w.y0);
            x1 = std::max(x1, w.x1), y1 = std::max(y1, w.y1);
            read += (read.empty() ? "" : " ") + w.text;
            before += (*confidences[i])[k];
        }
        const std::size_t count = words.size() - first;
        before /= static_cast<float>(count);
        const int pad = static_cast<int>((y1 - y0) / 2);
        api.SetImage(pix);
        api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        api.SetRectangle(std::max(0, static_cast<int>(x0) - pad),
                         std::max(0, static_cast<int>(y0) - pad),
                         static_cast<int>(x1 - x0) + 2 * pad, static_cast<int>(y1 - y0) + 2 * pad);
        std::vector<std::string> again;
        float after = 0;
        if (api.Recognize(nullptr) == 0) {
            std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
            if (it) {
                do {
                    if (it->Empty(tesseract::RIL_WORD)) continue;
                    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
                    if (!text) continue;
                    again.emplace_back(text.get());
                    after += it->Confidence(tesseract::RIL_WORD);
                } while (it->Next(tesseract::RIL_WORD));
            }
        }
        api.Clear();
        api.SetPageSegMode(tesseract::PSM_AUTO);
        // The second reading must be a name too (not `“Nguyễn`).
        if (again.size() != count || !std::all_of(again.begin(), again.end(), is_name_word))
            continue;
        after /= static_cast<float>(count);
        std::string reread;
        for (const auto& w : again) reread += (reread.empty() ? "" : " ") + w;
        if (reread == read || ocr_match_form(reread) != ocr_match_form(read) || after + 1 < before)
            continue;
        for (std::size_t k = 0; k < count; ++k) words[first + k].text = std::move(again[k]);
    }
}

OcrPage recognise(Pix* pix, const std::string& language) {
    tesseract::TessBaseAPI& api = engine(language);
    api.SetImage(pix);
    const int xres = pixGetXRes(pix);
    api.SetSourceResolution(xres >= 70 ? xres : 300);
    OcrPage page;
    if (api.Recognize(nullptr) != 0) {
        api.Clear();
        return page;
    }
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    double confidence_sum = 0;
    std::size_t letters = 0;
    struct TessLine {
        std::vector<PageWord> words;
        std::vector<float> confidence;
        double middle = 0;
    };
    std::vector<TessLine> lines;
    if (it) {
        do {
            if (it->Empty(tesseract::RIL_WORD)) continue;
            if (lines.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) lines.emplace_back();
            std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
            int x0, y0, x1, y1;
            if (!text || !it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
            const std::size_t n = std::strlen(text.get());
            const float confidence = it->Confidence(tesseract::RIL_WORD);
            confidence_sum += confidence * n;
            letters += n;
            std::string word(text.get(), n);
            if (is_ink_noise(word)) continue;
            lines.back().confidence.push_back(confidence);  // in step with the words kept
            // `3|` is 31: a bar beside digits is a 1 (kept apart, it would end the line).
            if (word.find('|') != std::string::npos &&
                std::all_of(word.begin(), word.end(),
                            [](char c) { return c == '|' || (c >= '0' && c <= '9'); }) &&
                word.find_first_of("0123456789") != std::string::npos) {
                std::replace(word.begin(), word.end(), '|', '1');
            }
            // Ð (Icelandic eth) is Đ misread; `QĐÐ` is one Đ read twice.
            for (std::size_t at; (at = word.find("ĐÐ")) != std::string::npos;)
                word.erase(at + std::string_view("Đ").size(), std::string_view("Ð").size());
            for (std::size_t at; (at = word.find("Ð")) != std::string::npos;)
                word.replace(at, std::string_view("Ð").size(), "Đ");
            lines.back().words.push_back(
                {std::move(word), double(x0), double(y0), double(x1), double(y1), true});
        } while (it->Next(tesseract::RIL_WORD));
    }
    api.Clear();
    const double header_bottom = kHeaderShare * pixGetHeight(pix);
    for (TessLine& l : lines) {
        if (l.words.empty()) continue;
        double top = l.words.front().y0, bottom = l.words.front().y1;
        for (const PageWord& w : l.words) {
            top = std::min(top, w.y0);
            bottom = std::max(bottom, w.y1);
        }
        l.middle = (top + bottom) / 2;
        if (top > header_bottom || !is_number_or_date_line(l.words)) continue;
        std::vector<double> printed;  // heights of the line's words that are not numerals
        for (const PageWord& w : l.words) {
            if (!is_digits(w.text)) printed.push_back(w.y1 - w.y0);
        }
        std::sort(printed.begin(), printed.end());
        const double print_height = printed.size() >= 2 ? printed[printed.size() / 2] : 0;
        for (std::size_t k = 0; k < l.words.size(); ++k) {
            if (!is_digits(l.words[k].text)) continue;
            const bool pen = print_height > 0 &&
                             l.words[k].y1 - l.words[k].y0 > kPenTallerThanPrint * print_height;
            if (l.confidence[k] <
                (pen ? kMinPenNumeralConfidence : kMinHandwrittenNumeralConfidence))
                l.words[k].text = "__";
        }
    }
    if (language != "osd") {
        std::vector<std::vector<PageWord>*> words;
        std::vector<std::vector<float>*> confidences;
        for (TessLine& l : lines) {
            if (l.words.empty()) continue;
            words.push_back(&l.words);
            confidences.push_back(&l.confidence);
        }
        reread_names(engine(language), pix, header_bottom, words, confidences);
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const TessLine& a, const TessLine& b) { return a.middle < b.middle; });
    for (TessLine& l : lines) {
        if (l.words.empty()) continue;
        page.lines.push_back(page.words.size());
        std::sort(l.words.begin(), l.words.end(),
                  [](const PageWord& a, const PageWord& b) { return a.x0 < b.x0; });
        for (PageWord& w : l.words) page.words.push_back(std::move(w));
    }
    page.confidence = letters ? confidence_sum / letters : 0;
    std::size_t tall = 0, judged = 0;
    for (const TessLine& l : lines) {
        if (l.words.size() < 2) continue;
        double x0 = l.words.front().x0, x1 = l.words.front().x1;
        double y0 = l.words.front().y0, y1 = l.words.front().y1;
        for (const PageWord& w : l.words) {
            x0 = std::min(x0, w.x0), x1 = std::max(x1, w.x1);
            y0 = std::min(y0, w.y0), y1 = std::max(y1, w.y1);
        }
        ++judged;
        tall += y1 - y0 > x1 - x0;
    }
    page.sideways = judged >= 3 && 2 * tall > judged;
    return page;
}

/// Clockwise quarter turns that make the page upright, by Tesseract's orientation detection
/// (0 when unsure or when the OSD data is not installed).
int upright_quarter_turns(Pix* pix) {
    tesseract::TessBaseAPI* api;
    try {
        api = &engine("osd");
    } catch (const SourceError&) {
        return 0;
    }
    api->SetImage(pix);
    api->SetSourceResolution(std::max(pixGetXRes(pix), 70));
    int degrees = 0;
    float confidence = 0;
    const char* script = nullptr;
    float script_confidence = 0;
    const bool found =
        api->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
    api->Clear();
    // `degrees` is how far the page is turned clockwise (the `tesseract --psm 0` line
    // "Orientation in degrees"); turning it the rest of the way round makes it upright.
    if (!found || confidence < 2.0 || degrees % 90 != 0) return 0;
    return (4 - degrees / 90 % 4) % 4;
}

/// Reads `pix`; a page that reads badly and that orientation detection finds turned is read
/// again upright, and the better reading kept.
OcrPage read_upright(Pix* pix, const std::string& language) {
    OcrPage page = recognise(pix, language);
    if (page.confidence >= kCheckRotationBelow && !page.sideways) return page;
    const int quarters = upright_quarter_turns(pix);
    if (quarters == 0) return page;
    PixPtr turned(pixRotateOrth(pix, quarters));
    if (!turned) return page;
    OcrPage upright = recognise(turned.get(), language);
    if (upright.sideways || (!page.sideways && upright.confidence <= page.confidence)) return page;
    upright.turned_degrees = quarters * 90;
    return upright;
}

}  // namespace

OcrPage ocr_page(GrayImage image, const std::vector<PixelBox>& blank, const std::string& language) {
    PixPtr pix = pix_of(image);
    for (const PixelBox& b : blank) {
        const int x0 = std::clamp(b.x0, 0, image.width), x1 = std::clamp(b.x1, 0, image.width);
        const int y0 = std::clamp(b.y0, 0, image.height), y1 = std::clamp(b.y1, 0, image.height);
        if (x1 <= x0 || y1 <= y0) continue;
        Box* box = boxCreate(x0, y0, x1 - x0, y1 - y0);
        pixSetInRect(pix.get(), box);  // all bits set: white in an 8-bit grey image
        boxDestroy(&box);
    }
    image.pixels.clear();
    image.pixels.shrink_to_fit();
    return read_upright(pix.get(), language);
}

std::string ocr_page_text(const OcrPage& page) {
    return assemble_ocr_page_text(page.words, page.lines);
}

std::string ocr_image_file(std::string_view bytes, const std::string& language) {
    PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
    if (!pix) throw SourceError("damaged or unsupported image (Leptonica cannot read it)");
    // A colour scan is read in its red channel, as a PDF page is (extract_pdf.cpp): a red
    // seal over the signer's title and name drops out.
    PixPtr gray(pixGetDepth(pix.get()) == 32 ? pixGetRGBComponent(pix.get(), COLOR_RED)
                                             : pixConvertTo8(pix.get(), 0));
    if (!gray) throw SourceError("damaged or unsupported image (Leptonica cannot convert it)");
    if (pixGetXRes(gray.get()) < 70) pixSetResolution(gray.get(), 300, 300);
    return ocr_page_text(read_upright(gray.get(), language));
}

}  // namespace tracuu
