#include "snippet.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/tokenizer.hpp"
#include "analyzers/utf8.hpp"
#include "analyzers/word_forms.hpp"
#include "index/checkpoints.hpp"

namespace tracuu {
namespace {

// Positions read per term: enough to find a good window in any real document.
constexpr std::size_t kMaxPositionsPerTerm = 20000;
// Generous bytes per token when cutting the text to re-analyse.
constexpr std::size_t kBytesPerToken = 48;
// Longest text whose matches are found by reading it (positions_from_text): about 12 000 tokens,
// half a millisecond (8 µs a KB measured); a longer one asks the index, whose round trips then
// cost less.
constexpr std::size_t kMaxTextScanned = 64 * 1024;

struct Hit {
    Xapian::termpos position;
    std::size_t term;
};

/// Start position of the window with the most distinct terms, then the most hits.
Xapian::termpos best_window(std::vector<Hit>& hits, std::size_t terms, std::size_t width) {
    if (hits.empty()) return 1;
    std::sort(hits.begin(), hits.end(),
              [](const Hit& a, const Hit& b) { return a.position < b.position; });
    std::vector<std::size_t> counts(terms, 0);
    std::size_t distinct = 0;
    std::size_t best_distinct = 0;
    std::size_t best_count = 0;
    Xapian::termpos best = hits.front().position;
    std::size_t left = 0;
    for (std::size_t right = 0; right < hits.size(); ++right) {
        if (counts[hits[right].term]++ == 0) ++distinct;
        while (hits[right].position - hits[left].position >= width) {
            if (--counts[hits[left].term] == 0) --distinct;
            ++left;
        }
        const std::size_t count = right - left + 1;
        if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
            best_distinct = distinct;
            best_count = count;
            best = hits[left].position;
        }
    }
    return best;
}

void append_escaped(std::string& out, char c) {
    switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out.push_back(c);
    }
}

/// Appends `text` escaped, with each run of whitespace as one space.
void append_collapsed(std::string& out, std::string_view text) {
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        append_escaped(out, c);
    }
    if (space && !out.empty()) out.push_back(' ');
}

/// The positions of `terms` in `text`, capped per term as the index's are read: each raw token
/// from a checkpoint on is the next position (what the window below relies on).
std::vector<Hit> hits_in_text(std::string_view text, std::string_view checkpoints,
                              const std::vector<std::string>& terms) {
    std::vector<Checkpoint> marks = decode_checkpoints(checkpoints);
    if (marks.empty() || marks.front().offset != 0) marks.insert(marks.begin(), Checkpoint{1, 0});
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < terms.size(); ++i) index.emplace(terms[i], i);
    std::vector<std::size_t> found(terms.size(), 0);
    std::vector<Hit> hits;
    for (std::size_t k = 0; k < marks.size(); ++k) {
        if (marks[k].offset > text.size()) break;
        const std::size_t end = k + 1 < marks.size()
                                    ? std::min<std::size_t>(marks[k + 1].offset, text.size())
                                    : text.size();
        if (end < marks[k].offset) continue;
        const std::string_view part = text.substr(marks[k].offset, end - marks[k].offset);
        const std::vector<RawToken> tokens = split_tokens(part);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const auto it = index.find(
                word_forms(part.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)).folded);
            if (it == index.end() || found[it->second] >= kMaxPositionsPerTerm) continue;
            ++found[it->second];
            hits.push_back({marks[k].position + static_cast<Xapian::termpos>(i), it->second});
        }
    }
    return hits;
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) append_escaped(out, c);
    return out;
}

std::string make_snippet(const Xapian::Database& db, Xapian::docid docid, std::string_view text,
                         std::string_view checkpoints, const std::vector<std::string>& highlight,
                         const SnippetOptions& options) {
    std::vector<std::string> terms;
    for (const auto& t : highlight) {
        if (std::find(terms.begin(), terms.end(), t) == terms.end()) terms.push_back(t);
    }
    std::vector<Hit> hits;
    const bool from_text = options.positions_from_text && text.size() <= kMaxTextScanned;
    if (from_text) hits = hits_in_text(text, checkpoints, terms);
    for (std::size_t i = 0; i < terms.size() && !from_text; ++i) {
        std::size_t n = 0;
        try {
            for (auto p = db.positionlist_begin(docid, terms[i]);
                 p != db.positionlist_end(docid, terms[i]) && n < kMaxPositionsPerTerm; ++p, ++n) {
                hits.push_back({*p, i});
            }
        } catch (const Xapian::RangeError&) {
            // the term is not in this document
        }
    }
    const Xapian::termpos match = best_window(hits, terms.size(), options.window_tokens);
    const Xapian::termpos first = match > options.context_before
                                      ? match - static_cast<Xapian::termpos>(options.context_before)
                                      : 1;
    const Xapian::termpos last = first + static_cast<Xapian::termpos>(options.window_tokens);

    // Re-analyse from the nearest checkpoint at or before the window.
    Checkpoint start{1, 0};
    for (const Checkpoint& c : decode_checkpoints(checkpoints)) {
        if (c.position > first) break;
        start = c;
    }
    if (start.offset > text.size()) start = {1, 0};
    std::size_t length = (last - start.position + 2) * kBytesPerToken;
    std::string_view chunk = text.substr(start.offset);
    if (length < chunk.size()) {
        // Cut on whitespace so no token is split.
        const auto space = chunk.find_last_of(" \n\t", length);
        chunk = chunk.substr(
            0, space == std::string_view::npos ? utf8::floor_boundary(chunk, length) : space);
    }
    // Raw tokens are enough: every one is a position (document numbers add none), and only the
    // shown ones need their accent-free form.
    const std::vector<RawToken> tokens = split_tokens(chunk);

    const std::unordered_set<std::string> wanted(terms.begin(), terms.end());
    // Two words follow each other in the query when they do in `highlight` (typed order).
    std::set<std::pair<std::string_view, std::string_view>> query_pairs;
    for (std::size_t i = 1; i < highlight.size(); ++i)
        query_pairs.emplace(highlight[i - 1], highlight[i]);

    // Words go together under one mark when only spaces separate them, or the `-` or `/` inside
    // a document number (`57-NQ/TW`); never across other punctuation (`sở (xã`).
    auto joinable = [](std::string_view gap) {
        return gap.find_first_not_of(" \n\t") == std::string_view::npos ||
               (gap.size() == 1 && (gap[0] == '-' || gap[0] == '/'));
    };
    // The shown tokens, whether each matches, and whether it continues a phrase of the query
    // with its predecessor.
    struct Shown {
        std::size_t token;
        std::string folded;
        bool match = false;
        bool joins_previous = false;
    };
    std::vector<Shown> shown;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Xapian::termpos pos = start.position + static_cast<Xapian::termpos>(i);
        if (pos < first) continue;
        if (pos >= last) break;
        const RawToken& t = tokens[i];
        Shown s{i, word_forms(chunk.substr(t.begin, t.end - t.begin)).folded};
        s.match = wanted.count(s.folded) > 0;
        if (!shown.empty() && s.match && shown.back().match) {
            const RawToken& p = tokens[shown.back().token];
            const std::string_view gap = chunk.substr(p.end, t.begin - p.end);
            s.joins_previous =
                joinable(gap) &&
                query_pairs.count({std::string_view(shown.back().folded), s.folded}) > 0;
        }
        shown.push_back(std::move(s));
    }
    // When the query's words occur here in order, only those phrases are marked; lone words
    // (`sở` for `so`, the place `Chuyên`) only when no phrase is in view.
    std::vector<bool> in_phrase(shown.size(), false);
    bool phrases = false;
    for (std::size_t k = 1; k < shown.size(); ++k) {
        if (shown[k].joins_previous) in_phrase[k] = in_phrase[k - 1] = phrases = true;
    }

    std::string out;
    std::size_t shown_from = std::string_view::npos;
    std::size_t cursor = 0;  // chunk offset up to which text was written
    bool open_mark = false;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const RawToken& t = tokens[shown[k].token];
        if (shown_from == std::string_view::npos) {
            shown_from = t.begin;
            cursor = t.begin;
        }
        const bool marked = phrases ? in_phrase[k] : shown[k].match;
        // A phrase's words share one <mark>: `<mark>chuyển đổi số</mark>`; lone matches too when
        // only spaces separate them.
        const bool continues =
            open_mark && marked &&
            (phrases ? shown[k].joins_previous : joinable(chunk.substr(cursor, t.begin - cursor)));
        if (open_mark && !continues) {
            out += "</mark>";
            open_mark = false;
        }
        append_collapsed(out, chunk.substr(cursor, t.begin - cursor));
        if (marked && !open_mark) {
            out += "<mark>";
            open_mark = true;
        }
        append_collapsed(out, chunk.substr(t.begin, t.end - t.begin));
        cursor = t.end;
    }
    if (open_mark) out += "</mark>";
    if (shown_from == std::string_view::npos) return {};
    // Keep the punctuation right after the last token (`./.`, `;`).
    std::size_t tail = cursor;
    while (tail < chunk.size() && tail - cursor < 3 && chunk[tail] != ' ' && chunk[tail] != '\n' &&
           static_cast<unsigned char>(chunk[tail]) < 0x80 &&
           !std::isalnum(static_cast<unsigned char>(chunk[tail]))) {
        ++tail;
    }
    append_collapsed(out, chunk.substr(cursor, tail - cursor));
    const bool at_start = start.offset + shown_from == 0 ||
                          text.substr(0, start.offset + shown_from).find_first_not_of(" \n\t") ==
                              std::string_view::npos;
    const bool at_end =
        start.offset + tail >= text.size() ||
        text.substr(start.offset + tail).find_first_not_of(" \n\t") == std::string_view::npos;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return (at_start ? "" : "…") + out + (at_end ? "" : "…");
}

}  // namespace tracuu
