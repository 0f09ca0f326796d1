// The two-column parts of a directive's page, read as a person reads them. The header holds two
// blocks side by side: on the left the parent body, the issuing body, `Số: …` and `V/v …`; on
// the right the motto, place and date. The foot holds the `Nơi nhận` list on the left and the
// signature (authority, title, name under the seal) on the right. Read row by row, the two
// columns interleave; here each block is kept whole: left header block, right header block, then
// the title and body, then the signature block, then the recipients. Pure: words and positions
// in, lines out, so it is tested on hand-made pages; PDF text layers and OCR both use it.
#pragma once

#include <string>
#include <vector>

namespace tracuu {

struct PageWord {
    std::string text;                       ///< UTF-8
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< bounding box, y growing down the page
    bool space_after = false;               ///< a space follows (from the PDF, or OCR's words)
};

/// Words on one baseline, left to right once built.
struct PageLine {
    std::vector<const PageWord*> words;
    double top = 0, bottom = 0, left = 0, right = 0;
    double type_size = 0;      ///< the tallest word's height: the size of the line's type
    bool block_start = false;  ///< starts a header or signature block: never joined to the line
                               ///< before, a blank line between them

    explicit PageLine(const PageWord* first);
    void add(const PageWord* w);
    double height() const { return bottom - top; }
    double middle() const { return (top + bottom) / 2; }
};

/// `lines` (top to bottom, each with its words left to right) with the header's and the foot's
/// column blocks each made whole, in the order above. A page without a recognisable motto (or
/// `Nơi nhận` / signing authority) keeps those parts in row order.
std::vector<PageLine> order_column_blocks(std::vector<PageLine> lines);

/// The words' text joined as they sit (`space_after`, or a gap), for matching.
std::string plain_text(const PageLine& line);

}  // namespace tracuu
