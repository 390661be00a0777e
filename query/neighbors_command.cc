// neighbors X [depth N] [via kinds]: breadth first from X over edges taken
// either way; each node once, at its distance, reached from the node with
// the smallest id one level closer (so the answer does not depend on
// storage order), by the first such edge in kind order.
#include <algorithm>
#include <unordered_map>

#include "query/commands.h"

namespace pg {

Status EvaluateNeighbors(const NeighborsCommand& c, const std::string& id, EvalContext& ctx, BodyResult* out) {
  Table& t = out->table;
  for (const char* col : {"distance", "from", "edge", "node"}) t.AddColumn(col);
  int bound = ctx.budget->limits().max_depth;
  if (c.depth > bound)
    return QueryErrorStatus(ctx.query,
                            {c.depth_span, "depth " + std::to_string(c.depth) + " is more than the bound max_depth = " +
                                               std::to_string(bound) + " (raise it with --max-depth)"},
                            Status::Code::kLimitExceeded);
  EdgeKindSet kinds = kAnyEdgeKind;
  if (!c.via.edges.empty()) {
    kinds = 0;
    for (EdgeKind k : c.via.edges) kinds |= KindBit(k);
  }
  auto allowed = [&](NodeRef n) {
    return c.via.nodes.empty() ||
           std::find(c.via.nodes.begin(), c.via.nodes.end(), ctx.view->Kind(n)) != c.via.nodes.end();
  };
  Result<std::optional<NodeRef>> start = ctx.view->Find(id);
  if (!start.ok()) return start.status();
  if (!start->has_value()) return Status::OK();

  struct Reached {
    NodeRef node, from;
    EdgeKind kind;
    bool forward;
    int distance;
  };
  std::vector<Reached> reached;
  std::unordered_map<NodeRef, size_t> index;  // node -> its entry in `reached`
  std::unordered_map<NodeRef, int> seen = {{**start, 0}};
  std::vector<NodeRef> frontier = {**start};
  auto better = [&](const Reached& x, NodeRef from, EdgeKind k, bool forward) {
    if (from != x.from) return ctx.view->IdLess(from, x.from);
    return std::make_pair(k, !forward) < std::make_pair(x.kind, !x.forward);
  };
  for (int d = 1; d <= c.depth && !frontier.empty(); ++d) {
    std::vector<NodeRef> next;
    for (NodeRef u : frontier) {
      Status inner;
      auto visit = [&](NodeRef v, EdgeKind k, bool forward) {
        if (!allowed(v)) return;
        auto [it, inserted] = seen.emplace(v, d);
        if (inserted) {
          index.emplace(v, reached.size());
          reached.push_back({v, u, k, forward, d});
          next.push_back(v);
        } else if (it->second == d) {
          Reached& r = reached[index.at(v)];
          if (better(r, u, k, forward)) r = {v, u, k, forward, d};
        }
      };
      Status s = ctx.view->ForEachEdge(u, Direction::kOut, kinds, [&](NodeRef o, EdgeKind k) { visit(o, k, true); });
      if (s.ok())
        s = ctx.view->ForEachEdge(u, Direction::kIn, kinds, [&](NodeRef o, EdgeKind k) { visit(o, k, false); });
      if (s.ok()) s = ctx.budget->Tick();
      if (!s.ok()) return s;
    }
    if (Status s = ctx.budget->CheckIntermediate(seen.size()); !s.ok()) return s;
    frontier = std::move(next);
  }
  std::stable_sort(reached.begin(), reached.end(), [&](const Reached& x, const Reached& y) {
    if (x.distance != y.distance) return x.distance < y.distance;
    NodeKind kx = ctx.view->Kind(x.node), ky = ctx.view->Kind(y.node);
    if (kx != ky) return kx < ky;
    return ctx.view->IdLess(x.node, y.node);
  });
  t.rows.reserve(reached.size());
  for (const Reached& r : reached) {
    t.rows.push_back({Cell::Number(r.distance), Cell::Node(r.from), Cell::Text(EdgeLabel(r.kind, r.forward)),
                      Cell::Node(r.node)});
    if (ctx.collect_subgraph) out->edges.push_back(r.forward ? TouchedEdge{r.from, r.kind, r.node}
                                                             : TouchedEdge{r.node, r.kind, r.from});
  }
  return Status::OK();
}

}  // namespace pg
