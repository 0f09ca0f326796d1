// Turns a DocumentRecord and its analysis into a Xapian document (terms, values, stored data).
#pragma once

#include <xapian.h>

#include "analyzers/analyzer.hpp"
#include "directive.hpp"
#include "index/document_record.hpp"

namespace tracuu {

/// Terms: accent-free syllables with positions, exact-tone syllables (wdf only), the keys of every
/// number mentioned, the id term, and boolean terms for the directive's fields. Values and data
/// as schema.hpp describes.
Xapian::Document build_document(const DocumentRecord& record, const Analysis& analysis,
                                const Directive& directive);
/// The same with the stored data already encoded (encode_stored_document(record)).
Xapian::Document build_document(const DocumentRecord& record, const Analysis& analysis,
                                const Directive& directive, std::string data);

}  // namespace tracuu
