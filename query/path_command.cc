// path A to B [via kinds] [max N] [all]: breadth-first search from A over
// edges taken either way, stopping at the level where B is found.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "query/commands.h"

namespace pg {
namespace {

struct PathSearch {
  EdgeKindSet kinds = kAnyEdgeKind;
  std::vector<NodeKind> via_nodes;  // empty: any kind may be passed through
};

// The neighbours of n, either direction (a neighbour joined by two edges
// appears twice).
Status Adjacent(EvalContext& ctx, NodeRef n, EdgeKindSet kinds, std::vector<NodeRef>* out) {
  out->clear();
  auto add = [&](NodeRef o, EdgeKind) { out->push_back(o); };
  Status s = ctx.view->ForEachEdge(n, Direction::kOut, kinds, add);
  if (s.ok()) s = ctx.view->ForEachEdge(n, Direction::kIn, kinds, add);
  return s;
}

}  // namespace

Status EvaluatePath(const PathCommand& c, const std::string& from, const std::string& to, EvalContext& ctx,
                    BodyResult* out) {
  Table& t = out->table;
  for (const char* col : {"path", "hop", "from", "edge", "to", "evidence"}) t.AddColumn(col, false);
  t.hidden[0] = !c.all;

  int bound = ctx.budget->limits().max_depth;
  if (c.max_hops > bound)
    return QueryErrorStatus(ctx.query,
                            {c.max_span, "max " + std::to_string(c.max_hops) + " is more than the bound max_depth = " +
                                             std::to_string(bound) + " (raise it with --max-depth)"},
                            Status::Code::kLimitExceeded);
  int max_hops = c.max_hops > 0 ? c.max_hops : bound;
  PathSearch search;
  if (!c.via.edges.empty()) {
    search.kinds = 0;
    for (EdgeKind k : c.via.edges) search.kinds |= KindBit(k);
  }
  search.via_nodes = c.via.nodes;

  Result<std::optional<NodeRef>> a = ctx.view->Find(from);
  if (!a.ok()) return a.status();
  Result<std::optional<NodeRef>> b = ctx.view->Find(to);
  if (!b.ok()) return b.status();
  if (from == to) {
    out->notes.push_back(from + " and " + to + " are the same node");
    return Status::OK();
  }
  if (!a->has_value() || !b->has_value()) {
    out->notes.push_back("no path from " + from + " to " + to + ": " + (a->has_value() ? to : from) +
                         " has no edges");
    return Status::OK();
  }
  NodeRef src = **a, dst = **b;

  // preds[v]: every node one level closer to A with an edge to v. The path
  // shown without `all` is then chosen by ids, not by storage order: walking
  // back from B, the smallest id at each step.
  std::unordered_map<NodeRef, std::vector<NodeRef>> preds;
  std::unordered_map<NodeRef, int> dist = {{src, 0}};
  std::vector<NodeRef> frontier = {src}, adj;
  bool found = false;
  for (int d = 1; d <= max_hops && !frontier.empty() && !found; ++d) {
    std::vector<NodeRef> next;
    for (NodeRef u : frontier) {
      Status s = Adjacent(ctx, u, search.kinds, &adj);
      if (s.ok()) s = ctx.budget->Tick();
      if (!s.ok()) return s;
      for (NodeRef v : adj) {
        bool passable = v == dst || search.via_nodes.empty() ||
                        std::find(search.via_nodes.begin(), search.via_nodes.end(), ctx.view->Kind(v)) !=
                            search.via_nodes.end();
        if (!passable) continue;
        auto [it, inserted] = dist.emplace(v, d);
        if (inserted) next.push_back(v);
        if (it->second == d) preds[v].push_back(u);
      }
    }
    if (Status s = ctx.budget->CheckIntermediate(dist.size()); !s.ok()) return s;
    found = dist.count(dst) > 0;
    frontier = std::move(next);
  }
  if (!found) {
    out->notes.push_back("no path from " + from + " to " + to + " within " + std::to_string(max_hops) + " hops" +
                         (c.max_hops > 0 ? "" : " (raise the bound with --max-depth or `max N`)"));
    return Status::OK();
  }

  // Walk back from B; every path found is a shortest one.
  std::vector<std::vector<NodeRef>> paths;
  uint64_t max_paths = ctx.budget->limits().max_rows;
  Status failed;
  std::vector<NodeRef> stack = {dst};
  std::function<void(NodeRef)> walk = [&](NodeRef v) {
    if (!failed.ok()) return;
    if (v == src) {
      if (paths.size() >= max_paths) {
        failed = LimitError("more than " + std::to_string(max_paths) + " shortest paths", "max_rows", max_paths,
                            "raise it with --max-rows, or drop `all`");
        return;
      }
      paths.emplace_back(stack.rbegin(), stack.rend());
      return;
    }
    std::vector<NodeRef>& ps = preds[v];
    std::sort(ps.begin(), ps.end(), [&](NodeRef x, NodeRef y) { return ctx.view->IdLess(x, y); });
    ps.erase(std::unique(ps.begin(), ps.end()), ps.end());
    for (NodeRef p : ps) {
      stack.push_back(p);
      walk(p);
      stack.pop_back();
      if (!c.all) break;
    }
  };
  walk(dst);
  if (!failed.ok()) return failed;
  std::sort(paths.begin(), paths.end(), [&](const auto& x, const auto& y) {
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
      if (x[i] != y[i]) return ctx.view->IdLess(x[i], y[i]);
    return x.size() < y.size();
  });

  for (size_t pi = 0; pi < paths.size(); ++pi) {
    const std::vector<NodeRef>& path = paths[pi];
    for (size_t h = 0; h + 1 < path.size(); ++h) {
      NodeRef u = path[h], v = path[h + 1];
      // Every edge of the allowed kinds joining the two, either way.
      for (bool forward : {true, false}) {
        std::vector<EdgeKind> kinds;
        Status s = ctx.view->ForEachEdge(u, forward ? Direction::kOut : Direction::kIn, search.kinds,
                                         [&](NodeRef o, EdgeKind k) {
                                           if (o == v) kinds.push_back(k);
                                         });
        if (!s.ok()) return s;
        std::sort(kinds.begin(), kinds.end());
        kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
        for (EdgeKind k : kinds) {
          NodeRef es = forward ? u : v, ed = forward ? v : u;
          Result<std::optional<EdgeView>> e = ctx.store->GetEdge(ctx.view->Id(es), k, ctx.view->Id(ed));
          if (!e.ok()) return e.status();
          std::vector<std::string> evidence = e->has_value() ? EvidenceLines((*e)->evidence) : std::vector<std::string>{};
          t.rows.push_back({Cell::Number(static_cast<double>(pi + 1)), Cell::Number(static_cast<double>(h + 1)),
                            Cell::Node(u), Cell::Text(EdgeLabel(k, forward)), Cell::Node(v),
                            Cell::List(std::move(evidence))});
          out->edges.push_back({es, k, ed});
        }
      }
    }
  }
  size_t hops = paths.front().size() - 1;
  out->notes.push_back(std::to_string(paths.size()) + (paths.size() == 1 ? " path" : " shortest paths") + " of " +
                       std::to_string(hops) + (hops == 1 ? " hop" : " hops"));
  return Status::OK();
}

}  // namespace pg
