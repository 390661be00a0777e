// `papergraph serve`: the HTTP layer (cpp-httplib, under web/http_server.h)
// over web::Api and the built-in assets. Read-only: only GET (and HEAD) are
// answered, anything else is 405. Requests past the URL, head or body bounds
// are refused (414 / 431 / 413), requests that arrive too slowly get 408; a
// request whose Host is not this machine's loopback name is refused (403) so
// that another site cannot read the graph through DNS rebinding. Thread-safe:
// requests run on a pool of worker threads, connections wait for their
// request without one; Stop() may be called from any thread.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "storage/store.h"
#include "web/api.h"

namespace pg::web {

class HttpServer;
struct ConnectionCounters;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  size_t max_url_bytes = 8192;
  size_t max_body_bytes = 4096;  // GET needs none; a larger body is a 413
  int threads = 8;               // request threads
  size_t max_connections = 1024;  // open at once; past it the longest-idle one is dropped
  int request_timeout_ms = 5000;  // a request must arrive within this (408), once begun
  int idle_timeout_ms = 5000;     // a connection without a request is closed after this
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
  // Connections and requests since the start (also in /api/stats as "server").
  ConnectionCounters Counters() const;

 private:
  void Routes();

  ServerOptions options_;
  Api api_;
  std::unique_ptr<HttpServer> http_;
};

}  // namespace pg::web
