// tracuu.conf and the command line (config/): how lines are read, how the file and the command
// line combine, and that the defaults --print-config shows are the programs' own.
#include <catch2/catch.hpp>

#include <fstream>

#include "config/command_line.hpp"
#include "config/config_file.hpp"
#include "indexer/index_command.hpp"
#include "server/http_server.hpp"
#include "support.hpp"

using namespace tracuu;
using namespace tracuu::config;

namespace {

struct LineCase {
    std::string text;
    std::string key;  ///< empty: no entry
    std::string value;
};

/// Runs read_command_line on `args` (program name first) and a configuration file holding `text`.
CommandLine run(Program program, const std::string& text, std::vector<std::string> args) {
    static test::TempDir dir;
    const auto path = dir.path() / "tracuu.conf";
    std::ofstream(path) << text;
    args.insert(args.begin(), {"program", "--config", path.string()});
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    static constexpr OptionSpec options[] = {{"--db", true},          {"--listen", true},
                                             {"--cors-origin", true}, {"--jobs", true},
                                             {"--prune", false},      {"--quiet", false}};
    return read_command_line(static_cast<int>(argv.size()), argv.data(), program, options);
}

std::vector<std::string> flat(const CommandLine& line) {
    std::vector<std::string> out;
    for (const auto& [option, value] : line.arguments) out.push_back(option + "=" + value);
    return out;
}

}  // namespace

TEST_CASE("configuration lines are KEY=value, comments and blanks skipped", "[config]") {
    const std::vector<LineCase> cases = {
        {"DB=/var/lib/tracuu/db", "DB", "/var/lib/tracuu/db"},
        {"  DB = /var/lib/tracuu/db  ", "DB", "/var/lib/tracuu/db"},
        {"DB=\"/srv/văn bản/db\"", "DB", "/srv/văn bản/db"},
        {"DB='/srv/db'", "DB", "/srv/db"},
        {"INDEX_FOLDER=/srv/Công văn đến", "INDEX_FOLDER", "/srv/Công văn đến"},
        {"SERVER_CORS_ORIGIN=https://a.example:8443", "SERVER_CORS_ORIGIN",
         "https://a.example:8443"},
        {"SERVER_TOKEN_FILE=", "SERVER_TOKEN_FILE", ""},
        {"DB=a=b", "DB", "a=b"},
        {"DB=/x\r", "DB", "/x"},
        {"# DB=/x", "", ""},
        {"   #DB=/x", "", ""},
        {"", "", ""},
        {"  \t ", "", ""},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto entries = parse_config(c.text + "\n", "f");
        if (c.key.empty()) {
            CHECK(entries.empty());
        } else {
            REQUIRE(entries.size() == 1);
            CHECK(entries[0].key == c.key);
            CHECK(entries[0].value == c.value);
            CHECK(entries[0].line == 1);
        }
    }
}

TEST_CASE("a line that is not KEY=value is an error naming file and line", "[config]") {
    for (const std::string bad : {"DB", "db=/x", "=/x", "D B=/x", "DB /x", "ĐB=/x"}) {
        INFO(bad);
        try {
            parse_config("# first\n" + bad + "\n", "/etc/tracuu/tracuu.conf");
            FAIL("accepted");
        } catch (const ConfigError& e) {
            CHECK(std::string(e.what()).starts_with("/etc/tracuu/tracuu.conf:2: "));
        }
    }
    CHECK_THROWS_AS(read_config_file("/nonexistent/tracuu.conf"), ConfigError);
}

TEST_CASE("the file's settings come first and the command line replaces them", "[config]") {
    const std::string file =
        "DB=/var/lib/tracuu/db\nSERVER_LISTEN=127.0.0.1:8080\nINDEX_FOLDER=/srv/a\n"
        "INDEX_FOLDER=/srv/b c\nSERVER_CORS_ORIGIN=https://x.example\nINDEX_JOBS=\n";
    SECTION("the server takes its own keys and DB, not the indexer's") {
        CHECK(flat(run(kServer, file, {})) ==
              std::vector<std::string>{"--db=/var/lib/tracuu/db", "--listen=127.0.0.1:8080",
                                       "--cors-origin=https://x.example"});
    }
    SECTION("the indexer's folders are its PATH arguments; an empty value sets nothing") {
        CHECK(flat(run(kIndex, file, {"--prune"})) ==
              std::vector<std::string>{"--db=/var/lib/tracuu/db", "=/srv/a", "=/srv/b c",
                                       "--prune="});
    }
    SECTION("an option given replaces every value of its key") {
        CHECK(flat(run(kServer, file, {"--cors-origin", "*", "--listen", "0.0.0.0:80"})) ==
              std::vector<std::string>{"--db=/var/lib/tracuu/db", "--cors-origin=*",
                                       "--listen=0.0.0.0:80"});
        CHECK(flat(run(kIndex, file, {"/srv/new"})) ==
              std::vector<std::string>{"--db=/var/lib/tracuu/db", "=/srv/new"});
    }
    SECTION("--print-config: the effective settings, defaults for the rest, a file again") {
        const auto line = run(kServer, file, {"--listen", "0.0.0.0:80", "--print-config"});
        CHECK(line.print_config);
        const auto text = effective_config(line, kServer);
        CHECK(text.find("\nDB=/var/lib/tracuu/db\n") != std::string::npos);
        CHECK(text.find("\nSERVER_LISTEN=0.0.0.0:80\n") != std::string::npos);
        CHECK(text.find("\nSERVER_THREADS=64\n") != std::string::npos);
        CHECK(text.find("\nSERVER_TOKEN_FILE=\n") != std::string::npos);
        CHECK(text.find("INDEX_") == std::string::npos);
        CHECK(effective_config(run(kServer, text, {}), kServer) == text);
    }
}

TEST_CASE("mistakes in the file stop both programs", "[config]") {
    for (const auto program : {kIndex, kServer}) {
        CHECK_THROWS_WITH(run(program, "DB=/a\nSERVER_LISTN=x\n", {}),
                          Catch::Contains(":2: unknown key SERVER_LISTN"));
        CHECK_THROWS_WITH(run(program, "DB=/a\n\nDB=/b\n", {}),
                          Catch::Contains(":3: DB is already set on line 1"));
    }
    CHECK(run(kServer, "DB=/a\n", {"--nope"}).error == "unknown option --nope");
    CHECK(run(kServer, "DB=/a\n", {"--db"}).error == "--db needs a value");
}

TEST_CASE("the defaults --print-config shows are the programs' own", "[config]") {
    const auto default_of = [](std::string_view key) {
        for (const auto& setting : settings())
            if (setting.key == key) return std::string(setting.default_value);
        FAIL("no setting " << key);
        return std::string();
    };
    const ServerConfig server;
    CHECK(default_of("SERVER_LISTEN") == server.host + ":" + std::to_string(server.port));
    CHECK(default_of("SERVER_THREADS") == std::to_string(server.limits.threads));
    CHECK(default_of("SERVER_CACHE_MB") == std::to_string(server.cache_bytes >> 20));
    CHECK(default_of("SERVER_SHARD_TIMEOUT_MS") == std::to_string(server.shard_timeout.count()));
    CHECK(default_of("SERVER_TOKEN_FILE") == server.token_file.string());
    CHECK(server.cors_origins.empty());
    const IndexOptions index;
    CHECK(default_of("INDEX_JOBS") == std::to_string(index.jobs));
    CHECK(index.extraction.ocr == OcrMode::Auto);
    CHECK(default_of("INDEX_OCR") == "auto");
    CHECK(!version().empty());
}

TEST_CASE("both programs read a numeric option whole or not at all", "[config]") {
    using tracuu::config::positive_number;
    using tracuu::config::whole_number;
    CHECK(whole_number("12", 1, 256) == 12);
    CHECK(whole_number("256", 1, 256) == 256);
    for (const char* bad :
         {"", "0", "257", "12x", " 12", "+12", "-3", "1.5", "99999999999999999999"})
        CHECK_FALSE(whole_number(bad, 1, 256));
    CHECK(whole_number("0", 0, 10) == 0);
    CHECK(positive_number("2.5", 10) == 2.5);
    CHECK(positive_number("10", 10) == 10);
    for (const char* bad : {"", "0", "-1", "10.5", "nan", "inf", "2.5s", " 2"})
        CHECK_FALSE(positive_number(bad, 10));
}
