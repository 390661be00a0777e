// `papergraph serve`: the HTTP layer (cpp-httplib) over web::Api and the
// built-in assets. Read-only: only GET (and HEAD) are answered, anything else
// is 405. Requests past the URL or body bounds are refused (414 / 413); a
// request whose Host is not this machine's loopback name is refused (403) so
// that another site cannot read the graph through DNS rebinding. Thread-safe:
// httplib serves requests on a thread pool; Stop() may be called from any
// thread.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "storage/store.h"
#include "web/api.h"

namespace httplib {
class Server;
}

namespace pg::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  size_t max_url_bytes = 8192;
  size_t max_body_bytes = 4096;  // GET needs none; a larger body is a 413
  int threads = 8;
  ApiOptions api;
};

class WebServer {
 public:
  // REQUIRES: store (a read-only instance) outlives the server.
  WebServer(Store* store, ServerOptions options);
  ~WebServer();

  // Binds the socket; returns the port (the chosen one when options.port is 0).
  Result<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  Status Run();
  void Stop();
  bool IsRunning() const;

 private:
  void Routes();

  ServerOptions options_;
  Api api_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace pg::web
