// What the shard tests share: the bundled corpus indexed as one database and as three shards,
// and xapian-tcpsrv processes serving a shard on loopback.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "support.hpp"

namespace tracuu::test {

/// A TCP port on loopback that no one listens on now.
int free_port();

/// The bundled corpus as one database and as three shards, built once per run.
struct Layouts {
    TempDir dir;
    fs::path one = dir / "one";
    fs::path three = dir / "three";
    Layouts();
};
const Layouts& layouts();

/// A xapian-tcpsrv of one shard on a free loopback port, in its own process group (it forks a
/// process per connection): stop() kills the whole group, as a machine going down would;
/// pause() stops it (SIGSTOP), as a machine too loaded to answer.
class TcpServer {
  public:
    explicit TcpServer(const fs::path& db, int port = 0) : db_(db) { start(port); }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    int port() const { return port_; }
    /// `tcp://127.0.0.1:PORT`, as the server names the shard.
    std::string address() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
    void start(int port);
    void stop();
    void pause();
    void resume();

  private:
    fs::path db_;
    int pid_ = -1;
    int port_ = 0;
};

/// Three TcpServers, one per shard of layouts().three, and a stub folder `dir/remote` listing
/// them (`remote 127.0.0.1:PORT`).
struct RemoteShards {
    TempDir dir;
    std::vector<std::unique_ptr<TcpServer>> servers;
    fs::path stub_folder() const { return dir / "remote"; }
    RemoteShards();
};

/// Asks `done` until it is true or `deadline` has passed (a generous bound, not a timing: a
/// state another process reaches when it will), a few times a second; whether it became true.
bool poll_until(std::chrono::steady_clock::duration deadline, const std::function<bool()>& done);

}  // namespace tracuu::test
