// Rebuilding a PDF page's text from its words and their positions, as a reader reads it: words
// on one baseline form a line (a wide gap between two columns stays a wide gap, never glued
// into one word); a number broken after its hyphen or slash (`57-` / `NQ/TW`) is joined into
// one; a line that runs to the right margin without ending a sentence continues on the next
// when that starts at the left margin in the same type (not a list item, not a footnote, not a
// centred header line); a larger gap between lines is a paragraph break. Pure: no poppler here,
// so it is tested on hand-made pages.
#pragma once

#include <string>
#include <vector>

#include "page_layout.hpp"

namespace tracuu {

using PdfWord = PageWord;

/// Words in the order the PDF library gives them (reading order within blocks); the header's
/// and the foot's columns come out as blocks (page_layout.hpp).
std::string assemble_page_text(const std::vector<PdfWord>& words);

/// OCR's words, in lines as Tesseract found them (`line_starts`: where each line starts in
/// `words`; lines top to bottom, words left to right).
std::string assemble_ocr_page_text(const std::vector<PageWord>& words,
                                   const std::vector<std::size_t>& line_starts);

/// The words grouped into lines (PDF order), each left to right; they point into `words`.
std::vector<PageLine> group_page_lines(const std::vector<PageWord>& words);

/// Spaces put between two columns on one line (two-column headers).
inline constexpr std::string_view kColumnGap = "      ";

}  // namespace tracuu
