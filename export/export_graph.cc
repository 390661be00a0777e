#include "export/export_graph.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "query/engine.h"

namespace pg {
namespace {

ExportEdge FromView(const EdgeView& e) {
  ExportEdge x;
  x.src = e.src;
  x.kind = e.kind;
  x.dst = e.dst;
  x.weight = e.weight;
  x.position = e.position;
  return x;
}

auto EdgeKey(const ExportEdge& e) { return std::tie(e.src, e.kind, e.dst); }

void SortGraph(ExportGraph* g) {
  std::sort(g->nodes.begin(), g->nodes.end(),
            [](const ExportNode& a, const ExportNode& b) { return a.id < b.id; });
  std::sort(g->edges.begin(), g->edges.end(),
            [](const ExportEdge& a, const ExportEdge& b) { return EdgeKey(a) < EdgeKey(b); });
}

}  // namespace

std::vector<std::string> ExportGraph::NodeIds() const {
  std::vector<std::string> ids;
  ids.reserve(nodes.size());
  for (const ExportNode& n : nodes) ids.push_back(n.id);
  return ids;
}

std::string EdgeId(const ExportEdge& e) {
  return e.src + " -" + std::string(EdgeKindName(e.kind)) + "-> " + e.dst;
}

Result<ExportGraph> LoadWholeGraph(const Store& store) {
  ExportGraph g;
  Status s = store.ForEachNode([&](const NodeView& n) {
    g.nodes.push_back({n.id, n.kind, n.DisplayName()});
    return true;
  });
  if (s.ok())
    s = store.ForEachEdgeAll([&](const EdgeView& e) {
      g.edges.push_back(FromView(e));
      return true;
    });
  if (!s.ok()) return s;
  SortGraph(&g);
  return g;
}

Result<ExportGraph> LoadQueryGraph(const Store& store, std::string_view q, const QueryLimits& limits) {
  QueryEngine engine(&store);
  QueryOptions options;
  options.limits = limits;
  options.collect_subgraph = true;
  options.max_graph_edges = UINT64_MAX;  // an export is the graph itself; max_intermediate bounds it
  options.source = GraphSource::kAuto;
  Result<QueryResult> r = engine.Run(q, options);
  if (!r.ok()) return r.status();

  ExportGraph g;
  g.query = std::string(q);
  std::unordered_set<std::string> ids;
  for (const ResultNode& n : r->nodes) {
    g.nodes.push_back({n.id, n.kind, n.name});
    ids.insert(n.id);
  }
  // The stored edges among the answer's nodes.
  std::unordered_map<std::string, size_t> index;  // EdgeId -> position in g.edges
  for (const ResultNode& n : r->nodes) {
    Status s = store.ForEachEdge(n.id, Direction::kOut, std::nullopt, [&](const EdgeView& e) {
      if (ids.count(e.dst)) {
        ExportEdge x = FromView(e);
        index.emplace(EdgeId(x), g.edges.size());
        g.edges.push_back(std::move(x));
      }
      return true;
    });
    if (!s.ok()) return s;
  }
  // The edges the answer rests on; a path step is one of the above unless
  // the query engine reports an edge it walked against its direction.
  for (const ResultEdge& re : r->edges) {
    ExportEdge x;
    x.src = re.src;
    x.kind = re.kind;
    x.dst = re.dst;
    auto it = index.find(EdgeId(x));
    if (it != index.end()) {
      g.edges[it->second].in_answer = true;
      continue;
    }
    Result<std::optional<EdgeView>> ev = store.GetEdge(re.src, re.kind, re.dst);
    if (!ev.ok()) return ev.status();
    if (ev->has_value()) x = FromView(**ev);
    x.in_answer = true;
    for (const std::string* id : {&x.src, &x.dst})
      if (ids.insert(*id).second) {
        Result<std::optional<NodeView>> nv = store.GetNode(*id);
        if (!nv.ok()) return nv.status();
        if (nv->has_value()) g.nodes.push_back({(*nv)->id, (*nv)->kind, (*nv)->DisplayName()});
      }
    index.emplace(EdgeId(x), g.edges.size());
    g.edges.push_back(std::move(x));
  }
  SortGraph(&g);
  return g;
}

}  // namespace pg
