// The JSON API of `papergraph serve` (docs/web.md), independent of HTTP: each
// endpoint is a method that takes the decoded parameters and returns a status
// code and a JSON body, so the server is a thin layer and tests can call it
// directly. Errors are {"error", "code", "message", "position", "expected"}:
// position is {line, column} (1-based, code points) for query errors, else
// null. Thread-safe: the store is read-only (a secondary instance) and
// QueryEngine::Run may run on several threads; CatchUp is serialized and
// waits for the requests in flight (each holds a Store::ReadScope).
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "query/engine.h"
#include "storage/store.h"

namespace pg::web {

struct ApiOptions {
  // Bounds of every query the page runs; tighter than the CLI's defaults
  // because a page is interactive and many requests may run at once.
  QueryLimits limits = {.max_depth = 6, .max_intermediate = 500'000, .max_rows = 2000, .timeout_ms = 5000};
  size_t max_query_bytes = 4096;  // a longer ?q= is a 400
  size_t search_limit = 15;       // autocomplete suggestions
  size_t edges_per_kind = 50;     // neighbours listed per edge kind in /api/node
  // Catch up with a running import at most this often, waiting at most
  // catch_up_max_wait for the requests in flight (Store::CatchUp).
  std::chrono::milliseconds catch_up_interval{1000};
  std::chrono::milliseconds catch_up_max_wait{200};
};

struct ApiResponse {
  ApiResponse() = default;
  ApiResponse(int s, nlohmann::ordered_json b) : status(s), body(std::move(b)) {}

  int status = 200;
  nlohmann::ordered_json body;
  // Set for a non-JSON answer (an export): sent instead of body.
  std::string text;
  std::string content_type;
  std::string filename;  // "papergraph.dot": sent as an attachment
};

// Parameters of /api/map (export/topic_map.h); strings as given in the URL.
struct MapParams {
  std::string topic, org, since, until, min_weight, max_topics, format;
};

class Api {
 public:
  // REQUIRES: store outlives the Api.
  Api(Store* store, ApiOptions options) : store_(store), options_(std::move(options)), engine_(store) {}
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  ApiResponse Query(const std::string& q);
  ApiResponse Node(const std::string& id);
  ApiResponse Neighbors(const std::string& id, const std::string& depth);
  ApiResponse Path(const std::string& from, const std::string& to);
  ApiResponse Related(const std::string& id, const std::string& top);
  ApiResponse Search(const std::string& prefix, const std::string& kind);
  ApiResponse Stats();
  // The subgraph of query `q` (or the whole graph when q is empty) as dot,
  // graphml, gexf, json (plain) or cytoscape (export/).
  ApiResponse Export(const std::string& format, const std::string& q);
  // The topic map as JSON (or DOT with format=dot).
  ApiResponse Map(const MapParams& params);

  // Every endpoint starts here: reads what a running import committed (at
  // most once per catch_up_interval), then pins the view for the request,
  // so a request sees each document wholly old or wholly new.
  Store::ReadScope BeginRead();
  // Starts building the graph snapshot on a background thread when none
  // matches the store (at start, and after catching up with an import), so
  // queries get flat adjacency and names without a request ever waiting for
  // a build; until it is ready they read the store directly.
  void MaybeRefreshSnapshot();

  const ApiOptions& options() const { return options_; }

 private:
  ApiResponse RunQuery(const std::string& q);

  Store* store_;
  ApiOptions options_;
  QueryEngine engine_;
  std::mutex catch_up_mu_;
  std::chrono::steady_clock::time_point last_catch_up_{};
  std::mutex refresh_mu_;
  std::atomic<bool> refreshing_{false};
  std::thread refresher_;
};

// An error body: {"error": first line of the message, "code", "message",
// "position": {line, column} | null, "expected": "..." | null}, and its
// HTTP status (400 bad input or bound, 404 unknown name/node, 500 else).
ApiResponse ErrorResponse(const Status& status);

// A node id or a selector as the query language wants it: "arxiv:2510.1" →
// `paper:2510.1`, "org:bytedance" → `org:"bytedance"`, "post:a/b.md" →
// `post:"a/b.md"`; `topic:"kv cache"` stays. Empty for an unusable argument.
std::string NodeSelector(const std::string& id);

}  // namespace pg::web
