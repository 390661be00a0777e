// The answer to a query, independent of the graph view that computed it:
// named columns and rows of values (nodes by id), every node mentioned with
// its kind and display name, the subgraph the answer rests on (for the web
// view and the DOT/GraphML exporters), and notes for people. Plain data;
// thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/kinds.h"

namespace pg {

struct ResultValue {
  enum class Type { kNull, kNode, kText, kNumber, kList };
  Type type = Type::kNull;
  std::string text;  // kNode: the node id; kText: the text
  double number = 0;
  std::vector<std::string> list;
};

struct ResultNode {
  std::string id;
  NodeKind kind = NodeKind::kPaper;
  std::string name;  // NodeView::DisplayName
};

struct ResultEdge {
  std::string src;
  EdgeKind kind = EdgeKind::kMentions;
  std::string dst;
};

struct QueryResult {
  std::string query;
  std::string command;  // "match", "path", "neighbors", "related", "why"
  std::vector<std::string> columns;
  std::vector<std::vector<ResultValue>> rows;
  std::vector<ResultNode> nodes;  // every node in rows and edges, sorted by id (empty without QueryOptions::list_nodes)
  std::vector<ResultEdge> edges;  // the touched subgraph (see QueryOptions::collect_subgraph, max_graph_edges)
  uint64_t edges_total = 0;       // edges touched, before the cut to max_graph_edges
  std::vector<std::string> notes;
  std::string graph;              // "store" (prefix scans) or "snapshot" (Boost.Graph)
  uint64_t elapsed_us = 0;

  // The node entry for `id`, or nullptr.
  const ResultNode* Node(const std::string& id) const;
};

}  // namespace pg
