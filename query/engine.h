// The query engine: the whole pipeline of one query, readable top to bottom
// in QueryEngine::Run — parse, choose the graph view, bind names to ids,
// evaluate the body, apply the stages, check the bounds, build the result.
//
// This is the entry point for the CLI and the web server:
//   QueryEngine engine(store);
//   Result<QueryResult> r = engine.Run("topic:\"loop transformers\" - paper - org | count by org", options);
//   nlohmann::ordered_json j = r.ok() ? ResultToJson(*r) : ErrorToJson(r.status());
// Thread-safe: Run may be called from several threads at once (each run has
// its own caches; the Boost.Graph snapshot is shared and rebuilt only when
// Store::Sequence() changes). A reader beside a live import should call
// Store::CatchUp() before Run to see new documents.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "query/graph_snapshot.h"
#include "query/limits.h"
#include "query/result.h"
#include "storage/store.h"

namespace pg {

struct Query;

enum class GraphSource {
  // The snapshot for path and related (whole-graph work), and for every
  // query once it is built and current; else prefix scans on the store.
  kAuto,
  // Prefix scans for everything: for one-shot processes, where reading the
  // whole graph into a snapshot costs more than the query itself.
  kStore,
  // The snapshot for everything (warm servers, benchmarks).
  kSnapshot,
};

struct QueryOptions {
  QueryLimits limits;
  GraphSource source = GraphSource::kAuto;
  // Record the edges behind the answer (QueryResult::edges): the web view
  // and graph exports need them; tables do not.
  bool collect_subgraph = false;
  // List every node of the answer with its kind and display name
  // (QueryResult::nodes): tables and JSON show names. A program that reads
  // only the ids in the rows may turn it off; the rows are the same.
  bool list_nodes = true;
  // At most this many subgraph edges in QueryResult::edges (a note says when
  // more were touched; QueryResult::edges_total has the count).
  uint64_t max_graph_edges = 2000;
};

class QueryEngine {
 public:
  // REQUIRES: store outlives the engine.
  explicit QueryEngine(const Store* store) : store_(store) {}

  // Runs one query. Errors: InvalidArgument (the query is malformed; the
  // message is "query:L:C: ..." with the query line and a caret), NotFound
  // (a name is unknown; the message suggests the nearest), LimitExceeded (a
  // bound was hit; the message names it and how to raise it), or a storage
  // error.
  Result<QueryResult> Run(std::string_view query, const QueryOptions& options);

  // The current snapshot, built if needed (for whole-graph users).
  Result<std::shared_ptr<const GraphSnapshot>> Snapshot() { return snapshots_.Get(*store_); }
  // The snapshot if one matches the store now, else null (never builds).
  std::shared_ptr<const GraphSnapshot> CurrentSnapshot() const { return snapshots_.Current(*store_); }

 private:
  // The parse tree of `text`, from the cache or parsed now (then kept).
  std::shared_ptr<const Query> Parse(std::string_view text, Status* error);

  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  const Store* store_;
  SnapshotCache snapshots_;
  // Parse trees of recent query texts (at most kParseCacheSize; cleared when
  // full): a warm engine asked the same question again skips the lexer and
  // the parser, as a database reuses prepared statements. Binding and
  // evaluation always run anew.
  static constexpr size_t kParseCacheSize = 256;
  std::mutex parse_mu_;
  std::unordered_map<std::string, std::shared_ptr<const Query>, TextHash, std::equal_to<>> parsed_;
};

}  // namespace pg
