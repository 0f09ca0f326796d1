// Xapian stub databases: a folder holding a `XAPIANDB` file (or such a file itself) that lists the
// shards searched as one database, one a line, in Xapian 1.4's own format:
//   auto PATH           a database folder (or another stub), relative to the stub's folder
//   glass PATH          the same, for a glass database
//   remote HOST:PORT    a xapian-tcpsrv (IPv6 as [ADDR]:PORT)
//   remote :PROG ARGS   a program speaking the remote protocol on its stdin/stdout (xapian-progsrv)
// Blank lines and lines starting with `#` are skipped. tracuu reads the list itself so that each
// shard is opened, watched and tabled on its own (a Database opened from the stub is one
// multi-database whose shards cannot be reached). `tracuu-index --shards N` writes such a folder.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace tracuu {

/// A stub file that cannot be read or has a line Xapian would not open.
class StubError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct StubShard {
    enum class Kind { Local, RemoteTcp, RemoteProgram };
    Kind kind = Kind::Local;
    std::string path;  ///< Local: absolute folder; RemoteProgram: the program
    std::string host;  ///< RemoteTcp
    unsigned port = 0;
    std::string args;  ///< RemoteProgram

    /// How the server names it: the folder, `tcp://HOST:PORT` or `prog:PROG ARGS`.
    std::string spec() const;
};

/// The stub file of `path`: `path/XAPIANDB` for a folder that has it and is no database itself,
/// `path` for a regular file; "" when `path` is no stub.
std::filesystem::path stub_file_of(const std::filesystem::path& path);

/// The shards a stub lists, stubs within it expanded (to a small depth). Throws StubError.
std::vector<StubShard> read_stub(const std::filesystem::path& stub_file);

/// Writes `dir/XAPIANDB` listing `auto NAME` for each name (relative to `dir`), atomically (a
/// temporary file renamed over it). Throws std::runtime_error.
void write_stub(const std::filesystem::path& dir, const std::vector<std::string>& shard_names);

}  // namespace tracuu
