// The HTTP side: cpp-httplib routes that adapt requests to the handlers in api.hpp, the static
// page, JSON errors and the access log.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace httplib {
class Server;
}

namespace tracuu {

struct ServerConfig {
    std::vector<std::string> databases;  ///< directories or tcp://host:port shards
    std::string host = "127.0.0.1";
    int port = 8080;                   ///< 0: any free port (see bound_port)
    std::filesystem::path static_dir;  ///< empty: no page, API only
    bool access_log = true;
};

class HttpServer {
  public:
    explicit HttpServer(ServerConfig config);
    ~HttpServer();

    /// Binds the listening socket; returns the port (useful with port 0). Throws on failure.
    int bind();
    /// Serves until stop(); returns false if serving failed.
    bool serve();
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tracuu
