#include "web/server.h"

#include <httplib.h>

#include <algorithm>

#include "web/assets.h"
#include "web/http_server.h"

namespace pg::web {
namespace {

using json = nlohmann::ordered_json;

void SetCommonHeaders(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  // Everything the page needs comes from this server; Cytoscape sets inline styles.
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                 "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void Send(httplib::Response& res, const ApiResponse& r) {
  if (r.content_type.empty()) return SendJson(res, r.status, r.body);
  res.status = r.status;
  res.set_header("Cache-Control", "no-store");
  if (!r.filename.empty()) res.set_header("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
  res.set_content(r.text, r.content_type);
}

json SimpleError(const std::string& code, const std::string& message) {
  return {{"error", message}, {"code", code}, {"message", message}, {"position", nullptr}, {"expected", nullptr}};
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

// The host part of a Host header: "127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "[::1]".
std::string HostName(const std::string& host) {
  if (!host.empty() && host[0] == '[') return host.substr(0, host.find(']') + 1);
  return host.substr(0, host.find(':'));
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]";
}

}  // namespace

namespace {

ConnectionLimits LimitsOf(const ServerOptions& o) {
  ConnectionLimits l;
  l.workers = o.threads;
  l.max_connections = o.max_connections;
  l.max_url_bytes = o.max_url_bytes;
  l.max_body_bytes = o.max_body_bytes;
  l.request_timeout = std::chrono::milliseconds(o.request_timeout_ms);
  l.idle_timeout = std::chrono::milliseconds(o.idle_timeout_ms);
  return l;
}

}  // namespace

WebServer::WebServer(Store* store, ServerOptions options)
    : options_(std::move(options)),
      api_(store, options_.api),
      http_(std::make_unique<HttpServer>(LimitsOf(options_))) {
  Routes();
}

WebServer::~WebServer() = default;

void WebServer::Routes() {
  httplib::Server& svr = *http_;
  // Threads, timeouts and keep-alive are HttpServer's (ConnectionLimits).
  svr.set_payload_max_length(options_.max_body_bytes);

  svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    SetCommonHeaders(res);
    if (req.target.size() > options_.max_url_bytes) {
      SendJson(res, 414, SimpleError("uri_too_long", "the URL is longer than " +
                                                         std::to_string(options_.max_url_bytes) + " bytes"));
      return httplib::Server::HandlerResponse::Handled;
    }
    // Bound to loopback: answer only to loopback names (no DNS rebinding).
    if (IsLoopback(options_.host)) {
      std::string host = HostName(req.get_header_value("Host"));
      if (!host.empty() && !IsLoopback(host)) {
        SendJson(res, 403, SimpleError("forbidden_host", "this server answers only to 127.0.0.1 and localhost"));
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      SendJson(res, 405, SimpleError("method_not_allowed", "read-only: only GET is allowed"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.body.size() > options_.max_body_bytes) {
      SendJson(res, 413, SimpleError("payload_too_large", "request bodies are not accepted"));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors httplib produces itself (413 on a long body, 414 on a long URI,
  // 400 on a malformed request) become JSON too.
  svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    SetCommonHeaders(res);
    const char* what = res.status == 413 ? "the request is too large"
                       : res.status == 414 ? "the URL is too long"
                       : res.status == 404 ? "not found"
                                           : "bad request";
    SendJson(res, res.status, SimpleError("http_" + std::to_string(res.status), what));
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendJson(res, 500, SimpleError("internal", what));
  });

  svr.Get("/api/query", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Query(Param(req, "q")));
  });
  svr.Get(R"(/api/node/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Node(req.matches[1]));
  });
  svr.Get("/api/node", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Node(Param(req, "id")));
  });
  svr.Get("/api/neighbors", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Neighbors(Param(req, "id"), Param(req, "depth")));
  });
  svr.Get("/api/path", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Path(Param(req, "from"), Param(req, "to")));
  });
  svr.Get("/api/related", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Related(Param(req, "id"), Param(req, "top")));
  });
  svr.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Search(Param(req, "prefix"), Param(req, "kind")));
  });
  svr.Get("/api/stats", [this](const httplib::Request&, httplib::Response& res) {
    ApiResponse r = api_.Stats();
    if (r.status == 200) {
      ConnectionCounters c = http_->Counters();
      r.body["server"] = {{"connections_open", c.open},      {"connections_max_open", c.max_open},
                          {"connections_accepted", c.accepted}, {"requests", c.requests},
                          {"timed_out", c.timed_out},          {"refused", c.refused}};
    }
    Send(res, r);
  });
  svr.Get("/api/export", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Export(Param(req, "format"), Param(req, "q")));
  });
  svr.Get("/api/map", [this](const httplib::Request& req, httplib::Response& res) {
    Send(res, api_.Map({Param(req, "topic"), Param(req, "org"), Param(req, "since"), Param(req, "until"),
                        Param(req, "min_weight"), Param(req, "max_topics"), Param(req, "format")}));
  });
  svr.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    SendJson(res, 404, SimpleError("not_found", "no such API endpoint: " + req.path.substr(0, 100)));
  });
  // Static files: exact matches in the built-in table only; anything else
  // ("/../etc/passwd", "%2e%2e/", double encodings) is simply not in it.
  svr.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    const Asset* a = FindAsset(req.path);
    if (!a) {
      SendJson(res, 404, SimpleError("not_found", "not found"));
      return;
    }
    bool html = a->path == "/index.html";
    // The page itself is revalidated so a new binary shows at once; scripts
    // and styles may be cached for an hour.
    res.set_header("Cache-Control", html ? "no-cache" : "public, max-age=3600");
    res.set_content(reinterpret_cast<const char*>(a->data), a->size, std::string(a->content_type));
  });
}

Result<int> WebServer::Bind() {
  int port = options_.port;
  if (port == 0) {
    port = http_->bind_to_any_port(options_.host);
    if (port < 0) return Status::IOError("serve: cannot bind " + options_.host + " to a free port");
  } else if (!http_->bind_to_port(options_.host, port)) {
    return Status::IOError("serve: cannot listen on " + options_.host + ":" + std::to_string(port) +
                           " (in use? try --port)");
  }
  // Bursts of connections queue in the kernel instead of being dropped.
  http_->SetBacklog(static_cast<int>(std::min<size_t>(options_.max_connections, 4096)));
  return port;
}

Status WebServer::Run() {
  api_.MaybeRefreshSnapshot();  // warm: the first questions need not wait for it
  if (!http_->Serve()) return Status::IOError("serve: the server stopped with an error");
  return Status::OK();
}

void WebServer::Stop() { http_->Stop(); }

bool WebServer::IsRunning() const { return http_->is_running(); }

ConnectionCounters WebServer::Counters() const { return http_->Counters(); }

}  // namespace pg::web
