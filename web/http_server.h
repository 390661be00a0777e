// The HTTP layer under WebServer: cpp-httplib parses requests and routes
// them, but its connection handling is replaced, so that slow and idle
// clients cost no request thread.
//
// Why: httplib 0.11 gives a connection one pool thread from accept to close.
// A client that sends half a request and stalls, or trickles it a byte
// every few seconds (slowloris), holds that thread; as many such clients as
// threads stop the server. Here a connection first waits in a waiting room
// (one epoll thread, no request thread) until its whole request head, and
// its body if it is small, has arrived, within a deadline; only then does a
// worker thread run it, and between keep-alive requests it goes back to the
// room. The room also bounds what a client can make the server hold: the
// request line, the head and the body (413, 414 and 431 at once, without
// reading the rest), the time to send a request (408) and the number of open
// connections (past max_connections the longest-idle one is dropped for a
// new one, or with none idle the new one gets 503; a burst faster than the
// room may overshoot by a quarter, past which new ones get 503 at once).
//
// Thread-safe: Run() serves until Stop(), which any thread may call.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pg::web {

struct ConnectionLimits {
  int workers = 8;                  // threads that run requests
  size_t max_connections = 1024;    // open at once, waiting or running
  size_t max_url_bytes = 8192;      // the request line, roughly: longer is a 414
  size_t max_head_bytes = 32768;    // request line and headers: longer is a 431
  size_t max_body_bytes = 4096;     // a larger declared body is a 413
  size_t keep_alive_max = 100;      // requests on one connection
  std::chrono::milliseconds idle_timeout{5000};     // a connection may wait this long for its next request
  std::chrono::milliseconds request_timeout{5000};  // from a request's first byte to its last
  std::chrono::milliseconds write_timeout{10000};   // to send one response
};

// Counters since the server started, for /api/stats and the stress test.
struct ConnectionCounters {
  uint64_t accepted = 0;
  uint64_t requests = 0;    // run by a worker
  uint64_t timed_out = 0;   // closed for sending too slowly, or idle too long
  uint64_t refused = 0;     // 413/414/431/503 from the room, or dropped for a newer connection
  uint64_t open = 0;        // open now
  uint64_t max_open = 0;    // the most open at once
};

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(ConnectionLimits limits);
  ~HttpServer() override;

  // After bind: a listen backlog for bursts of connections (httplib's is 5).
  void SetBacklog(int backlog);
  // Serves until Stop(); the workers and the room live as long as this runs.
  bool Serve();
  void Stop();

  ConnectionCounters Counters() const;

  struct Conn;  // one client connection (http_server.cc)

 private:
  // httplib calls this on its (small) accept pool for each new connection:
  // it only hands the socket to the room.
  bool process_and_close_socket(socket_t sock) override;

  void RoomLoop();
  void WorkerLoop();
  void Run(std::unique_ptr<Conn> conn);  // one request, on a worker
  void Park(std::unique_ptr<Conn> conn);  // back to the room (from a worker)
  void Close(std::unique_ptr<Conn> conn);

  ConnectionLimits limits_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: the room has mail or must stop

  std::mutex mu_;  // guards everything below it
  bool stopping_ = false;
  bool serving_ = false;
  std::vector<int> new_sockets_;                  // accepted, for the room
  std::vector<std::unique_ptr<Conn>> returning_;  // parked by workers, for the room
  std::deque<std::unique_ptr<Conn>> ready_;       // complete requests, for the workers
  std::condition_variable ready_cv_;

  std::thread room_;
  std::vector<std::thread> workers_;

  std::atomic<uint64_t> accepted_{0}, requests_{0}, timed_out_{0}, refused_{0}, open_{0}, max_open_{0};
};

}  // namespace pg::web
