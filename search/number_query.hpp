// The one way a typed document number becomes a Xapian query: the same for `q`, `number=`,
// `cites=` and /api/references. A number given in full (DocumentNumber::complete) names that
// number only, by its exact keys; one typed in part or loosely names every number with all of
// its pieces (DocumentNumber::query_keys), its exact key first.
#pragma once

#include <vector>

#include <xapian.h>

#include "analyzers/document_number.hpp"

namespace tracuu {

enum class NumberRole {
    Own,    ///< the document's own number (XSO, XSP)
    Cited,  ///< a number the document cites (XCITE, XCP)
};

/// Documents whose number (of `role`) has exactly this key (or its loose form).
Xapian::Query exact_number_query(NumberRole role, const DocumentNumber& n);

/// Documents whose number has every piece of `n`; an empty query when `n` is complete or has no
/// pieces (a numeral alone).
Xapian::Query partial_number_query(NumberRole role, const DocumentNumber& n);

/// Documents whose number `n` names (DocumentNumber::names): exact when complete, else exact or
/// with every piece.
Xapian::Query named_number_query(NumberRole role, const DocumentNumber& n);

/// Any of the readings (read_document_number) names the document's number.
Xapian::Query readings_query(NumberRole role, const std::vector<DocumentNumber>& readings);

}  // namespace tracuu
