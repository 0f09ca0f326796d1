// Snippets mark the matched words in the original text, also when matched through folding.
#include <catch2/catch.hpp>

#include "analyzers/word_forms.hpp"
#include "index/schema.hpp"
#include "index/stored_document.hpp"
#include "search/searcher.hpp"
#include "search/snippet.hpp"
#include "support.hpp"

using namespace tracuu;

TEST_CASE("an accent-free query marks the accented words of the text", "[snippet][seeds]") {
    Xapian::Database db(test::bundled_index().string());
    SearchRequest request;
    request.q = "le truong son";
    request.filters.push_back({"2025", QueryField::Year});
    const SearchResult result = search(db, request);
    REQUIRE_FALSE(result.hits.empty());
    bool found = false;
    for (const auto& hit : result.hits) {
        if (hit.id != "seeds/004_883586d83ecb7309.txt") continue;
        found = true;
        CHECK(hit.snippet.find("<mark>Lê Trường Sơn</mark>") != std::string::npos);
    }
    CHECK(found);
}

TEST_CASE("a snippet is a window around the densest matches, escaped", "[snippet][seeds]") {
    Xapian::Database db(test::bundled_index().string());
    SearchRequest request;
    request.q = "bình dân học vụ số";
    const SearchResult result = search(db, request);
    REQUIRE_FALSE(result.hits.empty());
    const std::string& s = result.hits.front().snippet;
    CHECK(s.find("dân học vụ số</mark>") != std::string::npos);
    CHECK(s.size() < 600);
    CHECK(s.find('\n') == std::string::npos);
    CHECK(s.find("“") != std::string::npos);  // the quote mark around the phrase is kept
}

namespace {

/// The marked pieces of a snippet, in order.
std::vector<std::string> marked(const std::string& snippet) {
    std::vector<std::string> out;
    for (std::size_t at = snippet.find("<mark>"); at != std::string::npos;
         at = snippet.find("<mark>", at)) {
        const std::size_t end = snippet.find("</mark>", at);
        out.push_back(snippet.substr(at + 6, end - at - 6));
        at = end;
    }
    return out;
}

}  // namespace

// Issue 17: `chuyen doi so cap xa` marked `sở` and the place `Chuyên`, and one mark ran across a
// bracket (`sở (xã`). When the query's words occur in order they are what is marked; a mark never
// holds punctuation.
TEST_CASE("snippets mark the query's phrases, never across punctuation", "[snippet][seeds]") {
    Xapian::Database db(test::bundled_index().string());
    struct Case {
        std::string q;
    };
    const std::vector<Case> cases = {{"chuyen doi so cap xa"},
                                     {"chuyen doi so"},
                                     {"sap xep xa phuong"},
                                     {"cai cach hanh chinh"}};
    for (const Case& c : cases) {
        SearchRequest request;
        request.q = c.q;
        const SearchResult result = search(db, request);
        REQUIRE(result.hits.size() >= 2);
        std::size_t with_phrase = 0;
        for (const auto& hit : result.hits) {
            const auto marks = marked(hit.snippet);
            bool phrase = false;
            for (const std::string& m : marks) {
                INFO(c.q << " in " << hit.id << ": «" << m << "» of " << hit.snippet);
                for (char ch : std::string("()[],;:.\"!?")) CHECK(m.find(ch) == std::string::npos);
                const std::string folded = fold_words(m);
                if (folded.find(' ') != std::string::npos) phrase = true;
                // A phrase is words of the query in the query's order.
                if (folded.find(' ') != std::string::npos)
                    CHECK((" " + c.q + " ").find(" " + folded + " ") != std::string::npos);
            }
            // Once a snippet shows a phrase, no lone word is marked beside it.
            if (phrase) {
                ++with_phrase;
                for (const std::string& m : marks) {
                    INFO(c.q << " in " << hit.id << ": " << hit.snippet);
                    CHECK(fold_words(m).find(' ') != std::string::npos);
                }
            }
        }
        INFO(c.q);
        CHECK(with_phrase > 0);
    }
}

TEST_CASE(
    "snippets found from the text are those found from the index's positions, on every "
    "bundled document",
    "[snippet][seeds][property]") {
    // Remote shards find a snippet's matches in the stored text (a position list per term would
    // be a round trip each); it must be the window the index's positions give.
    Xapian::Database db(test::bundled_index().string());
    std::size_t compared = 0, marked = 0;
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
        const Xapian::Document doc = db.get_document(*d);
        const std::string data = doc.get_data();
        const StoredParts stored = split_stored_document(data);
        // Words with positions (accent-free, lower case), some common, some rare in it.
        std::vector<std::string> words;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (!term.empty() && term[0] >= 'a' && term[0] <= 'z' && t.positionlist_count() > 0)
                words.push_back(term);
        }
        INFO(doc.get_value(schema::kSlotId));
        if (words.empty()) continue;
        for (std::size_t step : {3u, 11u, 29u}) {
            std::vector<std::string> highlight;
            for (std::size_t i = step % words.size(); i < words.size() && highlight.size() < 4;
                 i += step)
                highlight.push_back(words[i]);
            SnippetOptions from_index, from_text;
            from_text.positions_from_text = true;
            const std::string want =
                make_snippet(db, *d, stored.text, doc.get_value(schema::kSlotCheckpoints),
                             highlight, from_index);
            const std::string got = make_snippet(
                db, *d, stored.text, doc.get_value(schema::kSlotCheckpoints), highlight, from_text);
            CHECK(got == want);
            ++compared;
            if (want.find("<mark>") != std::string::npos) ++marked;
        }
    }
    CHECK(compared > 100);
    CHECK(marked * 2 > compared);
}
