// What the readers of an analysed text (citations, their relations, dates of force) share: the
// tokens with the text they came from, so a reader can look at a token as written, at what
// stands between two tokens (punctuation, line breaks) and at the phrase ending before one.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/abbreviations.hpp"
#include "analyzers/analyzer.hpp"

namespace tracuu {

/// Each phrase as its accent-free tokens, as the analyzer makes them (`quy định` is `qui dinh`
/// there): what TokenReader::folded_before compares.
inline std::vector<std::vector<std::string>> folded_phrases(
    std::initializer_list<std::string_view> phrases) {
    std::vector<std::vector<std::string>> out;
    for (std::string_view p : phrases) out.push_back(folded_tokens(p));
    return out;
}

class TokenReader {
  protected:
    TokenReader(std::string_view text, const std::vector<Token>& tokens)
        : text_(text), t_(tokens) {}

    /// The bytes between tokens i-1 and i; empty before the first token and past the last.
    std::string_view gap_before(std::size_t i) const {
        if (i == 0 || i >= t_.size()) return {};
        return text_.substr(t_[i - 1].end, t_[i].begin - t_[i - 1].end);
    }

    /// Tokens `first` to `last` (both included) as written, with what stands between them.
    std::string_view written(std::size_t first, std::size_t last) const {
        return text_.substr(t_[first].begin, t_[last].end - t_[first].begin);
    }
    std::string_view written(std::size_t i) const { return written(i, i); }

    /// Whether the tokens right before token `end` are `phrase` (accent-free tokens).
    bool folded_before(std::size_t end, const std::vector<std::string>& phrase) const {
        if (end < phrase.size()) return false;
        for (std::size_t k = 0; k < phrase.size(); ++k) {
            if (t_[end - phrase.size() + k].folded != phrase[k]) return false;
        }
        return true;
    }

    std::string_view text_;
    const std::vector<Token>& t_;
};

}  // namespace tracuu
