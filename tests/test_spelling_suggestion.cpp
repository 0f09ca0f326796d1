// "Did you mean" (search/spelling_suggestion.hpp) on the bundled corpus through the API: a
// mistyped syllable is put right from the pairs the index holds, a query typed right gets no
// suggestion, and the query put right is searched only when no document has every word as typed.
#include <catch2/catch.hpp>

#include "analyzers/word_forms.hpp"
#include "server/api.hpp"
#include "support.hpp"

using namespace tracuu;

namespace {

Xapian::Database& db() {
    static Xapian::Database database(test::bundled_index().string());
    return database;
}

nlohmann::json api_search(const std::string& q, const std::string& limit = "10") {
    const ApiResponse response = handle_search(db(), {{"q", q}, {"limit", limit}});
    REQUIRE(response.status == 200);
    return response.json();
}

std::string suggestion(const std::string& q) {
    const auto answer = api_search(q);
    return answer.contains("did_you_mean") ? answer["did_you_mean"].get<std::string>() : "";
}

/// The subjects of every document of the bundled corpus: text typed right that nobody here wrote.
std::vector<std::string> subjects() {
    std::vector<std::string> out;
    const nlohmann::json all = handle_search(db(), {{"limit", "100"}}).json();
    for (const auto& r : all["results"]) {
        const auto& f = r["fields"];
        if (f.contains("subject")) out.push_back(f["subject"]["value"].get<std::string>());
    }
    return out;
}

}  // namespace

TEST_CASE("a mistyped syllable is put right from the words beside it", "[search][spelling]") {
    struct Row {
        const char* typed;
        const char* meant;
    };
    const Row rows[] = {
        {"chyển đổi số", "chuyển đổi số"},                          // a letter left out
        {"đơn vị hàh chính", "đơn vị hành chính"},                  // the same, mid-word
        {"thủ tục hàng chính", "thủ tục hành chính"},               // a real word, out of place
        {"Ủy ban thườg vụ Quốc hội", "Ủy ban thường vụ Quốc hội"},  // capitals kept
        {"thủ tục hành chnh", "thủ tục hành chính"},  // no vowel left: marks as the query has
        {"chuyn doi so", "chuyen doi so"},            // typed without marks, put right without
    };
    for (const auto& row : rows) {
        INFO(row.typed);
        CHECK(suggestion(row.typed) == row.meant);
    }
}

TEST_CASE("the query put right is searched when no document has every word as typed",
          "[search][spelling]") {
    auto ids = [](const nlohmann::json& answer) {
        std::vector<std::string> out;
        for (const auto& r : answer["results"]) out.push_back(r["id"].get<std::string>());
        return out;
    };
    // `chyển` is in no document: the results of `chuyển đổi số`, said so.
    const auto slip = api_search("chyển đổi số");
    const auto right = api_search("chuyển đổi số");
    CHECK(slip["query"] == "chyển đổi số");
    CHECK(slip["did_you_mean_searched"] == true);
    CHECK(slip["relaxed"] == false);
    CHECK(ids(slip) == ids(right));
    CHECK(slip["total"] == right["total"]);
    // `hàng` is: some documents have every word as typed, so they are the results, and the
    // query put right is only offered.
    const auto typed = api_search("thủ tục hàng chính");
    CHECK(typed["did_you_mean"] == "thủ tục hành chính");
    CHECK(typed["did_you_mean_searched"] == false);
    CHECK(typed["relaxed"] == false);
    // Typed right: nothing searched instead.
    CHECK(right["did_you_mean_searched"] == false);
    // Keys a Telex reading takes (`Turng`: `Tủng`) in a query typed with marks are a slip.
    const auto keys = api_search("Ban Chấp hành Turng ương");
    CHECK(keys["did_you_mean"] == "Ban Chấp hành Trung ương");
    CHECK(keys["did_you_mean_searched"] == true);
    CHECK(ids(keys) == ids(api_search("Ban Chấp hành Trung ương")));
    // Without marks anywhere they are Telex, read as such.
    const auto telex = api_search("chuyeenr ddooir soos");
    CHECK(telex["interpreted_as"] == "chuyển đổi số");
    CHECK_FALSE(telex.contains("did_you_mean"));
}

TEST_CASE("a query typed right gets no suggestion", "[search][spelling]") {
    for (const char* q : {"chuyển đổi số", "chuyen doi so", "57 NQ TW", "Lý Sơn", "ĐH Công nghiệp",
                          "chuyeenr ddooir soos", "thủ tục", "sắp xếp đơn vị hành chính",
                          "ông Bùi Bá Tuấn", "-\"chyển đổi số\" quốc hội"}) {
        INFO(q);
        CHECK(suggestion(q).empty());
    }
    // Every document's subject, as written and without marks.
    const auto typed_right = subjects();
    REQUIRE(typed_right.size() > 30);
    for (const auto& subject : typed_right) {
        INFO(subject);
        CHECK(suggestion(subject).empty());
        CHECK(suggestion(fold(subject)).empty());
    }
}

TEST_CASE("a subject with a letter left out is mostly put right, never made worse",
          "[search][spelling]") {
    // One letter left out of the longest word of each subject (the first, if several): the
    // suggestion, when there is one, must search as the subject does (the same accent-free
    // words); most must have one.
    std::size_t mutated = 0, suggested = 0, right = 0;
    for (const auto& subject : subjects()) {
        const std::string folded = fold(subject);
        std::size_t best = 0, best_length = 0, start = 0;
        for (std::size_t i = 0; i <= folded.size(); ++i) {
            if (i == folded.size() || folded[i] == ' ') {
                if (i - start > best_length) {
                    best = start;
                    best_length = i - start;
                }
                start = i + 1;
            }
        }
        if (best_length < 4) continue;
        std::string typo = folded;
        typo.erase(best + best_length / 2, 1);
        ++mutated;
        const std::string s = suggestion(typo);
        if (s.empty()) continue;
        ++suggested;
        INFO(typo << " -> " << s);
        CHECK(fold(s) == folded);
        if (fold(s) == folded) ++right;
    }
    INFO(suggested << " suggestions for " << mutated << " subjects with a typo, " << right
                   << " right");
    CHECK(mutated > 30);
    CHECK(suggested * 2 > mutated);
}
