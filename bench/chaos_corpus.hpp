// A chaos corpus: real directives mutated the way the world mutates them, to show that any real
// folder indexes to the end. Each file takes one real text (the seeds, ../shared/corpus) and a
// few of the mutations below; the same sources, seed and index always give the same bytes, so a
// file that fails can be made again and read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tracuu::chaos {

/// What can happen to a text on its way from an office to a folder.
enum class Mutation {
    Ellipsis,     ///< `…` for `...`, and after labels (`Kính gửi: …`)
    CurlyQuotes,  ///< “ ” ‘ ’ for straight quotes
    Dashes,       ///< – and — for hyphens, also inside numbers (`57–NQ/TW`)
    Nbsp,         ///< no-break, narrow and figure spaces for spaces
    Invisible,    ///< zero-width spaces and joiners, soft hyphens, BOMs inside words
    Nfd,          ///< decomposed marks (whole text or some lines)
    BidiControl,  ///< bidi marks and C0 control bytes
    Markdown,     ///< bold, headings, table rows and rules, escapes
    LabelBlock,   ///< a `**Số hiệu:** value` metadata block before the text
    SplitHeader,  ///< capital header lines split (`HỘI` / `ĐỒNG NHÂN DÂN`)
    GluedHeader,  ///< `tháng12`, `ngày01`, the comma before `ngày` gone
    LineEnds,     ///< CRLF or CR line ends
    Truncate,     ///< cut at a random byte, maybe inside a character
    MidBom,       ///< a UTF-8 byte-order mark in the middle
    LongLine,     ///< the line breaks gone: one line of the whole text, or a huge line
    Html,         ///< wrapped in HTML, sometimes nested deeper than 300 elements
};

std::string_view mutation_name(Mutation m);

/// One generated file.
struct ChaosFile {
    std::string name;   ///< relative path: `NNN/NNNNNNN-MUTATIONS.txt` (or `.html`)
    std::string bytes;  ///< the content
    std::vector<Mutation> mutations;
    std::size_t source = 0;  ///< index of the text it came from
};

struct ChaosOptions {
    uint64_t seed = 20251206;
    /// One file in this many is empty lines only (spaces, tabs, line breaks).
    std::size_t blank_every = 500;
    /// File 0 is this large (whole texts end to end, mutated), when not 0.
    std::size_t huge_bytes = 30u << 20;
};

/// File number `index` of the corpus made from `sources` (UTF-8 texts, at least one).
ChaosFile make_chaos_file(const std::vector<std::string>& sources, std::size_t index,
                          const ChaosOptions& options);

}  // namespace tracuu::chaos
