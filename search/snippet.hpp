// Snippets: the densest window of query matches in a document, with the matches marked.
// Xapian's MSet::snippet() re-tokenises with its own rules and so cannot mark `chuyển` for the
// accent-free term `chuyen`; we use the document's positions from Xapian and our analyzer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace tracuu {

struct SnippetOptions {
    std::size_t window_tokens = 30;  ///< tokens shown
    std::size_t context_before = 5;  ///< tokens shown before the first match of the window
    /// Where the matches are found: the document's positions in the index, or (for remote shards,
    /// where each position list is a round trip of its own) its text read from each checkpoint
    /// on, as the window itself is read (texts up to 64 KB). Both give the same positions.
    bool positions_from_text = false;
};

/// An HTML fragment of `text` (escaped) with every token whose accent-free form is in
/// `highlight` wrapped in <mark>...</mark>, and "…" where text is left out.
/// `checkpoints` is the document's kSlotCheckpoints value.
std::string make_snippet(const Xapian::Database& db, Xapian::docid docid, std::string_view text,
                         std::string_view checkpoints, const std::vector<std::string>& highlight,
                         const SnippetOptions& options = {});

/// `text` with &, <, >, " and ' escaped for HTML.
std::string html_escape(std::string_view text);

}  // namespace tracuu
