// Document numbers however people type them, end to end: the real tracuu-index indexes a small
// set of directives whose numbers collide on purpose (168/2024 of a Nghị định and of a Quyết
// định, 06/QĐ-TTg and 06/2025/QĐ-TTg, two công văn 2265, 48/2025/QĐ-UBND beside 2025/QĐ-UBND),
// the real tracuu-server answers, and every shape of a number reaches the same documents through
// `q`, `number=`, `cites=` and /api/references.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <set>

#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;

namespace {

struct Directive {
    std::string file;
    std::string issuer;  ///< header lines above `Số:`
    std::string number;
    std::string place_date;
    std::string title;  ///< the type line and subject (for a công văn: `V/v ...`)
    std::string body;
};

std::string text_of(const Directive& d) {
    return d.issuer + "\nSố: " + d.number +
           "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n" +
           d.place_date + "\n\n" + d.title + "\n\n" + d.body + "\n";
}

/// How many documents cite Nghị định 13/2023/NĐ-CP (more than a page of /api/references).
constexpr int kCitingThirteen = 23;

std::vector<Directive> directives() {
    std::vector<Directive> all = {
        {"nd168.txt", "CHÍNH PHỦ", "168/2024/NĐ-CP", "Hà Nội, ngày 26 tháng 12 năm 2024",
         "NGHỊ ĐỊNH\nQuy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông",
         "Căn cứ Luật Tổ chức Chính phủ; Chính phủ ban hành Nghị định quy định xử phạt vi phạm "
         "hành chính về trật tự, an toàn giao thông trong lĩnh vực giao thông đường bộ."},
        {"qd168.txt", "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH", "168/2024/QĐ-UBND",
         "Bắc Ninh, ngày 12 tháng 11 năm 2024",
         "QUYẾT ĐỊNH\nBan hành Quy định quản lý chợ trên địa bàn tỉnh",
         "Ủy ban nhân dân tỉnh quyết định ban hành quy định quản lý, kinh doanh chợ."},
        {"qd06.txt", "THỦ TƯỚNG CHÍNH PHỦ", "06/QĐ-TTg", "Hà Nội, ngày 06 tháng 01 năm 2022",
         "QUYẾT ĐỊNH\nPhê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư",
         "Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh "
         "và xác thực điện tử."},
        {"qd06b.txt", "THỦ TƯỚNG CHÍNH PHỦ", "06/2025/QĐ-TTg", "Hà Nội, ngày 20 tháng 02 năm 2025",
         "QUYẾT ĐỊNH\nQuy định chức năng, nhiệm vụ của Ban Cơ yếu",
         "Thủ tướng Chính phủ quy định chức năng, nhiệm vụ, quyền hạn của Ban Cơ yếu."},
        {"qd2634.txt", "THỦ TƯỚNG CHÍNH PHỦ", "2634/QĐ-TTg", "Hà Nội, ngày 28 tháng 11 năm 2025",
         "QUYẾT ĐỊNH\nPhê duyệt quy hoạch hệ thống cảng cá",
         "Thủ tướng Chính phủ phê duyệt quy hoạch hệ thống cảng cá, khu neo đậu tránh trú bão."},
        {"cv2265.txt", "UBND TỈNH GIA LAI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO", "2265/SGDĐT-VP",
         "Gia Lai, ngày 29 tháng 10 năm 2025", "V/v triển khai chuyển đổi số trong trường học",
         "Sở Giáo dục và Đào tạo tỉnh Gia Lai đề nghị các trường học triển khai chuyển đổi số."},
        {"cv2265b.txt", "UBND TỈNH ĐỒNG NAI\nSỞ Y TẾ", "2265/SYT-VP",
         "Đồng Nai, ngày 15 tháng 10 năm 2025", "V/v tổ chức tiêm chủng mở rộng",
         "Sở Y tế đề nghị các trung tâm y tế tổ chức tiêm chủng mở rộng cho trẻ em."},
        {"qd48.txt", "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", "48/2025/QĐ-UBND",
         "Lào Cai, ngày 10 tháng 6 năm 2025", "QUYẾT ĐỊNH\nQuy định bảng giá đất",
         "Ủy ban nhân dân tỉnh quy định bảng giá các loại đất trên địa bàn."},
        // The other reading of `48 2025 qd ubnd`: a document numbered 2025/QĐ-UBND that says 48.
        {"qd2025.txt", "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "2025/QĐ-UBND",
         "Hà Tĩnh, ngày 03 tháng 9 năm 2025", "QUYẾT ĐỊNH\nPhê duyệt danh sách 48 xã",
         "Phê duyệt danh sách 48 xã đạt chuẩn nông thôn mới."},
        {"nq57.txt", "BAN CHẤP HÀNH TRUNG ƯƠNG", "57-NQ/TW", "Hà Nội, ngày 22 tháng 12 năm 2024",
         "NGHỊ QUYẾT\nVề đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo",
         "Bộ Chính trị ra nghị quyết về đột phá phát triển khoa học, công nghệ."},
        {"cite168.txt", "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", "501/UBND-GT",
         "Nghệ An, ngày 05 tháng 01 năm 2025", "V/v thực hiện quy định về xử phạt giao thông",
         "Thực hiện Nghị định số 168/2024/NĐ-CP ngày 26/12/2024 của Chính phủ, Ủy ban nhân dân "
         "tỉnh đề nghị các sở triển khai. Thực hiện Quyết định số 06/2025/QĐ-TTg của Thủ tướng "
         "Chính phủ."},
        // A unit's code written with a dot (Vụ I): kept in the number the API gives.
        {"cv11554.txt", "VĂN PHÒNG CHÍNH PHỦ", "11554/VPCP-V.I",
         "Hà Nội, ngày 11 tháng 12 năm 2025", "V/v rà soát văn bản quy phạm pháp luật",
         "Văn phòng Chính phủ đề nghị các bộ rà soát văn bản quy phạm pháp luật."},
        {"cite06.txt", "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH", "502/UBND-CA",
         "Nam Định, ngày 07 tháng 3 năm 2022", "V/v triển khai Đề án 06",
         "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề "
         "án phát triển ứng dụng dữ liệu về dân cư, Ủy ban nhân dân tỉnh đề nghị triển khai."},
    };
    for (int i = 0; i < kCitingThirteen; ++i) {
        all.push_back({"cite13-" + std::to_string(i) + ".txt", "ỦY BAN NHÂN DÂN\nHUYỆN KIM SƠN",
                       std::to_string(600 + i) + "/UBND-VP", "Kim Sơn, ngày 10 tháng 5 năm 2024",
                       "V/v bảo vệ dữ liệu cá nhân",
                       "Thực hiện Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo "
                       "vệ dữ liệu cá nhân, Ủy ban nhân dân huyện đề nghị các phòng triển khai."});
    }
    return all;
}

struct Served {
    test::TempDir tmp;
    std::unique_ptr<test::ServerProcess> server;

    Served() {
        const auto docs = tmp / "docs";
        std::filesystem::create_directories(docs);
        for (const auto& d : directives()) test::write_file(docs / d.file, text_of(d));
        const test::IndexRun run = test::Indexer(tmp / "db").quiet().root(docs).run({docs});
        INFO(run);
        REQUIRE(run.status == 0);
        server = std::make_unique<test::ServerProcess>(tmp / "db");
    }
};

Served& served() {
    static Served s;
    return s;
}

struct Reply {
    int status = 0;
    json body;
};

Reply get(const std::string& path, const httplib::Params& params = {}) {
    httplib::Client c("127.0.0.1", served().server->port());
    c.set_read_timeout(10, 0);
    auto res = c.Get(path.c_str(), params, httplib::Headers{});
    REQUIRE(res);
    Reply r{res->status, json()};
    if (res->get_header_value("Content-Type").starts_with("application/json"))
        r.body = json::parse(res->body);
    return r;
}

std::vector<std::string> ids(const json& body, const char* list = "results") {
    std::vector<std::string> out;
    for (const auto& r : body[list]) out.push_back(r["id"].get<std::string>());
    return out;
}

std::set<std::string> id_set(const json& body, const char* list = "results") {
    const auto v = ids(body, list);
    return {v.begin(), v.end()};
}

Reply search(const httplib::Params& params) {
    httplib::Params with_limit = params;
    with_limit.emplace("limit", "50");
    return get("/api/search", with_limit);
}

std::string first_result(const std::string& q) {
    const Reply r = search({{"q", q}});
    REQUIRE(r.status == 200);
    REQUIRE_FALSE(r.body["results"].empty());
    return r.body["results"][0]["id"].get<std::string>();
}

}  // namespace

TEST_CASE("q: every shape of a number finds its document first", "[http][numbers]") {
    struct Row {
        const char* typed;
        const char* document;
    };
    const Row rows[] = {
        {"168/2024/NĐ-CP", "nd168.txt"},
        {"168-2024-ND-CP", "nd168.txt"},
        {"168 2024 nd cp", "nd168.txt"},
        {"168/2024 NĐ CP", "nd168.txt"},
        {"ND 168 2024", "nd168.txt"},
        {"NĐ168/2024", "nd168.txt"},
        {"nd168", "nd168.txt"},
        {"nghị định 168/2024", "nd168.txt"},
        {"nghi dinh 168 nam 2024", "nd168.txt"},
        {"168 2024 qd ubnd", "qd168.txt"},
        {"57-NQ/TW", "nq57.txt"},
        {"NQ57", "nq57.txt"},
        {"nq 57 tw", "nq57.txt"},
        {"nghị quyết 57", "nq57.txt"},
        {"QD TTg 2634", "qd2634.txt"},
        {"2634 TTg", "qd2634.txt"},
        {"2634-QĐ/TTg", "qd2634.txt"},
        {"quyết định 2634", "qd2634.txt"},
        {"cv 2265 sgddt", "cv2265.txt"},
        {"công văn 2265 gia lai", "cv2265.txt"},
        {"06/QĐ-TTg", "qd06.txt"},
        {"06/2025/QĐ-TTg", "qd06b.txt"},
        {"48 2025 qd ubnd", "qd48.txt"},
        {"48/2025/QĐ-UBND", "qd48.txt"},
        // Fullwidth, as an East Asian input method types it.
        {"168\uFF0F2024\uFF0FNĐ\uFF0DCP", "nd168.txt"},
        {"\uFF11\uFF16\uFF18 2024 \uFF4E\uFF44 \uFF43\uFF50", "nd168.txt"},
    };
    for (const auto& row : rows) {
        INFO(row.typed);
        CHECK(first_result(row.typed) == row.document);
    }
}

TEST_CASE("q: a partial number lists every document numbered so, then those citing it",
          "[http][numbers]") {
    const Reply partial = search({{"q", "168/2024"}});
    REQUIRE(partial.status == 200);
    const auto found = ids(partial.body);
    REQUIRE(found.size() >= 3);
    CHECK(std::set<std::string>(found.begin(), found.begin() + 2) ==
          std::set<std::string>{"nd168.txt", "qd168.txt"});
    CHECK(found[2] == "cite168.txt");
    CHECK(partial.body["numbers"] == json::array({"168/2024"}));
    for (const char* typed : {"công văn 2265", "cong van so 2265", "cv 2265"}) {
        INFO(typed);
        const Reply r = search({{"q", typed}});
        CHECK(id_set(r.body) == std::set<std::string>{"cv2265.txt", "cv2265b.txt"});
    }
    // Words beside the number narrow it.
    CHECK(id_set(search({{"q", "công văn 2265 gia lai"}}).body) ==
          std::set<std::string>{"cv2265.txt"});
    // The document itself, then the one citing it.
    CHECK(ids(search({{"q", "nghị định 168/2024"}}).body) ==
          std::vector<std::string>{"nd168.txt", "cite168.txt"});
}

TEST_CASE("q: a number given in full is that number only", "[http][numbers]") {
    CHECK(id_set(search({{"q", "06/QĐ-TTg"}}).body) ==
          std::set<std::string>{"qd06.txt", "cite06.txt"});
    CHECK(id_set(search({{"q", "06/2025/QĐ-TTg"}}).body) ==
          std::set<std::string>{"qd06b.txt", "cite168.txt"});
}

TEST_CASE("number= and cites= accept every shape", "[http][numbers]") {
    for (const char* typed : {"168/2024/NĐ-CP", "168 2024 NĐ CP", "ND 168 2024", "nd168",
                              "nghị định 168/2024", "168-2024-nd-cp"}) {
        INFO(typed);
        const Reply own = search({{"number", typed}});
        REQUIRE(own.status == 200);
        CHECK(id_set(own.body) == std::set<std::string>{"nd168.txt"});
        const Reply citing = search({{"cites", typed}});
        REQUIRE(citing.status == 200);
        CHECK(id_set(citing.body) == std::set<std::string>{"cite168.txt"});
    }
    CHECK(id_set(search({{"number", "168/2024"}}).body) ==
          std::set<std::string>{"nd168.txt", "qd168.txt"});
    CHECK(id_set(search({{"cites", "168/2024"}}).body) == std::set<std::string>{"cite168.txt"});
    CHECK(id_set(search({{"number", "cv 2265"}}).body) ==
          std::set<std::string>{"cv2265.txt", "cv2265b.txt"});
    CHECK(id_set(search({{"number", "48 2025 qd ubnd"}}).body) ==
          std::set<std::string>{"qd48.txt"});
    // Given in full, 06/QĐ-TTg is not 06/2025/QĐ-TTg.
    CHECK(id_set(search({{"cites", "06/QĐ-TTg"}}).body) == std::set<std::string>{"cite06.txt"});
    CHECK(id_set(search({{"cites", "06/2025/QĐ-TTg"}}).body) ==
          std::set<std::string>{"cite168.txt"});
    CHECK(id_set(search({{"number", "06/QĐ-TTg"}}).body) == std::set<std::string>{"qd06.txt"});
    // Still not numbers.
    for (const char* typed : {"2025", "Điều 5", "ngày 15 tháng 01", "0912 345 678"}) {
        INFO(typed);
        const Reply r = search({{"cites", typed}});
        CHECK(r.status == 400);
        CHECK(r.body["error"]["parameter"] == "cites");
    }
}

TEST_CASE("every document's own number, as the API gives it, is accepted and finds it",
          "[http][numbers]") {
    for (const auto& d : directives()) {
        const Reply doc = get("/api/documents/" + httplib::detail::encode_query_param(d.file));
        REQUIRE(doc.status == 200);
        const std::string number = doc.body["fields"]["number"]["value"];
        INFO(d.file << ": " << number);
        CHECK(number == d.number);
        const Reply own = search({{"number", number}});
        REQUIRE(own.status == 200);
        CHECK(id_set(own.body).count(d.file) == 1);
        const Reply refs = get("/api/references/" + httplib::detail::encode_query_param(number));
        REQUIRE(refs.status == 200);
        CHECK(id_set(refs.body, "documents").count(d.file) == 1);
    }
}

TEST_CASE("/api/references: every shape, pages with the true total", "[http][numbers]") {
    for (const char* typed :
         {"13/2023/NĐ-CP", "13 2023 nd cp", "nd 13 2023", "nghị định 13/2023"}) {
        INFO(typed);
        const Reply all =
            get(std::string("/api/references/") + httplib::detail::encode_query_param(typed));
        REQUIRE(all.status == 200);
        CHECK(all.body["total"] == kCitingThirteen);
        CHECK(all.body["cited_by"].size() == static_cast<std::size_t>(kCitingThirteen));
        CHECK(all.body["document"].is_null());
    }
    // Pages put end to end give every citing document once.
    std::set<std::string> seen;
    for (int offset = 0; offset < kCitingThirteen; offset += 10) {
        const Reply page = get("/api/references/13%2F2023%2FN%C4%90-CP",
                               {{"offset", std::to_string(offset)}, {"limit", "10"}});
        REQUIRE(page.status == 200);
        CHECK(page.body["total"] == kCitingThirteen);
        CHECK(page.body["offset"] == offset);
        CHECK(page.body["limit"] == 10);
        CHECK(page.body["cited_by"].size() ==
              static_cast<std::size_t>(std::min(10, kCitingThirteen - offset)));
        for (const auto& id : ids(page.body, "cited_by")) CHECK(seen.insert(id).second);
    }
    CHECK(seen.size() == static_cast<std::size_t>(kCitingThirteen));

    const Reply partial = get("/api/references/168%2F2024");
    REQUIRE(partial.status == 200);
    CHECK(id_set(partial.body, "documents") == std::set<std::string>{"nd168.txt", "qd168.txt"});
    CHECK(id_set(partial.body, "cited_by") == std::set<std::string>{"cite168.txt"});
    const Reply own = get("/api/references/nd%20168%202024");
    REQUIRE(own.status == 200);
    CHECK(own.body["document"]["id"] == "nd168.txt");
    CHECK(own.body["understood"] == "168/2024/NĐ-CP");
    CHECK(partial.body["understood"] == "168/2024");
    const Reply exact = get("/api/references/06%2FQ%C4%90-TTg");
    CHECK(exact.body["document"]["id"] == "qd06.txt");
    CHECK(id_set(exact.body, "cited_by") == std::set<std::string>{"cite06.txt"});
    const Reply cv = get("/api/references/c%C3%B4ng%20v%C4%83n%202265");
    CHECK(id_set(cv.body, "documents") == std::set<std::string>{"cv2265.txt", "cv2265b.txt"});
    CHECK(cv.body["understood"] == "Công văn 2265");
    CHECK(get("/api/references/2025").status == 400);
    CHECK(get("/api/references/57-NQ-TW", {{"limit", "0"}}).status == 400);
    CHECK(get("/api/references/57-NQ-TW", {{"page", "2"}}).status == 400);
}
