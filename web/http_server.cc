#include "web/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace pg::web {
namespace {

using Clock = std::chrono::steady_clock;

// After an error reply the room reads and drops what the client still sends,
// this long and this much at most, so the reply is not lost to a reset.
constexpr std::chrono::milliseconds kDrainTime{1000};
constexpr size_t kDrainBytes = 1 << 20;

// Waits until `fd` is ready for `events` or `deadline` passes.
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left < 0) return false;
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000 * 1000)));
    if (n > 0) return true;
    if (n == 0) {
      if (Clock::now() >= deadline) return false;
      continue;
    }
    if (errno != EINTR) return false;
  }
}

void Address(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  int r = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
               : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ip.clear();
  port = 0;
  if (r != 0) return;
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    port = ntohs(a->sin6_port);
  }
  ip = buf;
}

// A complete reply with an error body shaped like the API's (web/api.h),
// for what the room refuses before httplib sees the request.
std::string ErrorReply(int status, const char* reason, const char* code, const std::string& message) {
  nlohmann::ordered_json body = {
      {"error", message}, {"code", code}, {"message", message}, {"position", nullptr}, {"expected", nullptr}};
  std::string b = body.dump();
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(b.size()) +
         "\r\nConnection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n" + b;
}

// Best effort: the reply is small and the socket's buffer empty.
void SendNow(int fd, const std::string& data) { (void)::send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT); }

bool StartsWithNoCase(std::string_view line, std::string_view prefix) {
  if (line.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

struct HttpServer::Conn {
  explicit Conn(int f) : fd(f) {}
  int fd;
  std::string in;            // received, not yet consumed by a request
  size_t served = 0;         // requests answered on this connection
  bool started = false;      // part of the next request has arrived
  bool draining = false;     // refused: dropping input until closed
  size_t drained = 0;
  Clock::time_point deadline;
  Clock::time_point since;   // when it last began to wait (the oldest idle one is dropped first)
};

namespace {

// httplib's view of a connection: reads come first from what the room
// buffered (the whole request, as a rule), writes must finish by a deadline.
class ConnStream : public httplib::Stream {
 public:
  ConnStream(HttpServer::Conn* conn, const ConnectionLimits& limits)
      : conn_(conn),
        read_deadline_(Clock::now() + limits.request_timeout),
        write_deadline_(Clock::now() + limits.write_timeout) {}

  bool is_readable() const override {
    return pos_ < conn_->in.size() || WaitFor(conn_->fd, POLLIN, read_deadline_);
  }
  bool is_writable() const override { return WaitFor(conn_->fd, POLLOUT, write_deadline_); }

  ssize_t read(char* ptr, size_t size) override {
    if (pos_ >= conn_->in.size()) {
      conn_->in.clear();
      pos_ = 0;
      char buf[4096];
      for (;;) {
        if (!WaitFor(conn_->fd, POLLIN, read_deadline_)) return -1;
        ssize_t n = ::recv(conn_->fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0) {
          conn_->in.append(buf, static_cast<size_t>(n));
          break;
        }
        if (n == 0) return 0;
        if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return -1;
      }
    }
    size_t n = std::min(size, conn_->in.size() - pos_);
    std::memcpy(ptr, conn_->in.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    size_t done = 0;
    while (done < size) {
      ssize_t n = ::send(conn_->fd, ptr + done, size - done, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        done += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!WaitFor(conn_->fd, POLLOUT, write_deadline_)) return -1;
      } else {
        return -1;
      }
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { Address(conn_->fd, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Address(conn_->fd, false, ip, port); }
  socket_t socket() const override { return conn_->fd; }

  // Drops what the request consumed; a pipelined next request stays.
  void Consume() {
    conn_->in.erase(0, pos_);
    pos_ = 0;
  }

 private:
  HttpServer::Conn* conn_;
  size_t pos_ = 0;
  Clock::time_point read_deadline_, write_deadline_;
};

enum class Verdict { kWait, kReady, kTooLongUrl, kTooLongHead, kTooLarge };

// Whether `in` holds a whole request that a worker can run without waiting.
Verdict Judge(const std::string& in, const ConnectionLimits& limits) {
  const size_t max_line = limits.max_url_bytes + 64;  // method, version and spaces around the target
  size_t line_end = in.find('\n');
  if (line_end == std::string::npos) return in.size() > max_line ? Verdict::kTooLongUrl : Verdict::kWait;
  if (line_end > max_line) return Verdict::kTooLongUrl;
  size_t head_end = std::string::npos;
  if (size_t p = in.find("\r\n\r\n"); p != std::string::npos) head_end = p + 4;
  if (size_t p = in.find("\n\n"); p != std::string::npos && (head_end == std::string::npos || p + 2 < head_end))
    head_end = p + 2;
  if (head_end == std::string::npos) return in.size() > limits.max_head_bytes ? Verdict::kTooLongHead : Verdict::kWait;
  if (head_end > limits.max_head_bytes) return Verdict::kTooLongHead;
  // The body: only a small one with a length is waited for; httplib judges
  // a malformed length.
  size_t body = 0;
  std::string_view head(in.data(), head_end);
  size_t pos = line_end + 1;
  while (pos < head.size()) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    if (StartsWithNoCase(line, "transfer-encoding:")) return Verdict::kTooLarge;  // bodies are not accepted
    if (StartsWithNoCase(line, "content-length:")) {
      std::string_view v = line.substr(15);
      size_t i = v.find_first_not_of(" \t");
      uint64_t n = 0;
      bool digits = false;
      for (; i != std::string_view::npos && i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) {
        digits = true;
        n = n * 10 + static_cast<uint64_t>(v[i] - '0');
        if (n > limits.max_body_bytes) return Verdict::kTooLarge;
      }
      if (digits) body = static_cast<size_t>(n);
    }
  }
  return in.size() >= head_end + body ? Verdict::kReady : Verdict::kWait;
}

}  // namespace

HttpServer::HttpServer(ConnectionLimits limits) : limits_(std::move(limits)) {
  limits_.workers = std::max(1, limits_.workers);
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_fd_ >= 0 && wake_fd_ >= 0) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wake_fd_;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  }
  // httplib's own pool only hands sockets over: two threads are plenty.
  new_task_queue = [] { return new httplib::ThreadPool(2); };
}

HttpServer::~HttpServer() {
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

void HttpServer::SetBacklog(int backlog) {
  socket_t s = svr_sock_;
  if (s != INVALID_SOCKET) ::listen(s, backlog);  // a second listen(2) only changes the backlog
}

ConnectionCounters HttpServer::Counters() const {
  return {accepted_.load(), requests_.load(), timed_out_.load(), refused_.load(), open_.load(), max_open_.load()};
}

bool HttpServer::Serve() {
  if (epoll_fd_ < 0 || wake_fd_ < 0) return false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = false;
    serving_ = true;
  }
  room_ = std::thread([this] { RoomLoop(); });
  for (int i = 0; i < limits_.workers; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  bool ok = listen_after_bind();
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    serving_ = false;
  }
  ready_cv_.notify_all();
  uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof one);
  room_.join();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& c : ready_) Close(std::move(c));
  ready_.clear();
  for (auto& c : returning_) Close(std::move(c));
  returning_.clear();
  for (int fd : new_sockets_) {
    ::close(fd);
    --open_;
  }
  new_sockets_.clear();
  return ok;
}

void HttpServer::Stop() { stop(); }

bool HttpServer::process_and_close_socket(socket_t sock) {
  int one = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  // a reply is written in pieces
  uint64_t open = ++open_;
  ++accepted_;
  // The room drops idle connections when there are more than
  // max_connections; a burst of new ones arrives faster than it can, so
  // here, past a quarter more, a new connection is refused outright.
  if (open > limits_.max_connections + limits_.max_connections / 4 + 1) {
    SendNow(sock, ErrorReply(503, "Service Unavailable", "too_many_connections",
                             "the server has too many open connections; try again"));
    ::close(sock);
    --open_;
    ++refused_;
    return false;
  }
  for (uint64_t m = max_open_.load(); open > m && !max_open_.compare_exchange_weak(m, open);) {
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_ && serving_) {
      new_sockets_.push_back(sock);
      uint64_t wake = 1;
      (void)!::write(wake_fd_, &wake, sizeof wake);
      return true;
    }
  }
  ::close(sock);
  --open_;
  return false;
}

void HttpServer::Close(std::unique_ptr<Conn> conn) {
  if (!conn) return;
  ::close(conn->fd);
  --open_;
}

void HttpServer::Park(std::unique_ptr<Conn> conn) {
  conn->started = !conn->in.empty();
  conn->since = Clock::now();
  conn->deadline = conn->since + (conn->started ? limits_.request_timeout : limits_.idle_timeout);
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return Close(std::move(conn));
  returning_.push_back(std::move(conn));
  uint64_t wake = 1;
  (void)!::write(wake_fd_, &wake, sizeof wake);
}

void HttpServer::WorkerLoop() {
  for (;;) {
    std::unique_ptr<Conn> conn;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
      if (stopping_) return;
      conn = std::move(ready_.front());
      ready_.pop_front();
    }
    Run(std::move(conn));
  }
}

void HttpServer::Run(std::unique_ptr<Conn> conn) {
  ++requests_;
  bool close_connection = conn->served + 1 >= limits_.keep_alive_max;
  {
    std::lock_guard<std::mutex> lock(mu_);
    close_connection = close_connection || stopping_;
  }
  bool connection_closed = false;
  ConnStream stream(conn.get(), limits_);
  bool ok = process_request(stream, close_connection, connection_closed, nullptr);
  stream.Consume();
  ++conn->served;
  if (!ok || connection_closed || close_connection) return Close(std::move(conn));
  Park(std::move(conn));
}

void HttpServer::RoomLoop() {
  std::unordered_map<int, std::unique_ptr<Conn>> room;
  auto now = Clock::now();

  auto remove = [&](int fd) -> std::unique_ptr<Conn> {
    auto it = room.find(fd);
    if (it == room.end()) return nullptr;
    std::unique_ptr<Conn> c = std::move(it->second);
    room.erase(it);
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
    return c;
  };
  auto refuse = [&](Conn& c, int status, const char* reason, const char* code, const std::string& message) {
    SendNow(c.fd, ErrorReply(status, reason, code, message));
    ::shutdown(c.fd, SHUT_WR);
    c.draining = true;
    c.in.clear();
    c.deadline = now + kDrainTime;
    ++refused_;
  };
  // Looks at what a waiting connection holds: wait on, refuse, or hand to a worker.
  auto judge = [&](Conn& c) -> Verdict {
    Verdict v = Judge(c.in, limits_);
    switch (v) {
      case Verdict::kWait:
        break;
      case Verdict::kTooLongUrl:
        refuse(c, 414, "URI Too Long", "uri_too_long",
               "the URL is longer than " + std::to_string(limits_.max_url_bytes) + " bytes");
        break;
      case Verdict::kTooLongHead:
        refuse(c, 431, "Request Header Fields Too Large", "headers_too_large",
               "the request head is longer than " + std::to_string(limits_.max_head_bytes) + " bytes");
        break;
      case Verdict::kTooLarge:
        refuse(c, 413, "Payload Too Large", "payload_too_large", "request bodies are not accepted");
        break;
      case Verdict::kReady: {
        std::unique_ptr<Conn> ready = remove(c.fd);  // `c` lives on, in `ready`
        std::lock_guard<std::mutex> lock(mu_);
        ready_.push_back(std::move(ready));
        ready_cv_.notify_one();
        break;
      }
    }
    return v;
  };
  auto add = [&](std::unique_ptr<Conn> c) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.fd = c->fd;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c->fd, &ev) != 0) return Close(std::move(c));
    Conn& ref = *c;
    int fd = c->fd;
    room[fd] = std::move(c);
    if (!ref.in.empty()) judge(ref);  // a pipelined request may be complete already
  };
  // Reads what arrived; false when the connection is finished with (and
  // still in the room).
  auto receive = [&](Conn& c) -> bool {
    char buf[16384];
    const size_t cap = limits_.max_head_bytes + limits_.max_body_bytes + 1;
    bool eof = false;
    for (;;) {
      ssize_t n = ::recv(c.fd, buf, sizeof buf, MSG_DONTWAIT);
      if (n > 0) {
        if (c.draining) {
          c.drained += static_cast<size_t>(n);
          if (c.drained > kDrainBytes) return false;
          continue;
        }
        c.in.append(buf, static_cast<size_t>(n));
        if (c.in.size() >= cap) break;  // enough to judge
        continue;
      }
      if (n == 0) {
        eof = true;  // the client closed its side; a whole request before it is still answered
        break;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      return false;
    }
    if (c.draining) return !eof;
    if (!c.started && !c.in.empty()) {
      c.started = true;
      c.deadline = now + limits_.request_timeout;
    }
    return judge(c) == Verdict::kReady || !eof;
  };

  std::vector<epoll_event> events(256);
  auto next_sweep = Clock::now();
  for (;;) {
    int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), 50);
    now = Clock::now();
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (fd == wake_fd_) {
        uint64_t v;
        (void)!::read(wake_fd_, &v, sizeof v);
        continue;
      }
      auto it = room.find(fd);
      if (it == room.end()) continue;
      if (!receive(*it->second)) Close(remove(fd));
    }
    std::vector<int> fresh;
    std::vector<std::unique_ptr<Conn>> back;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) break;
      fresh.swap(new_sockets_);
      back.swap(returning_);
    }
    for (auto& c : back) add(std::move(c));
    for (int fd : fresh) {
      auto c = std::make_unique<Conn>(fd);
      c->since = now;
      c->deadline = now + limits_.idle_timeout;
      // Full: drop the connections that have waited longest without a
      // request; with none, refuse the new one.
      bool refused = false;
      while (open_.load() > limits_.max_connections) {
        Conn* idle = nullptr;
        for (auto& [_, other] : room)
          if (!other->started && !other->draining && (!idle || other->since < idle->since)) idle = other.get();
        ++refused_;
        if (idle) {
          Close(remove(idle->fd));
          continue;
        }
        SendNow(fd, ErrorReply(503, "Service Unavailable", "too_many_connections",
                               "the server has too many open connections; try again"));
        Close(std::move(c));
        refused = true;
        break;
      }
      if (!refused) add(std::move(c));
    }
    if (now >= next_sweep) {
      next_sweep = now + std::chrono::milliseconds(50);
      std::vector<int> expired;
      for (auto& [fd, c] : room)
        if (now >= c->deadline) expired.push_back(fd);
      for (int fd : expired) {
        std::unique_ptr<Conn> c = remove(fd);
        if (!c->draining) {
          ++timed_out_;
          if (c->started)
            SendNow(c->fd, ErrorReply(408, "Request Timeout", "request_timeout",
                                      "the request did not arrive within " +
                                          std::to_string(limits_.request_timeout.count()) + " ms"));
        }
        Close(std::move(c));
      }
    }
  }
  for (auto& [fd, c] : room) {
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
    Close(std::move(c));
  }
}

}  // namespace pg::web
