// What the readers of one directive share (directive_readers.hpp): its text cut into lines,
// where the header lies, the indexes of the lines found so far and the Directive being filled.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.hpp"
#include "analyzers/code_tables.hpp"
#include "directive.hpp"
#include "text_lines.hpp"

namespace tracuu::directive_reading {

inline constexpr std::size_t npos = std::string_view::npos;

/// The shared line cursor: each reader reads and fills it; parse_directive sets the order.
struct ParseState {
    ParseState() = default;
    ParseState(std::string_view text, const Analysis& analysis)
        : text_(text), analysis_(&analysis), lines_(split_lines(text)) {}

    std::size_t next_nonblank(std::size_t i, std::size_t limit) const {
        while (i < limit && i < lines_.size() && lines_[i].blank()) ++i;
        return i < std::min(limit, lines_.size()) ? i : npos;
    }

    /// Collects lines from `first` while `keep` holds, skipping blank lines; at most `max` lines.
    template <class Keep>
    std::string collect_lines(std::size_t first, std::size_t max, Keep keep) const {
        std::string out;
        std::size_t taken = 0;
        for (std::size_t i = first; i < lines_.size() && taken < max; ++i) {
            if (lines_[i].blank()) continue;
            if (taken > 0 && !keep(lines_[i].text)) break;
            out += (out.empty() ? "" : " ") + collapse_spaces(lines_[i].text);
            ++taken;
        }
        return out;
    }

    std::string_view text_;
    const Analysis* analysis_ = nullptr;
    std::vector<Line> lines_;
    Directive d_;
    std::size_t motto_ = npos;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::size_t number_line_ = npos;
    std::size_t subject_line_ = npos;
    std::size_t title_line_ = npos;
    std::size_t salutation_ = npos;
    std::optional<std::size_t> own_number_match_;
    struct {
        const CodeEntry* type = nullptr;  ///< the type the title names
        std::string date;                 ///< ISO, when the title gives the day
    } title_;
    struct {
        std::string number, type, issuer, signer, date;
        std::size_t end_line = 0;  ///< first line after the table
    } page_;
};

}  // namespace tracuu::directive_reading
