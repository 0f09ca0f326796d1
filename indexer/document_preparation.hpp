// From raw UTF-8 text to everything the index needs: normalised and cleaned text, its analysis,
// the parsed directive fields. Pure computation, shared by the CLI, the tests and the benchmark.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/analyzer.hpp"
#include "directive.hpp"
#include "index/document_record.hpp"

namespace tracuu {

struct PreparedDocument {
    DocumentRecord record;
    Analysis analysis;
    Directive directive;
};

/// Normalises (NFC, spaces, invisible characters), removes extraction residue, parses the
/// directive and analyses the text.
PreparedDocument prepare_document(std::string id, std::string_view raw_text);

/// Normalisation and cleanup only: the text as it is stored and shown.
std::string stored_text(std::string_view raw_text);

}  // namespace tracuu
