// Abbreviation tables as token sequences: `Sở GDĐT` -> `sở giáo dục và đào tạo` for issuer
// names, `CĐS` <-> `chuyển đổi số` for topics. Matching is on accent-free token sequences, so
// `GD&ĐT`, `gd dt` and `GDĐT` are all recognised.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

struct Abbreviation {
    std::vector<std::string> short_form;  ///< accent-free tokens: {"gd", "dt"} or {"gddt"}
    std::vector<std::string> full_form;   ///< accent-free tokens: {"giao","duc","va","dao","tao"}
    std::string short_text;               ///< as written in the table: `GD&ĐT`
    std::string full_text;                ///< `giáo dục và đào tạo`
};

/// Parses a table of `abbreviation<TAB>full form` rows (comments with '#').
std::vector<Abbreviation> parse_abbreviations(std::string_view tsv);

/// Abbreviations of issuing bodies and name parts (data/issuer_codes.tsv).
const std::vector<Abbreviation>& name_abbreviations();

/// Topic abbreviations for free-text search (data/topic_abbreviations.tsv).
const std::vector<Abbreviation>& topic_abbreviations();

/// Accent-free tokens of `text` with every abbreviation of `table` replaced by its full form
/// (longest match first). `text` need not be normalised.
std::vector<std::string> expand_abbreviations(std::string_view text,
                                              const std::vector<Abbreviation>& table);

/// Accent-free tokens of `text`, each a separate syllable or number part.
std::vector<std::string> folded_tokens(std::string_view text);

}  // namespace tracuu
