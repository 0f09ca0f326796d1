// Realistic documents in any number, for the load and crash tests: the bundled seeds and
// resolutions (real headers, numbers, signatures), each cut to its first few kilobytes at a line
// end, with a closing line of two made-up words that search can count: one names the document
// (`hs` + its index in consonants), one the round of writing (`lan` + consonants), so that a second
// round replaces every document with a new round word.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tracuu::test {

/// 0 -> "b", 1 -> "c", ..., 20 -> "cb": a number written in consonants.
std::string letters_for(std::size_t n);
std::string document_marker(std::size_t index);
std::string round_marker(int round);

/// Writes `count` documents `doc-00000.txt`... into `dir` (created), marked with `round`.
/// Returns their file names, sorted (the indexer's order).
std::vector<std::string> generate_documents(const std::filesystem::path& dir, std::size_t count,
                                            int round);

}  // namespace tracuu::test
