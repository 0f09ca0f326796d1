#include "analyzer.hpp"

namespace tracuu {

Analysis analyze(std::string_view text, NumberMode mode) {
    Analysis result;
    const std::vector<RawToken> raw = split_tokens(text);
    result.numbers = find_document_numbers(text, raw, mode);
    result.tokens.reserve(raw.size());

    std::size_t next_number = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        while (next_number < result.numbers.size() && result.numbers[next_number].last_token < i) {
            ++next_number;
        }
        const bool in_number =
            next_number < result.numbers.size() && result.numbers[next_number].first_token <= i;
        WordForms forms = word_forms(text.substr(raw[i].begin, raw[i].end - raw[i].begin));
        result.tokens.push_back(Token{std::move(forms.exact), std::move(forms.folded),
                                      static_cast<uint32_t>(i + 1), raw[i].begin, raw[i].end,
                                      in_number ? static_cast<int32_t>(next_number) : -1});
    }
    return result;
}

}  // namespace tracuu
