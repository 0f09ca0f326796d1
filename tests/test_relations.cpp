// Relations of citations and dates of force: sentences that show each rule, the judged tables
// (tests/data/judged_relations.tsv, judged_effective_dates.tsv) read as the indexer reads their
// files, and the status of a document changing as documents replacing it come and go.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "index/schema.hpp"
#include "indexer.hpp"
#include "indexer/citation_relations.hpp"
#include "indexer/document_preparation.hpp"
#include "indexer/file_pipeline.hpp"
#include "indexer/source_files.hpp"
#include "search/status_table.hpp"
#include "search/value_table.hpp"
#include "server/api.hpp"
#include "server/database_set.hpp"
#include "server/result_cache.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

namespace {

/// The citations of a document given as text, by the number as written.
std::map<std::string, nlohmann::json> citations_of(const std::string& text) {
    std::map<std::string, nlohmann::json> out;
    const PreparedDocument doc = prepare_document("t.txt", text);
    for (const auto& c : doc.record.fields["citations"]) out[c["number"].get<std::string>()] = c;
    return out;
}

const std::string kHeader =
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 30/2025/QĐ-UBND\nBắc Ninh, ngày 05 tháng 12 năm "
    "2025\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế\n\n";

std::vector<std::vector<std::string>> read_table(const std::string& name) {
    std::ifstream in(fs::path(TRACUU_SOURCE_DIR) / "tests/data" / name);
    REQUIRE(in);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream cells_in(line);
        std::string cell;
        while (std::getline(cells_in, cell, '\t')) cells.push_back(cell);
        cells.resize(4);
        rows.push_back(cells);
    }
    return rows;
}

/// The fields of a file of ../shared as the indexer reads it.
nlohmann::json fields_of(const std::string& relative) {
    static std::map<std::string, nlohmann::json> memo;
    if (auto it = memo.find(relative); it != memo.end()) return it->second;
    const fs::path path = test::shared_corpus_dir().parent_path() / relative;
    SourceFile file{path, relative, 0, 0};
    ExtractionOptions options;
    options.ocr = OcrMode::Never;
    FileResult r = process_file(FileTask{&file, {}}, options, false);
    REQUIRE(r.kind == FileResult::Kind::Prepared);
    return memo[relative] = r.document->record.fields;
}

}  // namespace

TEST_CASE("relations: the trigger nearest before a number governs it, with the part it names",
          "[relations]") {
    auto c = citations_of(kHeader +
                          "Điều 2. Quyết định này sửa đổi Nghị định số 12/2020/NĐ-CP ngày 01 "
                          "tháng 3 năm 2020 của Chính phủ và bãi bỏ khoản 2 Điều 5 Nghị định số "
                          "14/2021/NĐ-CP ngày 02 tháng 4 năm 2021 của Chính phủ.\n");
    CHECK(c.at("12/2020/NĐ-CP")["relation"] == "amends");
    CHECK(c.at("14/2021/NĐ-CP")["relation"] == "repeals");
    CHECK(c.at("14/2021/NĐ-CP")["relation_part"] == "khoản 2 Điều 5");
    CHECK_FALSE(c.at("12/2020/NĐ-CP").contains("relation_part"));
}

TEST_CASE("relations: a Căn cứ clause relies on what it lists, descriptions included",
          "[relations]") {
    auto c = citations_of(kHeader +
                          "Căn cứ Nghị định số 47/2022/NĐ-CP ngày 05 tháng 7 năm 2022 của Chính "
                          "phủ sửa đổi, bổ sung một số điều của Nghị định số 10/2020/NĐ-CP;\n"
                          "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 01 "
                          "tháng 12 năm 2025.\nQUYẾT ĐỊNH:\nĐiều 1. Thay thế Quyết định số "
                          "15/2014/QĐ-UBND ngày 02 tháng 7 năm 2014 của Ủy ban nhân dân tỉnh quy "
                          "định thực hiện nếp sống văn minh; Quyết định số 22/2019/QĐ-UBND ngày 13 "
                          "tháng 9 năm 2019 của Ủy ban nhân dân tỉnh.\n");
    CHECK(c.at("47/2022/NĐ-CP")["relation"] == "basis");
    CHECK(c.at("10/2020/NĐ-CP")["relation"] == "basis");
    CHECK(c.at("45/TTr-SNV")["relation"] == "mentions");
    CHECK(c.at("15/2014/QĐ-UBND")["relation"] == "replaces");
    // The next item of the list, past the first one's title (`thực hiện` there is a title's).
    CHECK(c.at("22/2019/QĐ-UBND")["relation"] == "replaces");
    CHECK(c.at("15/2014/QĐ-UBND")["relation_span"].size() == 2);
    // A proposal word in the clause before (a title's `kiến nghị`) does not reach the next
    // `Căn cứ`; before other acts it still does (`Kiến nghị: Sửa đổi ...; sửa đổi ...`).
    c = citations_of(kHeader +
                     "Căn cứ Nghị định số 20/2008/NĐ-CP của Chính phủ về tiếp nhận, xử lý phản "
                     "ánh, kiến nghị của cá nhân;\nCăn cứ Nghị định số 09/2017/NĐ-CP của Chính "
                     "phủ;\nQUYẾT ĐỊNH:\n");
    CHECK(c.at("09/2017/NĐ-CP")["relation"] == "basis");
}

TEST_CASE("relations: proposals, quoted words and another document's acts are mentions",
          "[relations]") {
    auto c = citations_of(kHeader +
                          "Đề nghị Bộ Nội vụ tham mưu sửa đổi Nghị định số 76/2019/NĐ-CP ngày 08 "
                          "tháng 10 năm 2019 của Chính phủ.\nThay thế cụm từ “Thông tư số "
                          "36/2018/TT-BTC” bằng cụm từ “Thông tư số 100/2025/TT-BTC”.\nBãi bỏ Điều "
                          "1 Nghị định số 83/2024/NĐ-CP ngày 10 tháng 7 năm 2024 của Chính phủ sửa "
                          "đổi Nghị định số 123/2016/NĐ-CP ngày 01 tháng 9 năm 2016.\n");
    CHECK(c.at("76/2019/NĐ-CP")["relation"] == "mentions");
    CHECK(c.at("36/2018/TT-BTC")["relation"] == "mentions");
    CHECK(c.at("83/2024/NĐ-CP")["relation"] == "repeals");
    CHECK(c.at("83/2024/NĐ-CP")["relation_part"] == "Điều 1");
    CHECK(c.at("123/2016/NĐ-CP")["relation"] == "mentions");
}

TEST_CASE("relations: carrying out, guiding and their lists, not a report's subject",
          "[relations]") {
    auto c = citations_of(
        kHeader +
        "Để tiếp tục thực hiện nghiêm Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính "
        "phủ về quản lý rừng; Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày "
        "29/12/2023 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh yêu cầu:\n"
        "1. Hoàn thiện Kế hoạch cao điểm theo chỉ đạo của Chính phủ tại Nghị quyết số 86/NQ-CP "
        "ngày 04 tháng 11 năm 2025.\n"
        "2. Thực hiện chỉ đạo của Phó Thủ tướng tại văn bản số 10187/VPCP-KTTH ngày "
        "21/10/2025, Sở đã chủ trì họp, Sở đã có Tờ trình số 195/TTr-STC ngày 07/11/2025.\n"
        "3. Hoàn thiện Báo cáo tình hình triển khai thực hiện Nghị quyết số 66-NQ/TW.\n"
        "4. Trực tiếp chỉ đạo thực hiện các nhiệm vụ, giải pháp theo Nghị quyết số 140/NQ-CP.\n");
    for (const char* n :
         {"05/CT-TTg", "31-CT/TU", "134-KH/TU", "86/NQ-CP", "10187/VPCP-KTTH", "140/NQ-CP"}) {
        INFO(n);
        CHECK(c.at(n)["relation"] == "implements");
    }
    CHECK(c.at("195/TTr-STC")["relation"] == "mentions");
    CHECK(c.at("66-NQ/TW")["relation"] == "mentions");

    c = citations_of(
        kHeader +
        "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết khoản 3 Điều 64 "
        "Nghị định số 115/2020/NĐ-CP ngày 25 tháng 9 năm 2020 của Chính phủ, được sửa "
        "đổi, bổ sung bởi Nghị định số 85/2023/NĐ-CP ngày 07 tháng 12 năm 2023; Điều "
        "30 Nghị định số 263/2025/NĐ-CP ngày 14 tháng 10 năm 2025.\n"
        "Điều 2. Ban hành hướng dẫn tạm thời; Bộ đã ban hành Công văn số 6006/BGDĐT "
        "ngày 29/9/2025.\n"
        "Điều 3. Nghị định này thay thế Nghị định số 98/2010/NĐ-CP ngày 21 tháng 9 năm "
        "2010 của Chính phủ quy định chi tiết thi hành một số điều của Luật Di sản văn "
        "hóa và Luật sửa đổi, bổ sung một số điều của Luật Di sản văn hóa và Nghị định "
        "số 61/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ.\n");
    CHECK(c.at("115/2020/NĐ-CP")["relation"] == "guides");
    CHECK(c.at("263/2025/NĐ-CP")["relation"] == "guides");
    CHECK(c.at("85/2023/NĐ-CP")["relation"] == "mentions");
    CHECK(c.at("6006/BGDĐT")["relation"] == "mentions");
    CHECK(c.at("98/2010/NĐ-CP")["relation"] == "replaces");
    CHECK(c.at("61/2016/NĐ-CP")["relation"] == "replaces");
}

TEST_CASE("dates of force: stated, the document's own date, days after it, an end, never another's",
          "[relations]") {
    auto fields = [](const std::string& body) {
        return prepare_document("t.txt", kHeader + body).record.fields;
    };
    auto f = fields("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n");
    CHECK(f["effective_from"]["value"] == "2025-12-05");
    CHECK(f["effective_from"]["basis"] == "document_date");
    CHECK(f["effective_from"]["sentence"] == "Quyết định này có hiệu lực thi hành kể từ ngày ký.");
    f = fields("Điều 3. Quyết định này có hiệu lực sau 45 ngày kể từ ngày ký.\n");
    CHECK(f["effective_from"]["value"] == "2026-01-19");
    CHECK(f["effective_from"]["basis"] == "days_after_document_date");
    f = fields(
        "Điều 3. Quyết định này có hiệu lực từ ngày 01 tháng 01 năm 2026 đến hết ngày "
        "31/12/2026.\n");
    CHECK(f["effective_from"]["value"] == "2026-01-01");
    CHECK(f["effective_until"]["value"] == "2026-12-31");
    // Another document's date, a period counted from this one's: not this document's dates.
    f = fields(
        "Luật số 48/2024/QH15 có hiệu lực từ ngày 01/7/2025. Thời hạn ủy quyền: Kể từ ngày "
        "Quyết định này có hiệu lực đến hết ngày 28 tháng 02 năm 2027.\n");
    CHECK_FALSE(f.contains("effective_from"));
    CHECK_FALSE(f.contains("effective_until"));
    // `kể từ ngày ký` with no date of its own to count from: absent, not guessed.
    const auto undated = prepare_document(
        "u.txt", "QUYẾT ĐỊNH\nVề việc x\nQuyết định này có hiệu lực thi hành kể từ ngày ký.\n");
    CHECK_FALSE(undated.record.fields.contains("effective_from"));
}

TEST_CASE("judged relations: precision and recall per relation on real citing sentences",
          "[relations][judged]") {
    const auto rows = read_table("judged_relations.tsv");
    REQUIRE(rows.size() >= 250);
    const auto& names = citation_relation_names();
    std::map<std::pair<std::string, std::string>, int> confusion;
    int parts = 0, parts_right = 0;
    std::ostringstream misread;
    for (const auto& row : rows) {
        const nlohmann::json fields = fields_of(row[0]);
        std::string got = "(not found)";
        nlohmann::json found;
        for (const auto& c : fields["citations"]) {
            if (c["number"] == row[1]) found = c;
        }
        if (found.is_object()) got = found.value("relation", "");
        ++confusion[{row[2], got}];
        if (got != row[2])
            misread << "  " << row[0] << " " << row[1] << ": " << row[2] << " -> " << got << "\n";
        if (!row[3].empty()) {
            ++parts;
            parts_right += found.is_object() && found.value("relation_part", "") == row[3];
        }
    }
    std::ostringstream report;
    report << "relation      support predicted precision recall\n";
    std::map<std::string, std::pair<double, double>> scores;
    std::map<std::string, int> support;
    for (std::string_view name : names) {
        const std::string r(name);
        int tp = confusion[{r, r}], sup = 0, pred = 0;
        for (const auto& [key, n] : confusion) {
            if (key.first == r) sup += n;
            if (key.second == r) pred += n;
        }
        const double p = pred ? double(tp) / pred : 0, rec = sup ? double(tp) / sup : 0;
        scores[r] = {p, rec};
        support[r] = sup;
        char line[120];
        std::snprintf(line, sizeof line, "%-13s %7d %9d %9.3f %6.3f\n", r.c_str(), sup, pred, p,
                      rec);
        report << line;
    }
    report << "confusion (judged -> read):\n";
    for (const auto& [key, n] : confusion) {
        if (key.first != key.second)
            report << "  " << key.first << " -> " << key.second << ": " << n << "\n";
    }
    report << "parts named: " << parts_right << "/" << parts << "\n";
    report << "misread:\n" << misread.str();
    WARN(report.str());
    // Relations with enough judged citations to measure: at least 0.90 both ways.
    for (const auto& [name, s] : scores) {
        INFO("relation " << name);
        if (support[name] >= 20) {
            CHECK(s.first >= 0.90);
            CHECK(s.second >= 0.90);
        }
    }
    // Fewer judged citations: the floors reached when they were judged (README, Relations).
    CHECK(scores["amends"].first >= 0.90);
    CHECK(scores["amends"].second >= 0.90);
    CHECK(scores["consolidates"].first >= 0.90);
    CHECK(scores["consolidates"].second >= 0.90);
    // 11 judged guides: every real guiding act found in ../shared (README, Relations).
    CHECK(support["guides"] >= 10);
    CHECK(scores["guides"].first >= 0.90);
    CHECK(scores["guides"].second >= 0.90);
    CHECK(parts_right == parts);
}

TEST_CASE("judged dates of force: right on at least 95% of the documents", "[relations][judged]") {
    const auto rows = read_table("judged_effective_dates.tsv");
    REQUIRE(rows.size() >= 60);
    int right = 0, stating = 0, stating_right = 0, invented = 0;
    for (const auto& row : rows) {
        const nlohmann::json fields = fields_of(row[0]);
        auto value = [&](const char* name) {
            return fields.contains(name) ? fields[name]["value"].get<std::string>() : std::string();
        };
        const std::string from = value("effective_from"), until = value("effective_until");
        INFO(row[0]);
        right += from == row[1] && until == row[2];
        if (!row[1].empty()) {
            ++stating;
            stating_right += from == row[1];
        } else if (!from.empty()) {
            ++invented;
        }
    }
    WARN("documents right " << right << "/" << rows.size() << "; stating a date: " << stating_right
                            << "/" << stating
                            << "; a date where the text gives none: " << invented);
    CHECK(stating_right >= 0.95 * stating);
    CHECK(right >= 0.95 * rows.size());
    CHECK(invented == 0);
}

TEST_CASE("status: replaced at once when a replacing document is indexed, back when it is deleted",
          "[relations][status]") {
    test::TempDir dir;
    const fs::path root = dir / "docs";
    test::write_replaced_and_replacing(root);  // makes the folder
    const std::string db = (dir / "db").string();
    auto index = [&](const fs::path& file, const std::vector<std::string>& options = {}) {
        const test::IndexRun run = test::Indexer(db).quiet().root(root).args(options).run({file});
        INFO(run);
        REQUIRE(run.status == 0);
    };
    auto document = [&](const std::string& id) {
        Xapian::Database database(db);
        const ApiResponse r = handle_document(database, id);
        REQUIRE(r.status == 200);
        return r.json();
    };
    index(root / "a.txt");
    nlohmann::json a = document("a.txt");
    CHECK(a["status"]["value"] == "in_force");
    CHECK(a["status"]["effective_from"] == "2024-03-10");
    CHECK(a["effective_from"]["sentence"] == "Quyết định này có hiệu lực thi hành kể từ ngày ký.");
    CHECK(a["status"]["evidence"].empty());

    index(root / "b.txt");  // a.txt is not indexed again
    a = document("a.txt");
    CHECK(a["status"]["value"] == "replaced");
    REQUIRE(a["status"]["evidence"].size() == 1);
    const auto& by = a["status"]["evidence"][0];
    CHECK(by["id"] == "b.txt");
    CHECK(by["number"] == "30/2025/QĐ-UBND");
    CHECK(by["relation"] == "replaces");
    CHECK(by["relation_words"] == "thay thế");
    CHECK(by["context"].get<std::string>().find("thay thế Quyết định số 15/2024/QĐ-UBND") !=
          std::string::npos);
    CHECK(a["relations"]["cited_by"][0]["relation"] == "replaces");
    const nlohmann::json b = document("b.txt");
    CHECK(b["relations"]["cites"][0]["relation"] == "replaces");
    CHECK(b["relations"]["cites"][0]["items"][0]["id"] == "a.txt");

    Xapian::Database database(db);
    Params params = {{"cites", "15/2024/QĐ-UBND"}, {"relation", "replaces"}};
    CHECK(handle_search(database, params, nullptr).json()["total"] == 1);
    params = {{"cites", "15/2024/QĐ-UBND"}, {"relation", "amends"}};
    CHECK(handle_search(database, params, nullptr).json()["total"] == 0);
    params = {{"cites", "15/2024/QĐ-UBND"}, {"relation", "mentions"}};
    CHECK(handle_search(database, params, nullptr).json()["total"] == 0);
    const nlohmann::json refs = handle_references(database, "15/2024/QĐ-UBND", {}).json();
    CHECK(refs["relations"][0]["relation"] == "replaces");
    CHECK(refs["relations"][0]["count"] == 1);
    CHECK(handle_references(database, "15/2024/QĐ-UBND", {{"relation", "khong"}}).status == 400);

    // The search filter and facet read the same status, with and without a value table.
    auto values = std::make_shared<const ValueTable>(database);
    for (const ValueTablePtr& table : {ValueTablePtr(), values}) {
        nlohmann::json found = handle_search(database, {{"status", "replaced"}}, table).json();
        CHECK(found["total"] == 1);
        REQUIRE(found["results"].size() == 1);
        CHECK(found["results"][0]["id"] == "a.txt");
        CHECK(found["results"][0]["status"]["value"] == "replaced");
        CHECK(found["results"][0]["status"]["evidence"][0]["number"] == "30/2025/QĐ-UBND");
        CHECK(found["facets"]["status"] ==
              nlohmann::json::parse(R"([{"value":"replaced","count":1}])"));
        found = handle_search(database, {{"status", "in_force,replaced"}}, table).json();
        CHECK(found["total"] == 2);
        CHECK(found["facets"]["status"].size() == 2);
        CHECK(handle_search(database, {{"status", "repealed"}}, table).json()["total"] == 0);
    }
    const ApiResponse bad = handle_search(database, {{"status", "replaced,het_hieu_luc"}}, values);
    CHECK(bad.status == 400);
    CHECK(bad.json()["error"]["code"] == "bad_parameter");
    CHECK(bad.json()["error"]["parameter"] == "status");
    CHECK(handle_search(database, {{"status", ""}, {"q", "quy chế"}}, values).status == 200);

    index("b.txt", {"--delete"});
    a = document("a.txt");
    // Back to what its own text says: in force since the day it was signed.
    CHECK(a["status"]["value"] == "in_force");
    CHECK(a["status"]["evidence"].empty());
    Xapian::Database after(db);
    for (const ValueTablePtr& table :
         {ValueTablePtr(), std::make_shared<const ValueTable>(after)}) {
        CHECK(handle_search(after, {{"status", "replaced"}}, table).json()["total"] == 0);
        const nlohmann::json found = handle_search(after, {{"status", "in_force"}}, table).json();
        CHECK(found["total"] == 1);
        CHECK(found["results"][0]["status"]["value"] == "in_force");
    }
}

TEST_CASE("status filter: exact totals and pages that concatenate to one order",
          "[relations][status]") {
    test::TempDir dir;
    const fs::path root = dir / "docs";
    fs::create_directories(root);
    // Every third document states when it takes force (in force), the others say nothing
    // (unknown); all about the same subject so a text query ranks them.
    for (int i = 1; i <= 12; ++i) {
        std::string text = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: " + std::to_string(i) +
                           "/2024/QĐ-UBND\nBắc Ninh, ngày " + std::to_string(i) +
                           " tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề quản lý cổng thông tin điện tử\n\n"
                           "Điều 1. Quản lý cổng thông tin điện tử" +
                           std::string(static_cast<std::size_t>(i), '.') + "\n";
        if (i % 3 == 0) text += "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n";
        test::write_file(root / ("d" + std::to_string(i) + ".txt"), text);
    }
    const std::string db = (dir / "db").string();
    REQUIRE(test::Indexer(db).quiet().root(root).run({root}).status == 0);
    Xapian::Database database(db);
    const auto values = std::make_shared<const ValueTable>(database);
    for (const char* q : {"", "cổng thông tin"}) {
        for (const char* status : {"unknown", "in_force"}) {
            INFO(q << " " << status);
            const std::size_t expected = std::string(status) == "unknown" ? 8 : 4;
            Params all = {{"status", status}, {"limit", "100"}};
            if (*q) all.insert({"q", q});
            const nlohmann::json whole = handle_search(database, all, values).json();
            CHECK(whole["total"] == expected);
            CHECK(whole["total_exact"] == true);
            std::vector<std::string> one_go, paged;
            for (const auto& r : whole["results"]) {
                CHECK(r["status"]["value"] == status);
                one_go.push_back(r["id"]);
            }
            for (int offset = 0; offset < 12; offset += 3) {
                Params page = {
                    {"status", status}, {"limit", "3"}, {"offset", std::to_string(offset)}};
                if (*q) page.insert({"q", q});
                const nlohmann::json part = handle_search(database, page, values).json();
                CHECK(part["total"] == expected);
                for (const auto& r : part["results"]) paged.push_back(r["id"]);
            }
            CHECK(paged == one_go);
            CHECK(one_go.size() == expected);
        }
    }
}

TEST_CASE(
    "status filter and facet: every document where its own page puts it, in one database "
    "and in shards",
    "[relations][status]") {
    test::TempDir dir;
    const fs::path root = dir / "docs";
    fs::create_directories(root);
    // Dates far in the past or future, so the statuses hold whatever day the test runs.
    // A decision of the province: its number in `year`, dated `date`, with `charter` and `body`.
    auto write_decision = [&](const std::string& name, int number, const std::string& year,
                              const std::string& date, const std::string& charter,
                              const std::string& body) {
        test::write_file(root / (name + ".txt"),
                         "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: " + std::to_string(number) + "/" +
                             year + "/QĐ-UBND\nBắc Ninh, " + date +
                             "\nQUYẾT ĐỊNH\nVề quản lý cổng thông tin điện tử\n\nĐiều 1. Ban hành "
                             "kèm theo Quyết định này " +
                             charter + "\n" + body + "\n");
    };
    auto decision = [&](const std::string& name, int number, const std::string& body) {
        write_decision(name, number, "2020", "ngày 10 tháng 3 năm 2020",
                       "Quy chế quản lý cổng thông tin điện tử.", body);
    };
    const std::string signed_now = "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.";
    auto acting = [&](const std::string& name, int number, const std::string& act) {
        write_decision(name, number, "2021", "ngày 05 tháng 12 năm 2021", "Quy chế.", act);
    };
    decision("in-force", 1, signed_now);
    decision("not-yet", 2, "Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 01 năm 2099.");
    decision("expired", 3,
             "Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 01 năm 2020 đến hết ngày "
             "31/12/2021.");
    decision("silent", 4, "Điều 2. Giao Văn phòng tổ chức thực hiện.");
    decision("replaced", 15, signed_now);
    acting("replacing", 30,
           "Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 12 năm 2021 và thay thế "
           "Quyết định số 15/2020/QĐ-UBND ngày 10 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Bắc "
           "Ninh.");
    decision("replaced-later", 16, signed_now);
    acting("replacing-later", 31,
           "Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 01 năm 2099 và thay thế "
           "Quyết định số 16/2020/QĐ-UBND ngày 10 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Bắc "
           "Ninh.");
    decision("amended", 17, signed_now);
    acting("amending", 32,
           "Điều 2. Sửa đổi, bổ sung Điều 1 Quyết định số 17/2020/QĐ-UBND ngày 10 tháng 3 năm "
           "2020 của Ủy ban nhân dân tỉnh Bắc Ninh.\nĐiều 3. Quyết định này có hiệu lực thi hành "
           "kể từ ngày ký.");
    decision("expired-amended", 18,
             "Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 01 năm 2020 đến hết ngày "
             "31/12/2021.");
    acting("amending-expired", 33,
           "Điều 2. Sửa đổi, bổ sung Điều 1 Quyết định số 18/2020/QĐ-UBND ngày 10 tháng 3 năm "
           "2020 của Ủy ban nhân dân tỉnh Bắc Ninh.");
    decision("partly-repealed", 19, signed_now);
    acting(
        "repealing-part", 34,
        "Điều 2. Bãi bỏ Điều 1 Quyết định số 19/2020/QĐ-UBND ngày 10 tháng 3 năm 2020 của Ủy "
        "ban nhân dân tỉnh Bắc Ninh.\nĐiều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.");
    decision("repealed", 20, signed_now);
    acting("repealing", 35,
           "Điều 2. Bãi bỏ Quyết định số 20/2020/QĐ-UBND ngày 10 tháng 3 năm 2020 của Ủy ban nhân "
           "dân tỉnh Bắc Ninh.\nĐiều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.");

    for (const std::size_t shards : {0, 3}) {
        INFO((shards ? "3 shards" : "one database"));
        const std::string db = (dir / (shards ? "sharded" : "one")).string();
        test::Indexer indexer(db);
        if (shards) indexer.shards(shards);
        const test::IndexRun run = indexer.quiet().root(root).run({root});
        INFO(run);
        REQUIRE(run.status == 0);
        Xapian::Database database(db);
        // What each document's own page says.
        std::map<std::string, std::string> page;
        std::map<std::string, std::size_t> histogram;
        for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
            const std::string id = database.get_document(*it).get_value(schema::kSlotId);
            const ApiResponse r = handle_document(database, id);
            REQUIRE(r.status == 200);
            page[id] = r.json()["status"]["value"];
            ++histogram[page[id]];
        }
        REQUIRE(page.size() == 16);
        CHECK(page["in-force.txt"] == "in_force");
        CHECK(page["not-yet.txt"] == "not_yet_in_force");
        CHECK(page["expired.txt"] == "expired");
        CHECK(page["silent.txt"] == "unknown");
        CHECK(page["replaced.txt"] == "replaced");
        CHECK(page["replaced-later.txt"] == "in_force");  // its replacement is not in force yet
        CHECK(page["replacing-later.txt"] == "not_yet_in_force");
        CHECK(page["amended.txt"] == "amended");
        CHECK(page["expired-amended.txt"] == "expired");
        CHECK(page["partly-repealed.txt"] == "partly_repealed");
        CHECK(page["repealed.txt"] == "repealed");

        // Xapian's values, a table read as one database (unused for shards), and for shards the
        // table the server reads per shard (the changed documents then go by document number).
        DatabaseSet set({db});
        set.load_values();
        const Xapian::Database opened(db);
        const std::vector<std::pair<const Xapian::Database*, ValueTablePtr>> layouts = {
            {&opened, nullptr},
            {&opened, std::make_shared<const ValueTable>(opened)},
            {&set.current(), set.values()}};
        for (const auto& [handle, table] : layouts) {
            const Xapian::Database& one_handle = *handle;
            INFO((table ? "value table of " + std::to_string(table->shard_count()) + " shard(s)"
                        : "Xapian values"));
            const nlohmann::json all =
                handle_search(one_handle, {{"limit", "100"}, {"q", "cổng thông tin"}}, table)
                    .json();
            REQUIRE(all["total"] == 16);
            for (const auto& r : all["results"]) {
                CHECK(r["status"]["value"] == page[r["id"].get<std::string>()]);
            }
            std::map<std::string, std::size_t> faceted;
            for (const auto& f : all["facets"]["status"]) faceted[f["value"]] = f["count"];
            CHECK(faceted == histogram);
            for (std::string_view status : status_names()) {
                INFO(status);
                const nlohmann::json found =
                    handle_search(one_handle, {{"status", std::string(status)}, {"limit", "100"}},
                                  table)
                        .json();
                std::set<std::string> ids, expected;
                for (const auto& r : found["results"]) ids.insert(r["id"].get<std::string>());
                for (const auto& [id, value] : page) {
                    if (value == status) expected.insert(id);
                }
                CHECK(ids == expected);
                CHECK(found["total"] == expected.size());
            }
        }
    }
}

TEST_CASE("status table: searches asking at once for a new revision share one reading",
          "[relations][status]") {
    // At a million documents the reading takes seconds: the searches arriving meanwhile wait for
    // it instead of each reading the table again.
    test::TempDir dir;
    const fs::path corpus = test::bundled_corpus_dir();
    const std::string db = (dir / "db").string();
    REQUIRE(test::Indexer(db).quiet().root(corpus).run({corpus / "seeds"}).status == 0);
    constexpr int kSearches = 6;
    std::vector<StatusTablePtr> tables(kSearches);
    std::vector<std::thread> threads;
    for (int i = 0; i < kSearches; ++i) {
        threads.emplace_back([&, i] {
            const Xapian::Database own(db);  // a handle per thread, as the server's workers
            tables[static_cast<std::size_t>(i)] = status_table(own);
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& table : tables) {
        REQUIRE(table);
        CHECK(table == tables.front());
    }
}

TEST_CASE("status table: while a new revision is read, other searches use the last table read",
          "[relations][status]") {
    // An indexer committing every few seconds on a million documents would otherwise have every
    // search wait for a reading (seconds; tens of seconds on remote shards), or start one more.
    test::TempDir dir;
    const fs::path root = dir / "docs";
    fs::create_directories(root);
    fs::copy(test::bundled_corpus_dir() / "seeds", root / "seeds");
    const std::string db = (dir / "db").string();
    REQUIRE(test::Indexer(db).quiet().root(root).run({root}).status == 0);
    const StatusTablePtr before = status_table(Xapian::Database(db));
    REQUIRE(before);
    test::write_file(root / "new.txt",
                     "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 31/2025/QĐ-UBND\nBắc Ninh, ngày 06 "
                     "tháng 12 năm 2025\nQUYẾT ĐỊNH\nVề một việc mới\n\nĐiều 1. Nội dung.\n");
    REQUIRE(test::Indexer(db).quiet().root(root).run({root / "new.txt"}).status == 0);

    // The reading of the new revision is held until the other search has had its answer (or,
    // should that search wait for the reading, until a watchdog lets it go).
    std::mutex mutex;
    std::condition_variable changed;
    bool started = false, release = false;
    set_status_table_reading_hook([&] {
        std::unique_lock lock(mutex);
        started = true;
        changed.notify_all();
        changed.wait(lock, [&] { return release; });
    });
    StatusTablePtr read;
    std::thread reader([&] { read = status_table(Xapian::Database(db)); });
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return started; });
    }
    std::thread watchdog([&] {
        std::unique_lock lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(20), [&] { return release; });
        release = true;
        changed.notify_all();
    });
    const StatusTablePtr meanwhile = status_table(Xapian::Database(db));
    // An answer with those statuses is right for now, but not this revision's to keep.
    ResultCache cache(1 << 20);
    const Params params{{"q", "quyết định"}};
    const ApiResponse answered = handle_search(Xapian::Database(db), params, nullptr, cache, "r2");
    CHECK(answered.status == 200);
    CHECK_FALSE(answered.cacheable);
    {
        std::lock_guard lock(mutex);
        release = true;
        changed.notify_all();
    }
    reader.join();
    watchdog.join();
    set_status_table_reading_hook({});
    CHECK(meanwhile == before);
    REQUIRE(read);
    CHECK(read != before);
    CHECK(status_table(Xapian::Database(db)) == read);  // once read, the new revision's table
    CHECK_FALSE(handle_search(Xapian::Database(db), params, nullptr, cache, "r2").cached);
    CHECK(handle_search(Xapian::Database(db), params, nullptr, cache, "r2").cached);
}
