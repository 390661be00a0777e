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

struct EvalContext {
  const Store* store = nullptr;
  GraphView* view = nullptr;
  NodeCache* cache = nullptr;
  Budget* budget = nullptr;
  std::string_view query;
  bool collect_subgraph = false;  // record the edges the answer rests on
  bool sort_rows = true;          // false when the first stage reorders anyway (count)
};

// The node's properties for `ref`; null when the node has none.
Result<const NodeView*> NodeOf(EvalContext& ctx, NodeRef ref);

}  // namespace pg
