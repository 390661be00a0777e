// papergraph serve: the local web page and its JSON API (docs/web.md) on a
// read-only (secondary) instance of the database, so it keeps serving while
// `papergraph import` writes. Stops on SIGINT/SIGTERM.
#include <csignal>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "web/server.h"

namespace pg::cli {
namespace {

struct ServeOptions {
  web::ServerOptions server;
};

// The running server, for the signal handler thread.
void WaitForSignal(web::WebServer* server) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  server->Stop();
}

void RunServe(GlobalOptions& g, const ServeOptions& o) {
  // Signals go to the waiting thread only: blocked here, before any other
  // thread starts, so every thread inherits the mask. (Blocked after the
  // store opened, RocksDB's background threads still took SIGTERM and the
  // process died without cleaning up, leaving its reader directory in /tmp.)
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kRead, "papergraph serve");
  if (!store) return;

  web::WebServer server(store.get(), o.server);
  Result<int> port = server.Bind();
  if (!port.ok()) {
    std::cerr << "papergraph: " << port.status().message() << "\n";
    g.exit_code = kExitFailed;
    return;
  }
  std::string host = o.server.host.find(':') != std::string::npos ? "[" + o.server.host + "]" : o.server.host;
  std::cout << "papergraph: serving " << store->dir() << " at http://" << host << ":" << *port
            << "/  (read-only; Ctrl-C stops)" << std::endl;
  if (o.server.host != "127.0.0.1" && o.server.host != "localhost" && o.server.host != "::1")
    std::cerr << "papergraph: warning: listening on " << o.server.host
              << ", not loopback: anyone who can reach this address can read the graph\n";
  std::thread waiter(WaitForSignal, &server);
  Status s = server.Run();
  if (!s.ok()) {
    std::cerr << "papergraph: " << s.message() << "\n";
    g.exit_code = kExitFailed;
    pthread_kill(waiter.native_handle(), SIGTERM);
  }
  waiter.join();
}

}  // namespace

void RegisterServe(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the graph as a local web page and JSON API (read-only)");
  cmd->add_option("--host", o->server.host, "address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", o->server.port, "port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  cmd->add_option("--timeout-ms", o->server.api.limits.timeout_ms, "time limit of each query (default 5000)");
  cmd->add_option("--max-rows", o->server.api.limits.max_rows, "most rows of a query result (default 2000)");
  cmd->add_option("--threads", o->server.threads, "request threads (default 8)")->check(CLI::Range(1, 256));
  cmd->add_option("--max-connections", o->server.max_connections,
                  "open connections at once; past it the longest-idle one is dropped (default 1024)")
      ->check(CLI::Range(1, 65536));
  cmd->callback([&g, o] { RunServe(g, *o); });
}

}  // namespace pg::cli
