// What every evaluator of a query body gets: the store (evidence, names),
// the graph view (adjacency), the node cache (properties), the budget
// (bounds) and the query text (for errors with a caret). Not thread-safe;
// one per running query.
#pragma once

#include <string_view>

#include "query/graph_view.h"
#include "query/limits.h"
#include "query/node_cache.h"
#include "storage/store.h"

namespace pg {

class GraphSnapshot;
struct Stage;

struct EvalContext {
  const Store* store = nullptr;
  GraphView* view = nullptr;
  // The snapshot behind `view` when it is a SnapshotGraphView, else null:
  // evaluators then walk its flat adjacency directly (the same answers,
  // without a virtual call and a std::function per edge).
  const GraphSnapshot* snapshot = nullptr;
  NodeCache* cache = nullptr;
  Budget* budget = nullptr;
  std::string_view query;
  bool collect_subgraph = false;  // record the edges the answer rests on
  bool sort_rows = true;          // false when the first stage reorders anyway (count)
  // The first stage after the body, or null. An evaluator may do it itself
  // while its rows are still compact (a pattern followed by `count by v`,
  // `neighbors` followed by `select node`) and then sets first_stage_done;
  // or only use it as a hint (`path` followed by a `select` without the
  // evidence column reads no evidence).
  const Stage* first_stage = nullptr;
  bool first_stage_done = false;
};

// The node's properties for `ref`; null when the node has none.
Result<const NodeView*> NodeOf(EvalContext& ctx, NodeRef ref);

}  // namespace pg
