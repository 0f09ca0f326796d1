// A file holding several documents: a công văn with the quyết định it sends, scanned as one
// PDF. Each document after the first begins with a header of its own (the motto) below the
// previous one's `Nơi nhận` list. The parser reads the first; the extraction says more follow.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {

/// The first line (at most 80 characters) of each document that follows the first one in
/// `text`; empty for one document.
std::vector<std::string> following_documents(std::string_view text);

}  // namespace tracuu
