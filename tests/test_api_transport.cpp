// How the API travels, through the real tracuu-server: CORS for other origins, gzip, byte
// ranges, original files with their charset and a readable name; and the rules behind them
// (server/cors.hpp, gzip.hpp, byte_ranges.hpp, source_file.hpp) without a socket.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "analyzers/utf8.hpp"
#include "indexer.hpp"
#include "server/byte_ranges.hpp"
#include "server/cors.hpp"
#include "server/gzip.hpp"
#include "server/http_server.hpp"
#include "server/source_file.hpp"
#include "support.hpp"

using namespace tracuu;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kSeed = "corpus/seeds/000_ad8cc43618a4a18a.txt";
const std::string kFixtures = "tests/fixtures/documents/";

/// The seeds and the text fixtures in legacy encodings, ids relative to the checkout.
struct TransportServer {
    test::TempDir tmp;
    std::unique_ptr<test::ServerProcess> plain, cors, any_origin;

    TransportServer() {
        const fs::path source = TRACUU_SOURCE_DIR;
        std::vector<fs::path> inputs = {source / "corpus" / "seeds"};
        for (const char* file : {"seed000-tcvn3.txt", "seed000-vni.txt", "seed000-windows1258.txt",
                                 "seed000-utf16.txt", "seed000.html"})
            inputs.push_back(source / kFixtures / file);
        REQUIRE(test::Indexer(tmp / "db").quiet().root(source).run(inputs).status == 0);
        plain = std::make_unique<test::ServerProcess>(tmp / "db");
        cors = std::make_unique<test::ServerProcess>(
            tmp / "db", std::vector<std::string>{"--cors-origin", "https://a.example.gov.vn",
                                                 "--cors-origin", "http://localhost:3000"});
        any_origin = std::make_unique<test::ServerProcess>(
            tmp / "db", std::vector<std::string>{"--cors-origin", "*"});
    }
};

TransportServer& transport() {
    static TransportServer s;
    return s;
}

test::RawReply get(const test::ServerProcess& server, const std::string& target,
                   const std::string& headers = {}, const std::string& method = "GET") {
    return test::raw_request(server.port(), method + " " + target + " HTTP/1.1\r\nHost: x\r\n" +
                                                headers + "Connection: close\r\n\r\n");
}

bool lists(const std::string& header, const std::string& value) {
    return header.find(value) != std::string::npos;
}

}  // namespace

TEST_CASE("CORS: no headers by default, OPTIONS refused", "[http][cors]") {
    const auto r = get(*transport().plain, "/api/stats", "Origin: https://a.example.gov.vn\r\n");
    CHECK(r.status == 200);
    CHECK(r.header("access-control-allow-origin").empty());
    CHECK_FALSE(lists(r.header("vary"), "Origin"));
    const auto preflight = get(*transport().plain, "/api/search?q=a",
                               "Origin: https://a.example.gov.vn\r\n"
                               "Access-Control-Request-Method: GET\r\n",
                               "OPTIONS");
    CHECK(preflight.status == 405);
    CHECK(preflight.header("allow") == "GET, HEAD");
}

TEST_CASE("CORS: allowed origins are told so, others are not", "[http][cors]") {
    const auto& server = *transport().cors;
    for (const std::string origin : {"https://a.example.gov.vn", "http://localhost:3000"}) {
        for (const std::string& path :
             std::vector<std::string>{"/api/search?q=chuyen+doi+so", "/api/stats",
                                      "/api/documents/" + kSeed, "/api/no-such", "/healthz"}) {
            INFO(origin << " " << path);
            const auto r = get(server, path, "Origin: " + origin + "\r\n");
            CHECK(r.header("access-control-allow-origin") == origin);
            CHECK(lists(r.header("vary"), "Origin"));
            CHECK(lists(r.header("access-control-expose-headers"), "X-Request-Id"));
        }
    }
    const auto other = get(server, "/api/stats", "Origin: https://evil.example\r\n");
    CHECK(other.status == 200);
    CHECK(other.header("access-control-allow-origin").empty());
    CHECK(lists(other.header("vary"), "Origin"));
    // The page's own files are not part of the API.
    const auto page = get(server, "/", "Origin: https://a.example.gov.vn\r\n");
    CHECK(page.header("access-control-allow-origin").empty());
}

TEST_CASE("CORS: the preflight gets 204 with what may be asked", "[http][cors]") {
    const auto& server = *transport().cors;
    const auto r = get(server, "/api/search?q=a",
                       "Origin: https://a.example.gov.vn\r\nAccess-Control-Request-Method: GET\r\n"
                       "Access-Control-Request-Headers: authorization\r\n",
                       "OPTIONS");
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    CHECK(r.header("access-control-allow-origin") == "https://a.example.gov.vn");
    CHECK(r.header("access-control-allow-methods") == "GET, HEAD");
    CHECK(lists(r.header("access-control-allow-headers"), "Authorization"));
    CHECK_FALSE(r.header("access-control-max-age").empty());
    CHECK(lists(r.header("vary"), "Origin"));
    // Another origin, a path outside the API, or no preflight at all: refused like any OPTIONS.
    CHECK(get(server, "/api/stats",
              "Origin: https://evil.example\r\nAccess-Control-Request-Method: GET\r\n", "OPTIONS")
              .status == 405);
    CHECK(get(server, "/index.html",
              "Origin: https://a.example.gov.vn\r\nAccess-Control-Request-Method: GET\r\n",
              "OPTIONS")
              .status == 405);
    CHECK(get(server, "/api/stats", "Origin: https://a.example.gov.vn\r\n", "OPTIONS").status ==
          405);
    // Writing is still refused to an allowed origin.
    CHECK(get(server, "/api/stats", "Origin: https://a.example.gov.vn\r\n", "DELETE").status ==
          405);
}

TEST_CASE("CORS: * allows any origin", "[http][cors]") {
    const auto r =
        get(*transport().any_origin, "/api/stats", "Origin: https://anything.example\r\n");
    CHECK(r.header("access-control-allow-origin") == "*");
    CHECK(get(*transport().any_origin, "/api/stats",
              "Origin: https://x.example\r\nAccess-Control-Request-Method: GET\r\n", "OPTIONS")
              .status == 204);
}

TEST_CASE("CORS origins given on the command line are checked", "[cors]") {
    CHECK(cors_origin_problem("*").empty());
    CHECK(cors_origin_problem("https://intranet.example.gov.vn").empty());
    CHECK(cors_origin_problem("http://10.0.0.5:8080").empty());
    CHECK_FALSE(cors_origin_problem("intranet.example.gov.vn").empty());
    CHECK_FALSE(cors_origin_problem("https://a.example/path").empty());
    CHECK_FALSE(cors_origin_problem("https://").empty());
    const CorsPolicy policy({"https://a.example"});
    CHECK(policy.allow_origin("https://a.example") == "https://a.example");
    CHECK(policy.allow_origin("https://a.example.evil").empty());
    CHECK(policy.allow_origin("").empty());
}

TEST_CASE("gzip: accepted codings are read as RFC 9110 says", "[gzip]") {
    CHECK(accepts_gzip("gzip"));
    CHECK(accepts_gzip("gzip, deflate, br"));
    CHECK(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
    CHECK(accepts_gzip("*"));
    CHECK_FALSE(accepts_gzip(""));
    CHECK_FALSE(accepts_gzip("identity"));
    CHECK_FALSE(accepts_gzip("gzip;q=0"));
    CHECK_FALSE(accepts_gzip("gzip;q=0.000, br"));
    CHECK_FALSE(accepts_gzip("*, gzip;q=0"));
    CHECK_FALSE(accepts_gzip("br"));
    const std::string text(5000, 'a');
    const std::string packed = gzip_compress(text);
    CHECK(packed.size() < 200);
    CHECK(packed.substr(0, 2) == "\x1f\x8b");
}

TEST_CASE("gzip: JSON of 1 kB or more is compressed for clients that accept it", "[http][gzip]") {
    const auto& server = *transport().plain;
    const std::string search = "/api/search?q=chuyen%20doi%20so&limit=5";
    const auto plain = get(server, search);
    REQUIRE(plain.status == 200);
    REQUIRE(plain.body.size() >= kCompressAtLeast);
    CHECK(plain.header("content-encoding").empty());
    CHECK(lists(plain.header("vary"), "Accept-Encoding"));
    const auto packed = get(server, search, "Accept-Encoding: gzip, deflate, br\r\n");
    CHECK(packed.header("content-encoding") == "gzip");
    CHECK(lists(packed.header("vary"), "Accept-Encoding"));
    CHECK(packed.body.substr(0, 2) == "\x1f\x8b");
    CHECK(packed.body.size() * 3 < plain.body.size());
    CHECK(get(server, search, "Accept-Encoding: gzip;q=0\r\n").header("content-encoding").empty());
    // Small answers go as they are.
    const auto stats = get(server, "/api/stats", "Accept-Encoding: gzip\r\n");
    CHECK(stats.body.size() < kCompressAtLeast);
    CHECK(stats.header("content-encoding").empty());
    // A document, and the same bytes through a client that decompresses.
    CHECK(get(server, "/api/documents/" + kSeed, "Accept-Encoding: gzip\r\n")
              .header("content-encoding") == "gzip");
    httplib::Client client("127.0.0.1", server.port());
    const auto first = client.Get(search.c_str(), {{"Accept-Encoding", "gzip"}});
    const auto cached = client.Get(search.c_str(), {{"Accept-Encoding", "gzip"}});
    REQUIRE(first);
    REQUIRE(cached);
    CHECK(cached->get_header_value("X-Cache") == "hit");
    CHECK(cached->get_header_value("Content-Encoding") == "gzip");
    CHECK(cached->body == first->body);
    json a = json::parse(first->body), b = json::parse(plain.body);
    a.erase("took_ms");
    b.erase("took_ms");
    CHECK(a == b);
}

TEST_CASE("ranges: byte_ranges picks one part, the whole, or 416", "[ranges]") {
    CHECK(choose_range({}, 100).status == 200);
    const auto part = choose_range({{10, 19}}, 100);
    CHECK(part.status == 206);
    CHECK(part.offset == 10);
    CHECK(part.length == 10);
    CHECK(part.content_range == "bytes 10-19/100");
    CHECK(choose_range({{90, -1}}, 100).content_range == "bytes 90-99/100");
    CHECK(choose_range({{90, 500}}, 100).content_range == "bytes 90-99/100");
    CHECK(choose_range({{-1, 10}}, 100).content_range == "bytes 90-99/100");
    CHECK(choose_range({{-1, 500}}, 100).content_range == "bytes 0-99/100");
    CHECK(choose_range({{100, -1}}, 100).status == 416);
    CHECK(choose_range({{100, -1}}, 100).content_range == "bytes */100");
    CHECK(choose_range({{-1, 0}}, 100).status == 416);
    CHECK(choose_range({{0, 0}}, 0).status == 416);
    CHECK(choose_range({{0, 9}, {20, 29}}, 100).status == 200);
    CHECK(choose_range({{-1, -1}}, 100).status == 200);
}

TEST_CASE("ranges: files answer 206, 416 or whole, JSON always whole", "[http][ranges]") {
    const auto& server = *transport().plain;
    const std::string original = test::read_file(std::string(TRACUU_SOURCE_DIR) + "/" + kSeed);
    const std::string page = test::read_file(std::string(TRACUU_SOURCE_DIR) + "/static/index.html");
    const std::string source = "/api/documents/" + kSeed + "/source";
    for (const auto& [target, bytes] :
         {std::pair{source, original}, std::pair{std::string("/index.html"), page}}) {
        INFO(target);
        const auto whole = get(server, target);
        CHECK(whole.status == 200);
        CHECK(whole.header("accept-ranges") == "bytes");
        CHECK(whole.body == bytes);
        const auto part = get(server, target, "Range: bytes=0-99\r\n");
        CHECK(part.status == 206);
        CHECK(part.header("content-range") == "bytes 0-99/" + std::to_string(bytes.size()));
        CHECK(part.body == bytes.substr(0, 100));
        // Never compressed: the range counts the bytes sent.
        const auto tail = get(server, target, "Range: bytes=-50\r\nAccept-Encoding: gzip\r\n");
        CHECK(tail.status == 206);
        CHECK(tail.header("content-encoding").empty());
        CHECK(tail.body == bytes.substr(bytes.size() - 50));
        const auto past =
            get(server, target, "Range: bytes=" + std::to_string(bytes.size()) + "-\r\n");
        CHECK(past.status == 416);
        CHECK(past.header("content-range") == "bytes */" + std::to_string(bytes.size()));
        CHECK(json::parse(past.body)["error"]["code"] == "bad_range");
        const auto several = get(server, target, "Range: bytes=0-9,20-29\r\n");
        CHECK(several.status == 200);
        CHECK(several.body == bytes);
    }
    // If-Range naming another version of the file: the whole file.
    const auto stale = get(server, "/index.html", "Range: bytes=0-9\r\nIf-Range: \"0\"\r\n");
    CHECK(stale.status == 200);
    CHECK(stale.body == page);
    const auto json_answer = get(server, "/api/stats", "Range: bytes=0-9\r\n");
    CHECK(json_answer.status == 200);
    CHECK(json::parse(json_answer.body)["documents"].get<int>() > 0);
}

TEST_CASE("originals: text keeps its charset or is converted, and has a readable name",
          "[http][source]") {
    const auto& server = *transport().plain;
    struct Case {
        std::string file, content_type, converted_from;
    };
    for (const Case& c :
         {Case{kSeed, "text/plain; charset=utf-8", ""},
          Case{kFixtures + "seed000-windows1258.txt", "text/plain; charset=windows-1258", ""},
          Case{kFixtures + "seed000-utf16.txt", "text/plain; charset=utf-16", ""},
          Case{kFixtures + "seed000-tcvn3.txt", "text/plain; charset=utf-8", "TCVN3"},
          Case{kFixtures + "seed000-vni.txt", "text/plain; charset=utf-8", "VNI"},
          Case{kFixtures + "seed000.html", "text/html; charset=utf-8", ""}}) {
        INFO(c.file);
        const auto r = get(server, "/api/documents/" + c.file + "/source");
        REQUIRE(r.status == 200);
        CHECK(r.header("content-type") == c.content_type);
        CHECK(r.header("x-converted-from") == c.converted_from);
        const std::string extension = c.file.substr(c.file.rfind('.'));
        CHECK(lists(r.header("content-disposition"),
                    "filename*=UTF-8''Cong-van-2265-SGDDDT-VP" + extension));
        const std::string file = test::read_file(std::string(TRACUU_SOURCE_DIR) + "/" + c.file);
        if (c.converted_from.empty()) {
            CHECK(r.body == file);
        } else {
            CHECK(utf8::is_valid(r.body));
            CHECK(lists(r.body, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"));
        }
        // The document's JSON says the same.
        const auto doc = get(server, "/api/documents/" + c.file);
        CHECK(json::parse(doc.body)["source"]["content_type"] == c.content_type);
    }
}

TEST_CASE("originals: file names from the number and type", "[source]") {
    const json fields = {{"type", {{"value", "Công văn"}}},
                         {"number", {{"value", "2265/SGDDĐT-VP"}}}};
    CHECK(download_name(fields, ".txt", "x.txt") == "Cong-van-2265-SGDDDT-VP.txt");
    const json resolution = {{"type", {{"value", "Nghị quyết"}}},
                             {"number", {{"value", "57-NQ/TW"}}}};
    CHECK(download_name(resolution, ".pdf", "x.pdf") == "Nghi-quyet-57-NQ-TW.pdf");
    CHECK(download_name({{"number", {{"value", "118/2025/NĐ-CP"}}}}, ".docx", "x.docx") ==
          "118-2025-ND-CP.docx");
    CHECK(download_name(json::object(), ".txt", "000_ad8c.txt") == "000_ad8c.txt");
    // Issue 17: without a number, by type, issuer and date rather than the stored hash name.
    const json unnumbered = {{"type", {{"value", "Công văn"}}},
                             {"issuer", {{"value", "Ủy ban nhân dân tỉnh Đồng Nai"}}},
                             {"month", {{"value", "2025-10"}}},
                             {"year", {{"value", "2025"}}}};
    CHECK(download_name(unnumbered, ".txt", "004_8835.txt") ==
          "Cong-van-Uy-ban-nhan-dan-tinh-Dong-Nai-2025-10.txt");
    CHECK(text_charset("UTF-8").charset == "utf-8");
    CHECK(text_charset("TCVN3").converted_from == "TCVN3");
    CHECK(text_charset("VNI (legacy font, detected)").converted_from == "VNI");
    CHECK(text_charset("declared in the page").charset.empty());
}

TEST_CASE("originals: the source reply is a value, read without a socket", "[source]") {
    const Xapian::Database db(test::bundled_index().string());
    const std::string id = "seeds/000_ad8cc43618a4a18a.txt";
    const std::string file = test::read_file(test::bundled_corpus_dir() / id);
    auto header = [](const SourceReply& reply, const std::string& name) {
        for (const auto& [key, value] : reply.headers)
            if (key == name) return value;
        return std::string();
    };
    auto body = [](const SourceReply& reply) {
        std::string bytes(reply.length, '\0');
        reply.bytes->seekg(static_cast<std::streamoff>(reply.offset));
        reply.bytes->read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return bytes;
    };

    const SourceReply whole = source_reply(db, id, {});
    REQUIRE_FALSE(whole.error);
    CHECK(whole.status == 200);
    CHECK(whole.content_type.starts_with("text/plain"));
    CHECK(header(whole, "Content-Security-Policy") == "sandbox");
    CHECK(header(whole, "Content-Disposition").starts_with("inline; filename*=UTF-8''"));
    CHECK(body(whole) == file);

    const SourceReply part = source_reply(db, id, {{0, 9}});
    CHECK(part.status == 206);
    CHECK(header(part, "Content-Range") == "bytes 0-9/" + std::to_string(file.size()));
    CHECK(body(part) == file.substr(0, 10));

    const SourceReply past = source_reply(db, id, {{10000000, -1}});
    REQUIRE(past.error);
    CHECK(past.status == 416);
    CHECK(header(past, "Content-Range") == "bytes */" + std::to_string(file.size()));

    CHECK(source_reply(db, "seeds/none.txt", {}).status == 404);
    CHECK(source_reply(db, "../etc/passwd", {}).status == 400);
}

TEST_CASE("listening beyond loopback without tokens is warned about", "[tokens]") {
    ServerConfig config;
    config.host = "127.0.0.1";
    CHECK(exposure_warning(config).empty());
    config.host = "localhost";
    CHECK(exposure_warning(config).empty());
    config.host = "0.0.0.0";
    CHECK(lists(exposure_warning(config), "--token-file"));
    config.host = "192.168.1.10";
    CHECK_FALSE(exposure_warning(config).empty());
    config.token_file = "/etc/tracuu/tokens";
    CHECK(exposure_warning(config).empty());
}
