// Removes what text extraction leaves behind that is not the document's text: DOCX markers,
// signature timestamps, and the markdown and table residue of web-page and PDF conversions.
#pragma once

#include <string>
#include <string_view>

namespace tracuu {

/// Cleans normalised text (see normalize_text):
/// - `[bookmark: _GoBack]`, `[footnoteRef:1]` are dropped; `[1: footnote text]` keeps its text;
/// - lines that hold only a digital-signature timestamp (`2025-10-14T17:40:48+0700`) are dropped;
/// - markdown emphasis (`**`, `*`, `_(…)_`), backslash escapes (`\-`) and heading marks
///   (`## `) are dropped; `<br>` is a line break;
/// - a pipe table row (`| a | b |`, two cells or more) becomes one line of its cells, each after
///   a tab (`\ta\tb`), its header rule (`| --- |`) an empty line; other cell bars become line breaks, rule
///   lines (`-----`) blank lines.
/// Words, numbers and line structure are otherwise kept as they are.
std::string clean_extraction_artifacts(std::string_view text);

}  // namespace tracuu
