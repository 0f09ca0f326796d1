// Searching as people type without an input method, on the bundled corpus through the API:
// Telex, VNI and run-together syllables find what the properly typed query finds and say how the
// query was read (`interpreted_as`); an unfinished last word finds the words it starts.
#include <catch2/catch.hpp>

#include "analyzers/code_tables.hpp"
#include "search/query_interpretation.hpp"
#include "search/searcher.hpp"
#include "server/api.hpp"
#include "support.hpp"

using namespace tracuu;

namespace {

Xapian::Database& db() {
    static Xapian::Database database(test::bundled_index().string());
    return database;
}

nlohmann::json api_search(const std::string& q) {
    const ApiResponse response = handle_search(db(), {{"q", q}, {"limit", "10"}});
    REQUIRE(response.status == 200);
    return response.json();
}

std::vector<std::string> top_ids(const nlohmann::json& answer) {
    std::vector<std::string> ids;
    for (const auto& r : answer["results"]) ids.push_back(r["id"].get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("Telex, VNI and run-together queries find what the typed words find",
          "[search][typing]") {
    struct Case {
        const char* typed;
        const char* meant;
    };
    const Case cases[] = {
        {"chuyeenr ddooir soos", "chuyển đổi số"},
        {"chuye6n3 d9o6i3 so61", "chuyển đổi số"},
        {"chuyendoiso", "chuyen doi so"},
        {"chuyểnđổisố", "chuyển đổi số"},
        {"sawps xeeps ddown vij hanhf chinhs", "sắp xếp đơn vị hành chính"},
        {"ki nang soos", "ki nang số"},
        {"\"ddooir mowis\" -lowms", "\"đổi mới\" -lớm"},
    };
    for (const auto& [typed, meant] : cases) {
        INFO(typed);
        const nlohmann::json as_typed = api_search(typed);
        const nlohmann::json proper = api_search(meant);
        REQUIRE(as_typed.contains("interpreted_as"));
        CHECK(as_typed["interpreted_as"] == meant);
        CHECK(as_typed["query"] == typed);
        CHECK_FALSE(proper.contains("interpreted_as"));
        CHECK(as_typed["total"] == proper["total"]);
        CHECK_FALSE(top_ids(as_typed).empty());
        CHECK(top_ids(as_typed) == top_ids(proper));
    }
}

TEST_CASE("queries typed properly, numbers and real words get no interpretation",
          "[search][typing]") {
    for (const char* q : {"chuyển đổi số", "chuyen doi so", "57 NQ TW", "57 nq tw", "168/2024",
                          "NQ 60", "1654/NQ-UBTVQH15", "ddos", "hoa", "viet nam", "so:60-NQ/TW",
                          "coquan:UBND", "Đặng Văn Phụng", "ubnd tinh ca mau"}) {
        INFO(q);
        CHECK_FALSE(api_search(q).contains("interpreted_as"));
    }
}

TEST_CASE("a reinterpreted word the index holds as typed is kept", "[search][typing]") {
    const IndexEvidence index(db());
    // `tw` is Telex for `tư`, but the corpus writes Trung ương so (57-NQ/TW, Ban Chấp hành TW).
    REQUIRE(index.has_word("tw"));
    CHECK_FALSE(interpret_query("tw", &index));
    CHECK(interpret_query("tw", nullptr) == std::optional<std::string>("tư"));
}

TEST_CASE("an unfinished last word finds the words it starts", "[search][typing]") {
    const nlohmann::json partial = api_search("chuy");
    CHECK(partial["total"].get<int>() > 0);
    CHECK_FALSE(partial.contains("interpreted_as"));
    // Its documents are those of the words it starts, `chuyển` among them.
    const nlohmann::json whole = api_search("chuyển");
    CHECK(partial["total"].get<int>() >= whole["total"].get<int>());
    const nlohmann::json typing = api_search("ke hoach chuy");
    CHECK(typing["total"].get<int>() > 0);
    // Not the last word: no completion (`chuy` then a word is searched as typed).
    CHECK(api_search("\"chuy\"")["total"] == 0);
}

TEST_CASE("queries whose words the index holds are built as without the index",
          "[search][typing][judged]") {
    const IndexEvidence index(db());
    const std::string table =
        test::read_file(std::filesystem::path(TRACUU_SOURCE_DIR) / "tests" / "judged_queries.tsv");
    for (const auto& row : parse_tsv(table)) {
        SearchRequest request;
        request.q = std::string(row[0]);
        INFO(request.q);
        const BuiltQuery plain = build_search_query(request);
        const BuiltQuery with_index = build_search_query(request, &index);
        CHECK(plain.strict.matching.get_description() ==
              with_index.strict.matching.get_description());
        CHECK(plain.strict.ranking.get_description() ==
              with_index.strict.ranking.get_description());
        CHECK_FALSE(interpret_query(request.q, &index));
    }
}

TEST_CASE("an interpretation longer than a query may be leaves the words as typed",
          "[search][typing]") {
    // 47 words: within kMaxQueryTokens; split, `chuyendoiso` would make 49.
    std::string q;
    for (int i = 0; i < 46; ++i) q += "so ";
    q += "chuyendoiso";
    const ApiResponse response = handle_search(db(), {{"q", q}});
    CHECK(response.status == 200);
    CHECK_FALSE(response.json().contains("interpreted_as"));
}
