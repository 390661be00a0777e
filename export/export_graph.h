// The graph an export writes: the whole store, or the subgraph one query
// touched (the nodes of its result, the stored edges among them, and the
// edges the answer rests on, e.g. a path). Plain data in a fixed order —
// nodes by id, edges by (src, kind, dst) — so every exporter is
// deterministic. Thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/kinds.h"
#include "core/status.h"
#include "query/limits.h"
#include "storage/store.h"

namespace pg {

struct ExportNode {
  std::string id;
  NodeKind kind = NodeKind::kPaper;
  std::string name;  // NodeView::DisplayName
};

struct ExportEdge {
  std::string src;
  EdgeKind kind = EdgeKind::kMentions;
  std::string dst;
  double weight = 0;
  int position = 0;
  bool in_answer = false;  // an edge of the query's answer (e.g. a path step)
};

struct ExportGraph {
  std::string query;  // "" for the whole graph
  std::vector<ExportNode> nodes;
  std::vector<ExportEdge> edges;

  // Node ids in order, for callers that read full NodeViews (plain JSON).
  std::vector<std::string> NodeIds() const;
};

// Every node and edge of the store.
Result<ExportGraph> LoadWholeGraph(const Store& store);

// The subgraph query `q` touches. Errors are those of QueryEngine::Run.
Result<ExportGraph> LoadQueryGraph(const Store& store, std::string_view q, const QueryLimits& limits);

// Stable edge id "src -kind-> dst" (Cytoscape, GEXF).
std::string EdgeId(const ExportEdge& e);

}  // namespace pg
