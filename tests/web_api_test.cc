// The web server (web/): every API endpoint on a small graph imported here,
// bad parameters, oversized requests, path traversal attempts, bounds, cache
// headers, and serving beside a live import. An in-process server on an
// ephemeral port, driven by httplib's client.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "importers/extract.h"
#include "importers/importer.h"
#include "storage/store.h"
#include "tests/test_util.h"
#include "web/api.h"
#include "web/assets.h"
#include "web/http_server.h"
#include "web/server.h"

using namespace pg;
using pg::testing::ScratchDir;
using json = nlohmann::json;

namespace {

const char* kPostA =
    "# 2025-10-20 papers review\n"
    "\n"
    "## 1. [Looped Transformers Think in Depth](https://huggingface.co/papers/2510.90001) `bytedance`\n"
    "\n"
    "looped transformer 구조. 루프 트랜스포머는 계산량만 늘린다.\n"
    "\n"
    "## 2. [Loopholing the Denoiser](https://arxiv.org/pdf/2510.90003) `Nvidia`\n"
    "\n"
    "discrete diffusion 논문.\n";

const char* kPostB =
    "# 2025-10-22 papers review\n"
    "\n"
    "## 1. [Recurrent Depth at Scale](https://huggingface.co/papers/2510.90004) `shaomi`\n"
    "\n"
    "[이전 글](/docs/papers/y2025/oct/20251020#1-looped-transformers-think-in-depth-bytedance) 의 후속.\n";

const char* kPostC =
    "# 2025-10-24 papers review\n"
    "\n"
    "## 1. [Speculative Drafts Everywhere](https://huggingface.co/papers/2510.90077) `google`\n"
    "\n"
    "speculative decoding 논문.\n";

const std::string kDocA = "docs/papers/y2025/oct/20251020.md";
const std::string kDocB = "docs/papers/y2025/oct/20251022.md";
const std::string kDocC = "docs/papers/y2025/oct/20251024.md";

std::string Enc(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

// A graph of two posts (a writer kept open, as a running import would), a
// read-only instance beside it, and a server on a free port.
struct Fixture {
  ScratchDir tmp;
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<Store> writer;
  std::unique_ptr<Store> reader;
  std::unique_ptr<web::WebServer> server;
  std::thread thread;
  int port = 0;

  explicit Fixture(web::ServerOptions options = {}) {
    auto e = Extractor::Load(PAPERGRAPH_DATA_DIR, {});
    REQUIRE_MESSAGE(e.ok(), e.status().ToString());
    extractor = std::move(e).value();
    auto w = Store::Open(tmp.Sub("db"), Store::Mode::kWrite, "test");
    REQUIRE_MESSAGE(w.ok(), w.status().ToString());
    writer = std::move(w).value();
    Import(kDocA, kPostA);
    Import(kDocB, kPostB);
    auto r = Store::Open(tmp.Sub("db"), Store::Mode::kRead, "test");
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
    reader = std::move(r).value();
    options.port = 0;
    options.api.catch_up_interval = std::chrono::milliseconds(0);
    server = std::make_unique<web::WebServer>(reader.get(), options);
    Result<int> p = server->Bind();
    REQUIRE_MESSAGE(p.ok(), p.status().ToString());
    port = *p;
    thread = std::thread([this] { (void)server->Run(); });
    for (int i = 0; i < 2000 && !server->IsRunning(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    REQUIRE(server->IsRunning());
  }
  ~Fixture() {
    server->Stop();
    thread.join();
  }

  void Import(const std::string& doc, const char* text) {
    ImportReport report;
    REQUIRE(Importer(writer.get(), extractor.get()).ImportText(doc, text, &report).ok());
    REQUIRE(report.errors.empty());
  }

  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client cli("127.0.0.1", port);
    cli.set_read_timeout(20, 0);
    return cli.Get(path.c_str(), headers);
  }
  // GET `path`; REQUIRES the status; returns the JSON body.
  json GetJson(const std::string& path, int status) {
    auto res = Get(path);
    REQUIRE(res);
    CHECK_MESSAGE(res->status == status, path << " → " << res->status << " " << res->body);
    CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    json j = json::parse(res->body, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
  }
};

bool HasNode(const json& result, const std::string& id) {
  for (const json& n : result["nodes"])
    if (n["id"] == id) return true;
  return false;
}

}  // namespace

TEST_CASE("web: /api/query answers, with the subgraph, and explains errors with their position") {
  Fixture f;
  json j = f.GetJson("/api/query?q=" + Enc("topic:\"looped transformer\" - paper - org | count by org"), 200);
  CHECK(j["command"] == "match");
  CHECK(HasNode(j, "org:bytedance"));
  REQUIRE(j["rows"].size() >= 1);
  CHECK(j["rows"][0][0]["id"] == "org:bytedance");

  json g = f.GetJson("/api/query?q=" + Enc("org:bytedance - paper"), 200);
  CHECK(HasNode(g, "arxiv:2510.90001"));
  CHECK(g["edges"].size() >= 1);
  auto res = f.Get("/api/query?q=" + Enc("org"));
  CHECK(res->get_header_value("Cache-Control") == "no-store");

  // A syntax error: 400, the position (line, column in code points) and what was expected.
  json e = f.GetJson("/api/query?q=" + Enc("topic:\"looped transformer\" - paper - orgg"), 400);
  CHECK(e["code"] == "invalid_argument");
  CHECK(e["position"]["line"] == 1);
  CHECK(e["position"]["column"] == 38);
  CHECK(e["expected"].get<std::string>().find("paper, org, topic, post") != std::string::npos);
  CHECK(e["error"].get<std::string>().find("orgg") != std::string::npos);
  CHECK(e["message"].get<std::string>().find('^') != std::string::npos);

  // An unknown name: 404 with a suggestion.
  json nf = f.GetJson("/api/query?q=" + Enc("org:bytedanse - paper"), 404);
  CHECK(nf["code"] == "not_found");

  f.GetJson("/api/query", 400);
  f.GetJson("/api/query?q=", 400);
  f.GetJson("/api/query?q=" + Enc("   "), 400);
  f.GetJson("/api/query?q=" + std::string(5000, 'a'), 400);
}

TEST_CASE("web: every query runs under the server's bounds") {
  web::ServerOptions options;
  options.api.limits.max_rows = 5;
  Fixture f(options);
  json j = f.GetJson("/api/query?q=" + Enc("topic"), 400);
  CHECK(j["code"] == "limit_exceeded");
  CHECK(j["error"].get<std::string>().find("max_rows") != std::string::npos);
  // Depth beyond the bound is refused before any work.
  f.GetJson("/api/neighbors?id=org:bytedance&depth=7", 400);
}

TEST_CASE("web: /api/node gives a paper's labs, topics, reviews, links and provenance") {
  Fixture f;
  json n = f.GetJson("/api/node/arxiv:2510.90001", 200);
  CHECK(n["kind"] == "paper");
  CHECK(n["name"] == "Looped Transformers Think in Depth");
  CHECK(n["links"]["arxiv"] == "https://arxiv.org/abs/2510.90001");
  CHECK(n["links"]["huggingface"] == "https://huggingface.co/papers/2510.90001");
  REQUIRE(n["orgs"].size() == 1);
  CHECK(n["orgs"][0]["id"] == "org:bytedance");
  CHECK(n["orgs"][0]["evidence"][0]["file"] == kDocA);
  CHECK(n["topics"].size() >= 1);
  REQUIRE(n["reviews"].size() == 1);
  CHECK(n["reviews"][0]["id"] == "post:" + kDocA);
  CHECK(n["reviews"][0]["date"] == "2025-10-20");
  CHECK(n["properties"]["title"][0]["file"] == kDocA);
  CHECK(n["properties"]["title"][0]["line"] == 3);
  CHECK(n["in"]["links_to"][0]["id"] == "arxiv:2510.90004");

  // paper:ID and a name resolve too; a query parameter works as well as the path.
  CHECK(f.GetJson("/api/node/paper:2510.90001", 200)["id"] == "arxiv:2510.90001");
  CHECK(f.GetJson("/api/node?id=" + Enc("org:bytedance"), 200)["in"]["affiliated"].size() == 1);
  CHECK(f.GetJson("/api/node/" + Enc("post:" + kDocA), 200)["out"]["reviews"].size() == 2);
  CHECK(f.GetJson("/api/node/ByteDance", 200)["id"] == "org:bytedance");

  f.GetJson("/api/node/org:nobody", 404);
  f.GetJson("/api/node?id=", 400);
  f.GetJson("/api/node/" + std::string(2000, 'x'), 400);
}

TEST_CASE("web: neighbors, path, related, search, stats") {
  Fixture f;
  json n = f.GetJson("/api/neighbors?id=org:bytedance&depth=1", 200);
  CHECK(n["command"] == "neighbors");
  CHECK(HasNode(n, "arxiv:2510.90001"));
  CHECK(n["edges"].size() >= 1);
  CHECK(HasNode(f.GetJson("/api/neighbors?id=arxiv:2510.90001", 200), "org:bytedance"));
  CHECK(HasNode(f.GetJson("/api/neighbors?id=" + Enc("post:" + kDocA), 200), "arxiv:2510.90003"));
  for (const char* bad : {"0", "-1", "x", "1.5", "99999999999", ""}) {
    if (*bad) f.GetJson(std::string("/api/neighbors?id=org:bytedance&depth=") + bad, 400);
  }
  f.GetJson("/api/neighbors", 400);
  f.GetJson("/api/neighbors?id=org:nobody", 404);

  json p = f.GetJson("/api/path?from=arxiv:2510.90004&to=org:bytedance", 200);
  CHECK(p["command"] == "path");
  CHECK(HasNode(p, "arxiv:2510.90001"));
  f.GetJson("/api/path?from=arxiv:2510.90004", 400);
  f.GetJson("/api/path?to=arxiv:2510.90004", 400);

  json r = f.GetJson("/api/related?id=arxiv:2510.90001", 200);
  CHECK(r["command"] == "related");
  CHECK(HasNode(r, "arxiv:2510.90004"));
  f.GetJson("/api/related?id=arxiv:2510.90001&top=0", 400);
  f.GetJson("/api/related?id=arxiv:2510.90001&top=abc", 400);
  f.GetJson("/api/related", 400);

  json s = f.GetJson("/api/search?prefix=Byte", 200);
  bool org = false;
  for (const json& x : s["results"]) org |= x["id"] == "org:bytedance" && x["kind"] == "org";
  CHECK(org);
  json sl = f.GetJson("/api/search?prefix=loop", 200);
  bool paper = false;
  for (const json& x : sl["results"]) paper |= x["id"] == "arxiv:2510.90001";
  CHECK(paper);
  json topics = f.GetJson("/api/search?prefix=loop&kind=topic", 200);
  CHECK(!topics["results"].empty());
  for (const json& x : topics["results"]) CHECK(x["kind"] == "topic");
  f.GetJson("/api/search?prefix=", 400);
  f.GetJson("/api/search", 400);
  f.GetJson("/api/search?prefix=a&kind=lab", 400);
  CHECK(f.GetJson("/api/search?prefix=zzzzqq", 200)["results"].empty());

  json st = f.GetJson("/api/stats", 200);
  CHECK(st["nodes"]["paper"] == 3);
  CHECK(st["nodes"]["post"] == 2);
  CHECK(st["documents"] >= 2);

  f.GetJson("/api/nothing", 404);
}

TEST_CASE("web: /api/map and /api/export serve the exporters") {
  Fixture f;
  json m = f.GetJson("/api/map?min_weight=1", 200);
  CHECK(m["papers"].get<int>() >= 1);
  CHECK(m["topics"].is_array());
  CHECK(m.contains("edges"));
  json mt = f.GetJson("/api/map?org=bytedance&min_weight=1&max_topics=5", 200);
  CHECK(mt["topics"].size() <= 5);
  f.GetJson("/api/map?org=nobody-at-all", 404);
  f.GetJson("/api/map?since=last-week", 400);
  f.GetJson("/api/map?min_weight=0", 400);
  f.GetJson("/api/map?max_topics=x", 400);
  f.GetJson("/api/map?format=svg", 400);
  auto mdot = f.Get("/api/map?format=dot&min_weight=1");
  REQUIRE(mdot);
  CHECK(mdot->status == 200);
  CHECK(mdot->body.find("graph") != std::string::npos);

  auto dot = f.Get("/api/export?format=dot&q=" + Enc("org:bytedance - paper"));
  REQUIRE(dot);
  CHECK(dot->status == 200);
  CHECK(dot->get_header_value("Content-Type") == "text/vnd.graphviz; charset=utf-8");
  CHECK(dot->get_header_value("Content-Disposition") == "attachment; filename=\"papergraph.dot\"");
  CHECK(dot->get_header_value("Cache-Control") == "no-store");
  CHECK(dot->body.find("arxiv:2510.90001") != std::string::npos);
  for (const char* format : {"graphml", "gexf", "json", "cytoscape"}) {
    auto r = f.Get(std::string("/api/export?format=") + format + "&q=" + Enc("org:bytedance - paper"));
    REQUIRE(r);
    CHECK_MESSAGE(r->status == 200, format << ": " << r->body);
    CHECK_MESSAGE(r->body.find("2510.90001") != std::string::npos, format);
  }
  json whole = json::parse(f.Get("/api/export?format=cytoscape")->body, nullptr, false);
  REQUIRE_FALSE(whole.is_discarded());
  CHECK(whole["elements"]["nodes"].size() > 3);
  f.GetJson("/api/export?format=neo4j-csv&q=org", 400);
  f.GetJson("/api/export?format=&q=org", 400);
  f.GetJson("/api/export?format=dot&q=" + Enc("org - paperz"), 400);
}

TEST_CASE("web: it serves while an import writes, and sees the new documents") {
  Fixture f;
  CHECK(f.GetJson("/api/stats", 200)["nodes"]["paper"] == 3);
  f.GetJson("/api/node/arxiv:2510.90077", 404);
  f.Import(kDocC, kPostC);
  CHECK(f.GetJson("/api/stats", 200)["nodes"]["paper"] == 4);
  CHECK(f.GetJson("/api/node/arxiv:2510.90077", 200)["orgs"][0]["id"] == "org:google");
  CHECK(HasNode(f.GetJson("/api/query?q=" + Enc("org:google - paper"), 200), "arxiv:2510.90077"));
}

TEST_CASE("web: concurrent requests while the writer imports and retracts") {
  Fixture f;
  std::atomic<int> failures{0}, done{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&f, &failures, &done, t] {
      httplib::Client cli("127.0.0.1", f.port);
      const std::string paths[] = {"/api/query?q=" + Enc("org - paper | count by org"),
                                   "/api/neighbors?id=org:bytedance&depth=2", "/api/node/arxiv:2510.90001",
                                   "/api/search?prefix=lo", "/api/stats", "/app.js"};
      for (int i = 0; i < 40; ++i) {
        auto res = cli.Get(paths[(i + t) % 6].c_str());
        if (!res || res->status != 200) ++failures;
        ++done;
      }
    });
  }
  for (int i = 0; i < 5; ++i) {
    f.Import(kDocC, kPostC);
    ImportReport report;
    REQUIRE(Importer(f.writer.get(), f.extractor.get()).Retract(kDocC, &report).ok());
  }
  for (std::thread& c : clients) c.join();
  CHECK(done == 160);
  CHECK(failures == 0);
}

TEST_CASE("web: the page and its scripts come from the built-in assets, with cache headers") {
  Fixture f;
  auto root = f.Get("/");
  REQUIRE(root);
  CHECK(root->status == 200);
  CHECK(root->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(root->get_header_value("Cache-Control") == "no-cache");
  CHECK(root->body.find("/vendor/cytoscape.min.js") != std::string::npos);
  CHECK(root->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(root->get_header_value("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
  for (const web::Asset& a : web::BuiltinAssets()) {
    auto res = f.Get(std::string(a.path));
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body.size() == a.size);
    CHECK(res->get_header_value("Content-Type") == std::string(a.content_type));
    if (a.path != "/index.html") CHECK(res->get_header_value("Cache-Control") == "public, max-age=3600");
  }
  // Cytoscape.js is embedded whole (npm ci --prefix web/page before the build).
  const web::Asset* cy = web::FindAsset("/vendor/cytoscape.min.js");
  REQUIRE(cy != nullptr);
  CHECK_MESSAGE(cy->size > 100000, "Cytoscape.js was not installed at build time");
}

TEST_CASE("web: no path reaches the file system") {
  Fixture f;
  for (const char* path : {
           "/../../../../etc/passwd",
           "/..%2f..%2f..%2fetc%2fpasswd",
           "/%2e%2e/%2e%2e/etc/passwd",
           "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
           "/%252e%252e%252fetc%252fpasswd",
           "/%25252e%25252e/etc/passwd",
           "/vendor/../index.html",
           "/vendor/%2e%2e/app.js",
           "/./app.js",
           "//etc/passwd",
           "/app.js/",
           "/web/server.cc",
           "/CMakeLists.txt",
           "/node_modules/cytoscape/package.json",
           "/..\\..\\etc\\passwd",
           "/%c0%ae%c0%ae/etc/passwd",
           "/index.html%00.js",
       }) {
    auto res = f.Get(path);
    REQUIRE(res);
    CHECK_MESSAGE((res->status == 404 || res->status == 400), path << " → " << res->status);
    CHECK_MESSAGE(res->body.find("root:") == std::string::npos, path);
  }
}

TEST_CASE("web: read-only, and bounded in URL, body and Host") {
  Fixture f;
  httplib::Client cli("127.0.0.1", f.port);
  for (const char* path : {"/api/query", "/", "/api/stats"}) {
    auto post = cli.Post(path, "q=org", "application/x-www-form-urlencoded");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    auto put = cli.Put(path, "x", "text/plain");
    REQUIRE(put);
    CHECK(put->status == 405);
    auto del = cli.Delete(path);
    REQUIRE(del);
    CHECK(del->status == 405);
  }
  // A large body is refused whatever the method.
  auto big = cli.Post("/api/query", std::string(1 << 20, 'x'), "text/plain");
  if (big) CHECK((big->status == 413 || big->status == 405));

  // A long URL: 414 (ours below httplib's own 8192 bound, or httplib's).
  auto longurl = f.Get("/api/query?q=" + std::string(9000, 'a'));
  if (longurl) CHECK(longurl->status == 414);
  auto longer = f.Get("/api/query?q=" + std::string(100000, 'a'));
  if (longer) CHECK(longer->status == 414);

  // DNS rebinding: another name for this address is refused.
  auto evil = f.Get("/api/stats", {{"Host", "evil.example:8080"}});
  REQUIRE(evil);
  CHECK(evil->status == 403);
  auto local = f.Get("/api/stats", {{"Host", "localhost:" + std::to_string(f.port)}});
  REQUIRE(local);
  CHECK(local->status == 200);

  // The server is still well after all this.
  CHECK(f.GetJson("/api/stats", 200)["nodes"]["paper"] == 3);
}

namespace {

// A raw client socket, for what httplib's client will not send.
int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

void SendAll(int fd, const std::string& data) {
  REQUIRE(::send(fd, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size()));
}

// Everything until the server closes (or 5 s pass).
std::string ReadToClose(int fd) {
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<size_t>(n));
  return out;
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("web: slow clients cost no request thread; too slow is 408, too big is refused at once") {
  web::ServerOptions options;
  options.threads = 2;
  options.request_timeout_ms = 300;
  options.idle_timeout_ms = 300;
  options.max_connections = 48;
  Fixture f(options);
  // Ten connections that send half a request and stall: more than the threads.
  std::vector<int> stalled;
  for (int i = 0; i < 10; ++i) {
    stalled.push_back(Connect(f.port));
    SendAll(stalled.back(), "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ");
  }
  // A whole request is answered at once beside them.
  auto start = std::chrono::steady_clock::now();
  CHECK(f.GetJson("/api/stats", 200)["nodes"]["paper"] == 3);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  // The stalled ones get 408 once their time is up, and are closed.
  for (int fd : stalled) {
    std::string reply = ReadToClose(fd);
    CHECK(reply.rfind("HTTP/1.1 408 Request Timeout", 0) == 0);
    CHECK(reply.find("\"code\":\"request_timeout\"") != std::string::npos);
    ::close(fd);
  }
  // A client that closes its side after its request is still answered.
  int half_closed = Connect(f.port);
  SendAll(half_closed, "GET /api/stats HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
  ::shutdown(half_closed, SHUT_WR);
  CHECK(ReadToClose(half_closed).rfind("HTTP/1.1 200", 0) == 0);
  ::close(half_closed);
  // Two requests pipelined on one connection: both answered, in order.
  int pipelined = Connect(f.port);
  SendAll(pipelined,
          "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          "GET /api/search?prefix=loop HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  std::string both = ReadToClose(pipelined);
  CHECK(Count(both, "HTTP/1.1 200 OK") == 2);
  CHECK(both.find("\"results\"") > both.find("\"documents\""));
  ::close(pipelined);
  // Too big: refused before it is read.
  int big = Connect(f.port);
  SendAll(big, "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 999999999\r\n\r\n");
  CHECK(ReadToClose(big).rfind("HTTP/1.1 413", 0) == 0);
  ::close(big);
  int heads = Connect(f.port);
  SendAll(heads, "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n" + std::string(40000, 'x'));
  CHECK(ReadToClose(heads).rfind("HTTP/1.1 431", 0) == 0);
  ::close(heads);
  // More idle connections than max_connections: the longest-idle ones make room.
  std::vector<int> idle;
  for (int i = 0; i < 100; ++i) idle.push_back(Connect(f.port));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the room makes room
  CHECK(f.GetJson("/api/stats", 200)["server"]["refused"].get<int>() >= 1);
  for (int fd : idle) ::close(fd);
  web::ConnectionCounters c = f.server->Counters();
  CHECK(c.timed_out >= 10);
  // A burst may overshoot max_connections by a quarter before the room drops idle ones.
  CHECK(c.max_open <= options.max_connections + options.max_connections / 4 + 1);
}

TEST_CASE("web: NodeSelector and ErrorResponse") {
  CHECK(web::NodeSelector("arxiv:2510.1") == "paper:\"2510.1\"");
  CHECK(web::NodeSelector("org:bytedance") == "org:\"bytedance\"");
  CHECK(web::NodeSelector("topic:\"kv cache\"") == "topic:\"kv cache\"");
  CHECK(web::NodeSelector("post:a \"b\".md") == "post:\"a \\\"b\\\".md\"");
  CHECK(web::NodeSelector("title:x y") == "paper:\"title:x y\"");
  CHECK(web::NodeSelector("") == "");
  web::ApiResponse r = web::ErrorResponse(Status::InvalidArgument("query:2:5: expected a number, got 'x'\nq\n    ^"));
  CHECK(r.status == 400);
  CHECK(r.body["position"]["line"] == 2);
  CHECK(r.body["position"]["column"] == 5);
  CHECK(r.body["expected"] == "a number");
  CHECK(r.body["error"] == "expected a number, got 'x'");
  CHECK(web::ErrorResponse(Status::IOError("disk")).status == 500);
}
