// What a PDF page's text layer holds. Scans reach offices with a layer that is not their text:
// only the digital-signature box a signing tool stamped on the page (`Ký bởi: …`, `Thời gian
// ký: …`, the publisher's `TRUNG TÂM CÔNG BÁO VÀ TIN HỌC`, an e-mail, a time), or an old OCR
// layer without Vietnamese marks (`TRlfONG D~I HQC TAY DO`). Such a page is read by OCR all the
// same; the signature box is kept apart, as the signing record it is.
#pragma once

#include <string>
#include <vector>

#include "page_layout.hpp"

namespace tracuu {

struct TextLayer {
    std::vector<PageWord> text;                ///< the page's own words
    std::vector<PageWord> signature_box;       ///< words of digital-signature boxes
    std::vector<std::string> signature_lines;  ///< their text, line by line
    /// The layer holds the page's text: no OCR needed. False for no text, a signature box only,
    /// or words that do not read as Vietnamese.
    bool is_text = false;
    std::string why_not;  ///< when !is_text and the layer has words: why it was not trusted
};

/// Sorts a page's words (as the PDF library gives them) into the signature box and the rest,
/// and judges the rest.
TextLayer read_text_layer(std::vector<PageWord> words);

/// Visible characters (not spaces) in UTF-8 `text`.
std::size_t visible_chars(std::string_view text);

}  // namespace tracuu
