// The one check on the way out: every string a document stores or prints (its text, title,
// parsed fields, citations, extraction facts and warnings) is valid UTF-8. Everything before it
// works by code point, so this should find nothing; when a bug lets a broken byte through, the
// document is still indexed, with U+FFFD in its place and a warning, instead of failing in the
// JSON writer (which refuses invalid UTF-8) or serving text no browser can show.
#pragma once

#include <cstddef>

#include "document_preparation.hpp"

namespace tracuu {

/// Replaces invalid UTF-8 in every string of `document` (record, fields JSON, directive) by
/// U+FFFD; returns how many strings needed it.
std::size_t repair_outgoing_utf8(PreparedDocument& document);

}  // namespace tracuu
