// The analyzer: normalised text in, positioned tokens and document numbers out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document_number.hpp"
#include "word_forms.hpp"

namespace tracuu {

/// One syllable or number part, with both of its forms and where it stands.
struct Token {
    std::string exact;      ///< canonical tones, case-folded (WordForms::exact)
    std::string folded;     ///< accent-free (WordForms::folded)
    uint32_t position = 0;  ///< 1-based, consecutive: phrases are consecutive positions
    uint32_t begin = 0;     ///< byte range in the analysed text
    uint32_t end = 0;
    int32_t number = -1;  ///< index into Analysis::numbers when part of a document number

    bool has_marks() const { return exact != folded; }
};

struct Analysis {
    std::vector<Token> tokens;
    std::vector<NumberMatch> numbers;
};

/// Analyses text already passed through normalize_text. Every raw token becomes one Token (a
/// document number contributes one per part, so `57 nq tw` is also a phrase of the text).
Analysis analyze(std::string_view normalized_text, NumberMode mode = NumberMode::Document);

}  // namespace tracuu
