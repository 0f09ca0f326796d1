// Paging is a pure function of the query: through the real server on the shared corpus (555
// directives), for many queries taken from its text, every sort and some filters, pages of any
// size at any offset are cut from one total order. Pages of 100 concatenated hold every match
// exactly once; smaller pages, and pages at odd offsets, are exactly the matching slice of that
// long list, scores included.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <fstream>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "server/csv_export.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;

namespace {

struct PagedServer {
    test::TempDir tmp;
    std::unique_ptr<test::ServerProcess> server;

    PagedServer() {
        const auto corpus = test::shared_corpus_dir();
        REQUIRE(test::Indexer(tmp / "db").quiet().root(corpus).run({corpus}).status <= 1);
        // No result cache: every page is computed, none copied from an earlier answer.
        server = std::make_unique<test::ServerProcess>(tmp / "db",
                                                       std::vector<std::string>{"--cache-mb", "0"});
    }
};

PagedServer& paged_server() {
    static PagedServer s;
    return s;
}

json search(const httplib::Params& params) {
    httplib::Client client("127.0.0.1", paged_server().server->port());
    client.set_read_timeout(60, 0);
    const auto res = client.Get("/api/search", params, httplib::Headers{});
    REQUIRE(res);
    INFO(httplib::detail::params_to_query_str(params) << " -> " << res->body.substr(0, 300));
    REQUIRE(res->status == 200);
    return json::parse(res->body);
}

struct Hit {
    std::string id;
    double score;
    bool operator==(const Hit&) const = default;
};

std::vector<Hit> hits(const json& answer) {
    std::vector<Hit> out;
    for (const auto& r : answer["results"]) out.push_back({r["id"], r["score"]});
    return out;
}

std::string describe(const std::vector<Hit>& list) {
    std::string s;
    for (const auto& h : list) s += h.id + " " + std::to_string(h.score) + "\n";
    return s;
}

/// Two or three consecutive words of a random line of a random document of the shared corpus,
/// as people type them: with their marks, or without (the index folds them either way).
std::vector<std::string> queries_from_corpus(std::size_t count) {
    std::vector<test::fs::path> files;
    for (const auto& entry : test::fs::recursive_directory_iterator(test::shared_corpus_dir())) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 100);
    std::mt19937 random(16);
    std::vector<std::string> queries;
    while (queries.size() < count) {
        std::ifstream in(files[random() % files.size()]);
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) {
            if (line.size() > 20) lines.push_back(line);
        }
        if (lines.empty()) continue;
        std::istringstream words(lines[random() % lines.size()]);
        std::vector<std::string> all;
        for (std::string w; words >> w;) all.push_back(w);
        const std::size_t n = 2 + random() % 2;
        if (all.size() < n) continue;
        const std::size_t at = random() % (all.size() - n + 1);
        std::string q;
        for (std::size_t i = at; i < at + n; ++i) q += (q.empty() ? "" : " ") + all[i];
        queries.push_back(q);
    }
    return queries;
}

/// Every match in order, as pages of 100: each exactly once, as many as the total says.
std::vector<Hit> whole_order(httplib::Params params) {
    params.emplace("limit", "100");
    std::vector<Hit> all;
    std::size_t total = 0;
    for (std::size_t offset = 0;; offset += 100) {
        auto page_params = params;
        page_params.emplace("offset", std::to_string(offset));
        const json answer = search(page_params);
        total = answer["total"];
        const auto page = hits(answer);
        all.insert(all.end(), page.begin(), page.end());
        if (page.size() < 100) break;
    }
    std::set<std::string> distinct;
    for (const auto& h : all) distinct.insert(h.id);
    INFO(describe(all));
    CHECK(distinct.size() == all.size());  // no repeats
    CHECK(all.size() == total);            // no gaps (the total is exact below 1000)
    return all;
}

void check_pages(const httplib::Params& params, std::mt19937& random) {
    const std::vector<Hit> all = whole_order(params);
    const std::size_t size = 1 + random() % 13;
    // Small pages, one after another, over the first few hundred.
    std::vector<Hit> concatenated;
    const std::size_t upto = std::min<std::size_t>(all.size(), 150);
    for (std::size_t offset = 0; offset < upto; offset += size) {
        auto page_params = params;
        page_params.emplace("limit", std::to_string(size));
        page_params.emplace("offset", std::to_string(offset));
        const auto page = hits(search(page_params));
        concatenated.insert(concatenated.end(), page.begin(), page.end());
    }
    concatenated.resize(std::min(concatenated.size(), upto));
    const std::vector<Hit> expected(all.begin(), all.begin() + static_cast<long>(upto));
    INFO("pages of " << size << "\n--- paged:\n"
                     << describe(concatenated) << "--- one long list:\n"
                     << describe(expected));
    CHECK(concatenated == expected);
    // Any offset, any page size: the slice of the long list.
    for (int i = 0; i < 4; ++i) {
        const std::size_t offset = all.empty() ? 0 : random() % (all.size() + 5);
        const std::size_t limit = 1 + random() % 100;
        auto page_params = params;
        page_params.emplace("limit", std::to_string(limit));
        page_params.emplace("offset", std::to_string(offset));
        const auto page = hits(search(page_params));
        const std::size_t from = std::min(offset, all.size());
        const std::size_t to = std::min(offset + limit, all.size());
        INFO("offset " << offset << " limit " << limit);
        CHECK(page == std::vector<Hit>(all.begin() + static_cast<long>(from),
                                       all.begin() + static_cast<long>(to)));
    }
}

}  // namespace

TEST_CASE("paging: pages concatenate into one order, for any query, sort and filter",
          "[http][paging][shared]") {
    std::vector<std::string> queries = {"nghi quyet", "thu tuc hanh chinh", "chuyển đổi số",
                                        "ke hoach",   "quyết định",         "57 NQ TW",
                                        "ubnd tinh"};
    for (const auto& q : queries_from_corpus(12)) queries.push_back(q);
    std::mt19937 random(1616);
    // Filters seen in the answers themselves: a type and an issuer of the corpus.
    const json facets = search({{"q", "van ban"}, {"limit", "1"}})["facets"];
    REQUIRE(!facets["type"].empty());
    const std::string a_type = facets["type"][0]["value"];
    std::size_t checked = 0;
    for (const auto& q : queries) {
        for (const char* sort : {"relevance", "date", "oldest"}) {
            INFO("q=" << q << " sort=" << sort);
            check_pages({{"q", q}, {"sort", sort}}, random);
            ++checked;
        }
        INFO("q=" << q << " type=" << a_type);
        check_pages({{"q", q}, {"type", a_type}}, random);
        check_pages({{"q", q}, {"from", "2025-06"}, {"sort", "relevance"}}, random);
        checked += 2;
    }
    // Only filters (the newest first), and no query at all.
    check_pages({{"type", a_type}}, random);
    check_pages({}, random);
    CHECK(checked > 90);
}

TEST_CASE("paging: the last offset allowed answers, beyond it is refused",
          "[http][paging][shared]") {
    const json last = search({{"q", "nghi quyet"}, {"offset", "10000"}});
    CHECK(last["results"].empty());
    CHECK(last["total"].get<int>() > 0);
    httplib::Client client("127.0.0.1", paged_server().server->port());
    const auto beyond = client.Get("/api/search?q=nghi+quyet&offset=10001");
    REQUIRE(beyond);
    CHECK(beyond->status == 400);
    CHECK(json::parse(beyond->body)["error"]["parameter"] == "offset");
}

namespace {

/// The rows of a CSV answer (RFC 4180: quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (!rows.back().empty() || !field.empty()) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("CSV export: the same rows in the same order as the JSON pages", "[http][csv][shared]") {
    httplib::Client client("127.0.0.1", paged_server().server->port());
    client.set_read_timeout(120, 0);
    for (const httplib::Params& params :
         {httplib::Params{{"q", "nghi quyet"}},
          httplib::Params{{"q", "ke hoach"}, {"sort", "date"}},
          httplib::Params{{"q", "chuyển đổi số"}, {"sort", "oldest"}},
          httplib::Params{{"q", "thu tuc hanh chinh"}, {"from", "2025-06"}}, httplib::Params{}}) {
        const std::vector<Hit> order = whole_order(params);
        auto csv_params = params;
        csv_params.emplace("format", "csv");
        const auto res = client.Get("/api/search", csv_params, httplib::Headers{});
        REQUIRE(res);
        INFO(httplib::detail::params_to_query_str(csv_params));
        REQUIRE(res->status == 200);
        CHECK(res->get_header_value("Content-Type").starts_with("text/csv; charset=utf-8"));
        CHECK(res->get_header_value("Content-Disposition").starts_with("attachment"));
        REQUIRE(res->body.starts_with("\xEF\xBB\xBF"));  // Excel reads UTF-8 only with it
        const auto rows = parse_csv(res->body.substr(3));
        REQUIRE(!rows.empty());
        CHECK(rows[0] == std::vector<std::string>{"id", "number", "type", "issuer", "date",
                                                  "subject", "link"});
        REQUIRE(rows.size() == order.size() + 1);
        for (std::size_t i = 0; i < order.size(); ++i) {
            INFO("row " << i + 1);
            REQUIRE(rows[i + 1].size() == 7);
            CHECK(rows[i + 1][0] == order[i].id);
            CHECK(rows[i + 1][6].find("/?doc=") != std::string::npos);
        }
    }
    // limit and offset cut the same order.
    const std::vector<Hit> order = whole_order({{"q", "nghi quyet"}});
    const auto part = client.Get("/api/search?q=nghi+quyet&format=csv&offset=7&limit=20");
    REQUIRE(part);
    const auto rows = parse_csv(part->body.substr(3));
    REQUIRE(rows.size() == 21);
    for (std::size_t i = 0; i < 20; ++i) CHECK(rows[i + 1][0] == order[7 + i].id);
    const auto too_many = client.Get("/api/search?q=nghi+quyet&format=csv&limit=10001");
    REQUIRE(too_many);
    CHECK(too_many->status == 400);
    CHECK(json::parse(too_many->body)["error"]["parameter"] == "limit");
    const auto bad_format = client.Get("/api/search?q=a&format=xlsx");
    REQUIRE(bad_format);
    CHECK(json::parse(bad_format->body)["error"]["parameter"] == "format");
}

TEST_CASE("CSV fields: quoted when needed, never a formula", "[csv]") {
    CHECK(csv_field("Công văn") == "Công văn");
    CHECK(csv_field("Bộ Văn hóa, Thể thao và Du lịch") == "\"Bộ Văn hóa, Thể thao và Du lịch\"");
    CHECK(csv_field("về \"chuyển đổi số\"") == "\"về \"\"chuyển đổi số\"\"\"");
    CHECK(csv_field("dòng 1\ndòng 2") == "\"dòng 1\ndòng 2\"");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("-2+3") == "\"'-2+3\"");
    CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_field("") == "");
    const std::string row = csv_row(
        R"("id":"a/b c.txt","title":"T","fields":{"number":{"value":"57-NQ/TW"},"type":{"value":"Nghị quyết"}})",
        "http://h:1/");
    CHECK(row == "a/b c.txt,57-NQ/TW,Nghị quyết,,,T,http://h:1/?doc=a%2Fb%20c.txt\r\n");
}
