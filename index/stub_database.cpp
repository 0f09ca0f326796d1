#include "stub_database.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace tracuu {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxDepth = 8;  // stubs listing stubs: deeper is a loop

bool is_database_folder(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec);
}

/// Xapian's rule: a relative path is relative to the folder holding the stub file.
fs::path resolve(const std::string& path, const fs::path& stub_file) {
    const fs::path p(path);
    return (p.is_absolute() ? p : stub_file.parent_path() / p).lexically_normal();
}

void read_into(const fs::path& stub_file, int depth, std::vector<StubShard>& out) {
    if (depth > kMaxDepth)
        throw StubError("stub database " + stub_file.string() + ": stubs nested too deep");
    std::ifstream in(stub_file);
    if (!in) {
        throw StubError("cannot read stub database " + stub_file.string() + " (" +
                        std::strerror(errno) + ")");
    }
    std::string line;
    unsigned line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        const auto space = line.find(' ');
        const std::string type = line.substr(0, space);
        const std::string rest =
            space == std::string::npos ? std::string() : line.substr(space + 1);
        const std::string where = stub_file.string() + ":" + std::to_string(line_no) + ": ";
        if ((type == "auto" || type == "glass") && !rest.empty()) {
            const fs::path path = resolve(rest, stub_file);
            const fs::path inner = type == "auto" ? stub_file_of(path) : fs::path();
            if (!inner.empty()) {
                read_into(inner, depth + 1, out);
            } else {
                StubShard shard;
                shard.path = path.string();
                out.push_back(std::move(shard));
            }
            continue;
        }
        if (type == "remote" && rest.starts_with(':')) {
            const auto gap = rest.find(' ');
            StubShard shard;
            shard.kind = StubShard::Kind::RemoteProgram;
            shard.path = rest.substr(1, gap == std::string::npos ? std::string::npos : gap - 1);
            if (gap != std::string::npos) shard.args = rest.substr(gap + 1);
            if (shard.path.empty()) throw StubError(where + "remote :PROG needs a program");
            out.push_back(std::move(shard));
            continue;
        }
        if (type == "remote") {
            const auto colon = rest.rfind(':');
            std::string host = colon == std::string::npos ? std::string() : rest.substr(0, colon);
            const std::string port =
                colon == std::string::npos ? std::string() : rest.substr(colon + 1);
            if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
                host = host.substr(1, host.size() - 2);
            unsigned long number = 0;
            bool ok = !host.empty() && !port.empty() && port.size() <= 5;
            for (char c : port) ok = ok && c >= '0' && c <= '9';
            if (ok) number = std::stoul(port);
            if (!ok || number == 0 || number > 65535)
                throw StubError(where + "a remote shard is written `remote HOST:PORT`");
            StubShard shard;
            shard.kind = StubShard::Kind::RemoteTcp;
            shard.host = std::move(host);
            shard.port = static_cast<unsigned>(number);
            out.push_back(std::move(shard));
            continue;
        }
        // Not the line itself: a file read as a stub by mistake may be private.
        throw StubError(where +
                        "not a line of a Xapian stub database (auto PATH, glass PATH, "
                        "remote HOST:PORT, remote :PROG ARGS)");
    }
}

}  // namespace

std::string StubShard::spec() const {
    switch (kind) {
        case Kind::Local:
            return path;
        case Kind::RemoteTcp:
            return "tcp://" + (host.find(':') != std::string::npos ? "[" + host + "]" : host) +
                   ":" + std::to_string(port);
        case Kind::RemoteProgram:
            return "prog:" + path + (args.empty() ? std::string() : " " + args);
    }
    return path;
}

fs::path stub_file_of(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_regular_file(status)) return path;
    if (fs::is_directory(status) && !is_database_folder(path) &&
        fs::is_regular_file(path / "XAPIANDB", ec))
        return path / "XAPIANDB";
    return {};
}

std::vector<StubShard> read_stub(const fs::path& stub_file) {
    std::vector<StubShard> shards;
    read_into(fs::absolute(stub_file).lexically_normal(), 0, shards);
    if (shards.empty()) throw StubError("stub database " + stub_file.string() + " lists no shard");
    return shards;
}

void write_stub(const fs::path& dir, const std::vector<std::string>& shard_names) {
    std::string text = "# tracuu shards: searched as one database (Xapian stub format)\n";
    for (const auto& name : shard_names) text += "auto " + name + "\n";
    const fs::path temporary = dir / (".XAPIANDB." + std::to_string(::getpid()));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot write " + temporary.string() + ": " +
                                 std::strerror(errno));
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced || ::rename(temporary.c_str(), (dir / "XAPIANDB").c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot write " + (dir / "XAPIANDB").string() + ": " + reason);
    }
}

}  // namespace tracuu
