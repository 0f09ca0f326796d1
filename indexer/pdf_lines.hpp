// Rebuilding a PDF page's text from its words and their positions, as a reader reads it: words
// on one baseline form a line (a wide gap between two columns stays a wide gap, never glued
// into one word); a number broken after its hyphen or slash (`57-` / `NQ/TW`) is joined into
// one; a line that runs to the right margin without ending a sentence continues on the next
// when that starts at the left margin in the same type (not a list item, not a footnote, not a
// centred header line); a larger gap between lines is a paragraph break. Pure: no poppler here, so it is tested
// on hand-made pages.
#pragma once

#include <string>
#include <vector>

namespace tracuu {

struct PdfWord {
    std::string text;                       ///< UTF-8
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< bounding box, y growing down the page
    bool space_after = false;               ///< the PDF says a space follows
};

/// Words in the order the PDF library gives them (reading order within blocks).
std::string assemble_page_text(const std::vector<PdfWord>& words);

/// Spaces put between two columns on one line (two-column headers).
inline constexpr std::string_view kColumnGap = "      ";

}  // namespace tracuu
