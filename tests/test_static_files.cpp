// The page's files: content types and caching on the real static/ folder, and the real server
// refusing every way out of its folder (traversal in all spellings, symlinks made by the test).
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "server/page_fields.hpp"
#include "server/static_files.hpp"
#include "support.hpp"

using namespace tracuu;
namespace fs = std::filesystem;

namespace {

fs::path page_dir() {
    return fs::path(TRACUU_SOURCE_DIR) / "static";
}

std::string header(const StaticReply& reply, const std::string& name) {
    for (const auto& [key, value] : reply.headers) {
        if (key == name) return value;
    }
    return {};
}

struct RawReply {
    int status = 0;
    std::string head;
    std::string body;
};

/// Sends `GET target` byte for byte (no client-side normalising or encoding) and reads the reply.
RawReply raw_get(int port, const std::string& target) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const std::string request =
        "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
    std::string answer;
    char buffer[4096];
    ssize_t n;
    while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, n);
    close(fd);
    RawReply reply;
    const auto end_of_head = answer.find("\r\n\r\n");
    REQUIRE(end_of_head != std::string::npos);
    reply.head = answer.substr(0, end_of_head);
    reply.body = answer.substr(end_of_head + 4);
    REQUIRE(reply.head.starts_with("HTTP/1.1 "));
    reply.status = std::stoi(reply.head.substr(9, 3));
    return reply;
}

}  // namespace

TEST_CASE("static files: content types, index.html at /, revalidation", "[static]") {
    const fs::path root = static_root(page_dir());

    const StaticReply index = serve_static(root, "/?q=chuyen%20doi%20so&page=2");
    REQUIRE(index.status == 200);
    CHECK(index.content_type == "text/html; charset=utf-8");
    CHECK(index.body == test::read_file(page_dir() / "index.html"));
    CHECK(header(index, "Cache-Control") == "no-cache");
    CHECK_FALSE(header(index, "Last-Modified").empty());
    CHECK(header(index, "Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    const std::string etag = header(index, "ETag");
    REQUIRE(etag.size() > 2);
    CHECK(serve_static(root, "/index.html").body == index.body);

    // Unchanged: 304 without a body; another tag or none: the file again.
    const StaticReply again = serve_static(root, "/", etag);
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(header(again, "ETag") == etag);
    CHECK(serve_static(root, "/", "\"other\", W/" + etag).status == 304);
    CHECK(serve_static(root, "/", "\"other\"").status == 200);

    const StaticReply script = serve_static(root, "/js/main.js");
    REQUIRE(script.status == 200);
    CHECK(script.content_type == "text/javascript; charset=utf-8");
    CHECK(header(script, "ETag") != etag);
    CHECK(serve_static(root, "/app.css").content_type == "text/css; charset=utf-8");
    CHECK(serve_static(root, "/favicon.svg").content_type == "image/svg+xml; charset=utf-8");
    CHECK(serve_static(root, "/favicon.ico").status == 404);

    const std::vector<std::pair<std::string, std::string>> types = {
        {"a.png", "image/png"},
        {"A.PNG", "image/png"},
        {"x.ico", "image/x-icon"},
        {"data.json", "application/json; charset=utf-8"},
        {"m.mjs", "text/javascript; charset=utf-8"},
        {"f.woff2", "font/woff2"},
        {"notes", "application/octet-stream"},
    };
    for (const auto& [name, type] : types) CHECK(content_type_for(name) == type);

    CHECK_THROWS_WITH(static_root(page_dir() / "no-such-folder"),
                      Catch::Contains("no-such-folder") && Catch::Contains("does not exist"));
}

TEST_CASE("the page's query fields and statuses are the server's tables", "[static]") {
    INFO(kPageFieldsPath << " is not what the tables give: run `" << kPageFieldsCommand
                         << "` and commit it");
    CHECK(test::read_file(fs::path(TRACUU_SOURCE_DIR) / kPageFieldsPath) == page_fields_module());
}

TEST_CASE("the real server never serves a file outside static/", "[static][http]") {
    test::TempDir tmp;
    const fs::path page = tmp / "page";
    fs::copy(page_dir(), page, fs::copy_options::recursive);
    const std::string secret = "SECRET-outside-the-page-folder";
    test::write_file(tmp / "secret.txt", secret);
    fs::create_symlink(tmp / "secret.txt", page / "leak.txt");
    fs::create_symlink("../secret.txt", page / "relative-leak.txt");
    fs::create_directory_symlink(tmp.path(), page / "up");
    fs::create_directory_symlink("/etc", page / "etc");
    fs::create_symlink("app.css", page / "alias.css");  // stays inside: served

    test::ServerProcess server(test::bundled_index(), {"--static", page.string()});

    const RawReply index = raw_get(server.port(), "/");
    CHECK(index.status == 200);
    CHECK(index.head.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
    CHECK(index.body == test::read_file(page / "index.html"));
    CHECK(raw_get(server.port(), "/alias.css").body == test::read_file(page / "app.css"));
    // The API still wins over the catch-all page route.
    CHECK(raw_get(server.port(), "/api/stats").body.find("\"documents\"") != std::string::npos);

    const std::vector<std::pair<std::string, int>> refused = {
        {"/../secret.txt", 400},
        {"/../../../../etc/passwd", 400},
        {"/js/../../secret.txt", 400},
        {"/%2e%2e/secret.txt", 400},
        {"/%2E%2E/%2e%2E/etc/passwd", 400},
        {"/.%2e/secret.txt", 400},
        {"/..%2fsecret.txt", 400},
        {"/%2e%2e%2fsecret.txt", 400},
        {"/js%2f..%2f..%2fsecret.txt", 400},
        {"/..\\secret.txt", 400},
        {"/%5c..%5csecret.txt", 400},
        {"/js\\..\\..\\secret.txt", 400},
        {"//etc/passwd", 400},
        {"/%2fetc%2fpasswd", 400},
        {"http://127.0.0.1/../secret.txt", 400},
        {"/./index.html", 400},
        {"/secret.txt%00.html", 400},
        {"/%zz", 400},
        {"/leak.txt", 403},
        {"/relative-leak.txt", 403},
        {"/up/secret.txt", 403},
        {"/etc/passwd", 403},
        {"/secret.txt", 404},
        {"/.hidden", 404},
        {"/no-such-file.js", 404},
    };
    for (const auto& [target, status] : refused) {
        INFO("GET " << target);
        const RawReply reply = raw_get(server.port(), target);
        CHECK(reply.status == status);
        CHECK(reply.head.find("Content-Type: application/json") != std::string::npos);
        CHECK(reply.body.find(secret) == std::string::npos);
        CHECK(reply.body.find("root:") == std::string::npos);
        const auto error = nlohmann::json::parse(reply.body)["error"];
        CHECK_FALSE(error["code"].get<std::string>().empty());
        CHECK_FALSE(error["message"].get<std::string>().empty());
    }
}
