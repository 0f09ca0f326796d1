// Data files compiled into the library by cmake/EmbedText.cmake.
#pragma once

#include <string_view>

namespace tracuu::embedded {
extern const std::string_view document_types;
extern const std::string_view issuer_codes;
extern const std::string_view body_names;
extern const std::string_view provinces;
extern const std::string_view topic_abbreviations;
extern const std::string_view tcvn3;
extern const std::string_view vni;
extern const std::string_view input_methods;
extern const std::string_view typed_as_is;
}  // namespace tracuu::embedded
