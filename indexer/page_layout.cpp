#include "page_layout.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "analyzers/ocr_vocabulary.hpp"
#include "analyzers/utf8.hpp"

namespace tracuu {

PageLine::PageLine(const PageWord* first)
    : words{first},
      top(first->y0),
      bottom(first->y1),
      left(first->x0),
      right(first->x1),
      type_size(std::max(first->y1 - first->y0, 1.0)) {}

void PageLine::add(const PageWord* w) {
    words.push_back(w);
    top = std::min(top, w->y0);
    bottom = std::max(bottom, w->y1);
    left = std::min(left, w->x0);
    right = std::max(right, w->x1);
    type_size = std::max(type_size, w->y1 - w->y0);
}

std::string plain_text(const PageLine& line) {
    std::string text;
    for (const PageWord* w : line.words) {
        if (!text.empty()) text.push_back(' ');
        text += w->text;
    }
    return text;
}

namespace {

constexpr std::size_t npos = std::string_view::npos;
// The header sits in the top part of the page; the foot's blocks anywhere below it.
constexpr double kHeaderZone = 0.45;
// Two runs of words on one row further apart than this many type heights are two columns.
constexpr double kColumnGapHeights = 2.0;

/// Words of one line that sit together: one column's part of a row.
struct Segment {
    std::size_t line = 0;
    std::size_t begin = 0, end = 0;  ///< word range in the line
    double left = 0, right = 0;
    double center() const { return (left + right) / 2; }
};

std::vector<Segment> segments_of(const std::vector<PageLine>& lines, std::size_t i) {
    const PageLine& line = lines[i];
    std::vector<Segment> out;
    for (std::size_t k = 0; k < line.words.size(); ++k) {
        const PageWord* w = line.words[k];
        // Measured in the row's type size: a dash's own box is a few pixels high.
        const bool apart =
            !out.empty() && w->x0 - out.back().right > kColumnGapHeights * line.type_size;
        if (out.empty() || apart) {
            out.push_back({i, k, k + 1, w->x0, w->x1});
        } else {
            out.back().end = k + 1;
            out.back().right = std::max(out.back().right, w->x1);
        }
    }
    return out;
}

/// Where in `words` a run reads as `phrase` (its ocr_match_form), allowing OCR noise: the index
/// of the run's first word, or npos.
std::size_t find_fuzzy(const std::vector<const PageWord*>& words, std::size_t begin,
                       std::size_t end, std::string_view phrase) {
    std::vector<std::pair<std::size_t, std::string>> forms;  // word index, its form
    for (std::size_t k = begin; k < end; ++k) {
        std::string f = ocr_match_form(words[k]->text);
        if (!f.empty()) forms.emplace_back(k, std::move(f));
    }
    std::u32string wanted;
    for (std::size_t pos = 0; pos < phrase.size();) wanted.push_back(utf8::next(phrase, pos));
    const std::size_t phrase_words =
        static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
    const std::size_t letters = wanted.size() - (phrase_words - 1);
    const std::size_t allowance = ocr_edit_allowance(letters);
    for (std::size_t i = 0; i < forms.size(); ++i) {
        for (std::size_t n = phrase_words > 1 ? phrase_words - 1 : 1;
             n <= phrase_words + 1 && i + n <= forms.size(); ++n) {
            std::string joined;
            for (std::size_t k = i; k < i + n; ++k) joined += (k == i ? "" : " ") + forms[k].second;
            std::u32string run;
            for (std::size_t pos = 0; pos < joined.size();) run.push_back(utf8::next(joined, pos));
            if (edit_distance_within(run, wanted, allowance) <= allowance) return forms[i].first;
        }
    }
    return npos;
}

std::size_t find_fuzzy(const PageLine& line, const Segment& s, std::string_view phrase) {
    return find_fuzzy(line.words, s.begin, s.end, phrase);
}

/// Where the motto starts in the segment (a word index), or npos. A header row may come as one
/// run (`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …`) when the columns sit close.
std::size_t motto_start(const PageLine& line, const Segment& s) {
    for (std::string_view phrase : {"cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc",
                                    "dang cong san viet nam"}) {
        if (const std::size_t at = find_fuzzy(line, s, phrase); at != npos) return at;
    }
    return npos;
}

/// A run of words across the column split cut at its widest gap near the split, when that gap
/// is wider than the run's usual one (two columns set close); else kept whole.
std::vector<Segment> cut_at_split(const PageLine& line, const Segment& s, double split,
                                  double width) {
    if (!(s.left < split - 0.02 * width && s.right > split + 0.05 * width)) return {s};
    std::vector<double> gaps;
    std::size_t best = npos;
    double best_gap = 0;
    for (std::size_t k = s.begin + 1; k < s.end; ++k) {
        const double gap = line.words[k]->x0 - line.words[k - 1]->x1;
        gaps.push_back(gap);
        const double x = line.words[k]->x0;
        if (x >= split - 0.05 * width && x <= split + 0.15 * width && gap > best_gap) {
            best_gap = gap;
            best = k;
        }
    }
    if (best == npos || gaps.empty()) return {s};
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    if (best_gap <= 1.2 * gaps[gaps.size() / 2]) return {s};
    Segment a = s, b = s;
    a.end = best;
    a.right = line.words[best - 1]->x1;
    b.begin = best;
    b.left = line.words[best]->x0;
    for (std::size_t k = s.begin; k < best; ++k) a.right = std::max(a.right, line.words[k]->x1);
    return {a, b};
}

/// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `TL. GIÁM ĐỐC`: a signing authority opens the segment.
bool opens_with_authority(const PageLine& line, const Segment& s) {
    const std::string first = ocr_match_form(line.words[s.begin]->text);
    for (std::string_view p : {"tm", "kt", "tl", "tuq", "q", "t m", "k t"}) {
        if (first == p && s.end - s.begin >= 2) return true;
    }
    return false;
}

bool opens_with(const PageLine& line, const Segment& s, std::string_view phrase) {
    return find_fuzzy(line.words, s.begin, std::min(s.end, s.begin + 3), phrase) == s.begin;
}

PageLine line_of(const std::vector<PageLine>& lines, const Segment& s, bool block_start) {
    const PageLine& from = lines[s.line];
    PageLine out(from.words[s.begin]);
    for (std::size_t k = s.begin + 1; k < s.end; ++k) out.add(from.words[k]);
    out.block_start = block_start;
    return out;
}

/// Appends `block` (segments in row order) to `out`, the first line starting a block.
void emit(std::vector<PageLine>& out, const std::vector<PageLine>& lines,
          const std::vector<Segment>& block) {
    for (std::size_t k = 0; k < block.size(); ++k) out.push_back(line_of(lines, block[k], k == 0));
}

}  // namespace

std::vector<PageLine> order_column_blocks(std::vector<PageLine> lines) {
    if (lines.size() < 3) return lines;
    double page_left = lines.front().left, page_right = lines.front().right;
    double page_top = lines.front().top, page_bottom = lines.front().bottom;
    for (const PageLine& l : lines) {
        page_left = std::min(page_left, l.left);
        page_right = std::max(page_right, l.right);
        page_top = std::min(page_top, l.top);
        page_bottom = std::max(page_bottom, l.bottom);
    }
    const double width = std::max(page_right - page_left, 1.0);
    const double page_center = (page_left + page_right) / 2;

    // The header: rows from the top down to the first row that is not two columns.
    std::size_t motto_line = npos;
    Segment motto;
    for (std::size_t i = 0; i < lines.size() && motto_line == npos; ++i) {
        if (lines[i].top > page_top + kHeaderZone * (page_bottom - page_top)) break;
        for (const Segment& s : segments_of(lines, i)) {
            const std::size_t at = motto_start(lines[i], s);
            if (at == npos) continue;
            Segment m = s;
            m.begin = at;
            m.left = lines[i].words[at]->x0;
            if (m.center() > page_center - 0.05 * width) {
                motto_line = i;
                motto = m;
                break;
            }
        }
    }
    std::vector<PageLine> out;
    std::size_t body_from = 0;
    if (motto_line != npos) {
        const double split = motto.left - 0.03 * width;
        const double right_center = motto.center();
        std::vector<Segment> left_block, right_block;
        std::size_t i = 0;
        const double header_end = page_top + 0.6 * (page_bottom - page_top);
        for (; i < lines.size() && lines[i].top < header_end; ++i) {
            const auto segments = segments_of(lines, i);
            bool ends_header = false;
            if (i > motto_line) {
                for (const Segment& s : segments) {
                    // A row across both columns (the body), centred on the page (the title),
                    // or `Kính gửi` ends the header.
                    const bool across = s.left < split - 0.1 * width && s.right > right_center;
                    const bool centred = std::abs(s.center() - page_center) < 0.06 * width &&
                                         s.left < split && s.right > split;
                    ends_header =
                        ends_header || across || centred || opens_with(lines[i], s, "kinh gui");
                }
            }
            if (ends_header) break;
            for (const Segment& whole : segments) {
                for (const Segment& s : cut_at_split(lines[i], whole, split, width))
                    (s.left < split ? left_block : right_block).push_back(s);
            }
        }
        emit(out, lines, left_block);
        emit(out, lines, right_block);
        body_from = i;
        if (i < lines.size()) lines[i].block_start = true;
    }

    // The foot: from the row where `Nơi nhận` or a signing authority starts, to the end or to a
    // row across the page (an annex goes on below).
    std::size_t foot = npos;
    for (std::size_t i = body_from; i < lines.size() && foot == npos; ++i) {
        for (const Segment& s : segments_of(lines, i)) {
            const bool recipients = s.left < page_center && opens_with(lines[i], s, "noi nhan");
            const bool authority =
                s.left > page_center - 0.1 * width && opens_with_authority(lines[i], s);
            if (recipients || authority) foot = i;
        }
    }
    const std::size_t foot_end = [&] {
        if (foot == npos) return lines.size();
        for (std::size_t i = foot + 1; i < lines.size(); ++i) {
            for (const Segment& s : segments_of(lines, i)) {
                if (s.left < page_left + 0.2 * width && s.right > page_right - 0.1 * width &&
                    lines[i].words.size() > 6)
                    return i;
            }
        }
        return lines.size();
    }();
    for (std::size_t i = body_from; i < (foot == npos ? lines.size() : foot); ++i)
        out.push_back(std::move(lines[i]));
    if (foot != npos) {
        // The signature column starts at its authority or title line; without one, mid-page.
        double split = page_center - 0.05 * width;
        for (std::size_t i = foot; i < foot_end; ++i) {
            for (const Segment& s : segments_of(lines, i)) {
                if (s.left > page_center - 0.1 * width && opens_with_authority(lines[i], s))
                    split = std::min(split, s.left - 0.03 * width);
            }
        }
        std::vector<Segment> recipients, signature;
        for (std::size_t i = foot; i < foot_end; ++i) {
            for (const Segment& s : segments_of(lines, i)) {
                (s.left < split ? recipients : signature).push_back(s);
            }
        }
        emit(out, lines, signature);
        emit(out, lines, recipients);
        for (std::size_t i = foot_end; i < lines.size(); ++i) {
            if (i == foot_end) lines[i].block_start = true;
            out.push_back(std::move(lines[i]));
        }
    }
    return out;
}

}  // namespace tracuu
