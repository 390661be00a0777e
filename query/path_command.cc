// path A to B [via kinds] [max N] [all]: the shortest path(s) from A to B
// over edges taken either way. The path shown without `all` is chosen by
// ids, not by storage order: walking back from B, the predecessor with the
// smallest id at each step (a predecessor of v is a neighbour one step
// closer to A).
//
// The search is bidirectional (BidirectionalSearch below), on the snapshot
// or on any GraphView: a one-shot `papergraph path` reading the store with
// prefix scans visits the two small balls around A and B, not the whole ball
// of radius d(A, B) around A.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "query/commands.h"
#include "query/graph_snapshot.h"
#include "query/via_filter.h"
#include "query/visit_marks.h"

namespace pg {
namespace {

// Every shortest path from src to dst (one without `all`), or none found
// within max_hops.
struct PathAnswer {
  bool found = false;
  std::vector<std::vector<NodeRef>> paths;
};

// Walks back from dst over preds(v) (the neighbours one step closer to src,
// in id order): the smallest each time, or every one with `all`.
Status WalkBack(NodeRef src, NodeRef dst, bool all, EvalContext& ctx,
                const std::function<const std::vector<NodeRef>&(NodeRef)>& preds, PathAnswer* answer) {
  uint64_t max_paths = ctx.budget->limits().max_rows;
  Status failed;
  std::vector<NodeRef> stack = {dst};
  std::function<void(NodeRef)> walk = [&](NodeRef v) {
    if (!failed.ok()) return;
    if (v == src) {
      if (answer->paths.size() >= max_paths) {
        failed = LimitError("more than " + std::to_string(max_paths) + " shortest paths", "max_rows", max_paths,
                            "raise it with --max-rows, or drop `all`");
        return;
      }
      answer->paths.emplace_back(stack.rbegin(), stack.rend());
      return;
    }
    std::vector<NodeRef> ps = preds(v);  // a copy: preds may reuse its buffer while we recurse
    for (NodeRef p : ps) {
      stack.push_back(p);
      walk(p);
      stack.pop_back();
      if (!all) break;
    }
  };
  walk(dst);
  return failed;
}

// The graph as the search sees it, over the snapshot: the flat adjacency,
// visit marks, a node's cost is its degree.
class SnapshotSide {
 public:
  SnapshotSide(const GraphSnapshot& g, const ViaFilter& via)
      : g_(g),
        via_(via),
        marks_{&ThreadVisitMarks(0, g.node_count()), &ThreadVisitMarks(1, g.node_count()),
               &ThreadVisitMarks(2, g.node_count())},
        seen_{&ThreadVisitBits(0, g.node_count()), &ThreadVisitBits(1, g.node_count())} {}

  NodeKind Kind(NodeRef n) const { return g_.Kind(n); }
  uint64_t Cost(NodeRef n) const { return g_.Degree(n); }
  // The cost of a node just found, to choose the side to grow next: its
  // kind's mean degree (reading its own would be a cache miss per node).
  uint64_t NewCost(NodeRef, NodeKind k) const { return g_.MeanDegree(k); }
  void Prefetch(NodeRef n) const { g_.Prefetch(n); }
  // fn(v, kind of v) for every edge the search may follow from u, in ref order.
  template <typename Fn>
  Status Edges(NodeRef u, Fn&& fn) {
    NodeKind uk = g_.Kind(u);
    AdjList adj = g_.Adjacent(u);
    for (uint32_t i = 0; i < adj.size; ++i) {
      AdjMeta m = adj.meta[i];
      EdgeKind k = AdjKind(m);
      if (!HasKind(via_.kinds, k)) continue;
      NodeKind vk = AdjOtherKind(m);
      if (via_.qualified && !via_.AllowsEdge(k, uk, vk)) continue;
      if (!fn(adj.other[i], vk)) break;
    }
    return Status::OK();
  }
  // Whether an edge the search may follow joins u and v.
  Result<bool> Joined(NodeRef u, NodeRef v) const {
    NodeKind uk = g_.Kind(u);
    AdjList adj = g_.Adjacent(u);
    for (const NodeRef* it = std::lower_bound(adj.other, adj.other + adj.size, v); it != adj.other + adj.size && *it == v;
         ++it) {
      AdjMeta m = adj.meta[it - adj.other];
      if (HasKind(via_.kinds, AdjKind(m)) && (!via_.qualified || via_.AllowsEdge(AdjKind(m), uk, AdjOtherKind(m))))
        return true;
    }
    return false;
  }
  // Marks: 0 forward distance, 1 backward distance, 2 on a shortest path.
  // The two searches' "seen?" is asked of bitsets first (query/visit_marks.h).
  bool Mark(int which, NodeRef n, uint32_t value) {
    if (which == 2) return marks_[2]->Mark(n, value);
    if (!seen_[which]->Set(n)) return false;
    marks_[which]->Put(n, value);
    return true;
  }
  uint32_t Get(int which, NodeRef n) const {
    if (which < 2 && !seen_[which]->Test(n)) return UINT32_MAX;
    return marks_[which]->Get(n, UINT32_MAX);
  }
  bool RefOrderIsIdOrder() const { return true; }
  bool IdLess(NodeRef a, NodeRef b) const { return a < b; }

 private:
  const GraphSnapshot& g_;
  const ViaFilter& via_;
  VisitMarks* marks_[3];
  VisitBits* seen_[2];
};

// The same over any GraphView (the store's prefix scans): hash maps for
// marks; each node's edges read once and kept. A node's cost is its degree
// once its edges are read, else a guess by kind (topics and labs are hubs,
// a paper has a handful of edges): the search then grows the side that
// reads fewer edges, as on the snapshot, without reading them to find out.
class ViewSide {
 public:
  ViewSide(EvalContext& ctx, const ViaFilter& via) : ctx_(ctx), via_(via) {}

  NodeKind Kind(NodeRef n) const { return ctx_.view->Kind(n); }
  void Prefetch(NodeRef) const {}
  uint64_t NewCost(NodeRef n, NodeKind) const { return Cost(n); }
  uint64_t Cost(NodeRef n) const {
    auto it = adj_.find(n);
    if (it != adj_.end()) return it->second.size();
    switch (ctx_.view->Kind(n)) {
      case NodeKind::kTopic: return 1000;
      case NodeKind::kOrg: return 300;
      case NodeKind::kPost: return 10;
      case NodeKind::kPaper: return 5;
    }
    return 5;
  }
  template <typename Fn>
  Status Edges(NodeRef u, Fn&& fn) {
    auto it = adj_.find(u);
    if (it == adj_.end()) {
      std::vector<std::pair<NodeRef, NodeKind>> list;
      NodeKind uk = ctx_.view->Kind(u);
      auto add = [&](NodeRef o, EdgeKind k) {
        NodeKind ok = ctx_.view->Kind(o);
        if (!via_.qualified || via_.AllowsEdge(k, uk, ok)) list.emplace_back(o, ok);
      };
      Status s = ctx_.view->ForEachEdge(u, Direction::kOut, via_.kinds, add);
      if (s.ok()) s = ctx_.view->ForEachEdge(u, Direction::kIn, via_.kinds, add);
      if (!s.ok()) return s;
      std::sort(list.begin(), list.end(), [&](const auto& a, const auto& b) { return IdLess(a.first, b.first); });
      it = adj_.emplace(u, std::move(list)).first;
    }
    for (const auto& [v, vk] : it->second)
      if (!fn(v, vk)) break;
    return Status::OK();
  }
  Result<bool> Joined(NodeRef u, NodeRef v) {
    bool found = false;
    Status s = Edges(u, [&](NodeRef w, NodeKind) {
      found = w == v;
      return !found;
    });
    if (!s.ok()) return s;
    return found;
  }
  bool Mark(int which, NodeRef n, uint32_t value) { return marks_[which].emplace(n, value).second; }
  uint32_t Get(int which, NodeRef n) const {
    auto it = marks_[which].find(n);
    return it == marks_[which].end() ? UINT32_MAX : it->second;
  }
  bool IdLess(NodeRef a, NodeRef b) const { return ctx_.view->IdLess(a, b); }

 private:
  EvalContext& ctx_;
  const ViaFilter& via_;
  std::unordered_map<NodeRef, std::vector<std::pair<NodeRef, NodeKind>>> adj_;
  std::unordered_map<NodeRef, uint32_t> marks_[3];
};

// Bidirectional breadth-first search: the cheaper frontier (by the sum of
// its nodes' costs) grows a whole level at a time until the two searches
// meet; every node found by both at that point is at distance a from src
// and b from dst with a + b the shortest distance. The nodes on shortest
// paths are then labelled with their distance from src, walking each
// search's layers back from the meeting nodes, and the paths are read off
// those labels exactly as a one-sided search's predecessors would give them.
template <typename Graph>
Status BidirectionalSearch(Graph& g, const ViaFilter& via, NodeRef src, NodeRef dst, int max_hops, bool all,
                           EvalContext& ctx, PathAnswer* answer) {
  enum { kFwd = 0, kBwd = 1, kOn = 2 };
  g.Mark(kFwd, src, 0);
  g.Mark(kBwd, dst, 0);
  std::vector<std::vector<NodeRef>> layers[2] = {{{src}}, {{dst}}};
  uint64_t cost[2] = {g.Cost(src), g.Cost(dst)}, visited = 2;
  std::vector<NodeRef> meet;
  int radius[2] = {0, 0};
  while (meet.empty() && radius[0] + radius[1] < max_hops) {
    int side = cost[kFwd] <= cost[kBwd] ? kFwd : kBwd, other = 1 - side;
    uint32_t d = static_cast<uint32_t>(layers[side].size());
    std::vector<NodeRef> next;
    uint64_t next_cost = 0;
    const std::vector<NodeRef>& frontier = layers[side].back();
    for (size_t fi = 0; fi < frontier.size(); ++fi) {
      if (fi + 8 < frontier.size()) g.Prefetch(frontier[fi + 8]);  // a big layer's nodes lie all over memory
      NodeRef u = frontier[fi];
      Status s = g.Edges(u, [&](NodeRef v, NodeKind vk) {
        if (v != src && v != dst && !via.AllowsNode(vk)) return true;
        if (!g.Mark(side, v, d)) return true;
        next.push_back(v);
        next_cost += g.NewCost(v, vk);
        if (g.Get(other, v) != UINT32_MAX) meet.push_back(v);
        return true;
      });
      if (s.ok()) s = ctx.budget->Tick();
      if (!s.ok()) return s;
    }
    visited += next.size();
    if (Status s = ctx.budget->CheckIntermediate(visited); !s.ok()) return s;
    radius[side] = static_cast<int>(d);
    cost[side] = next_cost;
    bool exhausted = next.empty();
    layers[side].push_back(std::move(next));
    if (exhausted) break;
  }
  if (meet.empty()) return Status::OK();
  answer->found = true;
  const uint32_t a = static_cast<uint32_t>(radius[kFwd]), total = a + static_cast<uint32_t>(radius[kBwd]);

  // The nodes of layer i of `side` with an edge to a node of `cur` (the
  // nodes labelled next_label, one step further from that side's start)
  // get `label` and become the new `cur`. Whichever of the two node lists
  // has the smaller cost is scanned.
  std::vector<NodeRef> cur, prev;
  auto label_layer = [&](int side, uint32_t i, uint32_t label, uint32_t next_label) -> Status {
    prev.clear();
    const std::vector<NodeRef>& layer = layers[side][i];
    uint64_t layer_cost = 0, next_cost = 0;
    for (NodeRef u : layer) layer_cost += g.Cost(u);
    for (NodeRef w : cur) next_cost += g.Cost(w);
    if (next_cost <= layer_cost) {
      for (NodeRef w : cur) {
        Status s = g.Edges(w, [&](NodeRef u, NodeKind) {
          if (g.Get(side, u) == i && g.Mark(kOn, u, label)) prev.push_back(u);
          return true;
        });
        if (!s.ok()) return s;
      }
    } else {
      for (size_t li = 0; li < layer.size(); ++li) {
        if (li + 8 < layer.size()) g.Prefetch(layer[li + 8]);
        NodeRef u = layer[li];
        Status s = g.Edges(u, [&](NodeRef w, NodeKind) {
          if (g.Get(kOn, w) != next_label) return true;
          if (g.Mark(kOn, u, label)) prev.push_back(u);
          return false;
        });
        if (!s.ok()) return s;
      }
    }
    std::swap(cur, prev);
    return Status::OK();
  };
  // on_level[l]: the nodes on shortest paths at distance l from src.
  std::vector<std::vector<NodeRef>> on_level(total + 1);
  for (NodeRef v : meet) g.Mark(kOn, v, a);
  on_level[a] = meet;
  cur = meet;
  for (uint32_t i = a; i-- > 0;) {
    if (Status s = label_layer(kFwd, i, i, i + 1); !s.ok()) return s;
    on_level[i] = cur;
  }
  cur = meet;
  for (uint32_t j = static_cast<uint32_t>(radius[kBwd]); j-- > 0;) {
    if (Status s = label_layer(kBwd, j, total - j, total - j - 1); !s.ok()) return s;
    on_level[total - j] = cur;
  }
  std::vector<bool> level_sorted(total + 1, false);

  // preds(v): the nodes one level closer to src with an edge to v, in id
  // order. Read off v's edges, or, when v is a hub (a topic on the path has
  // 100,000 edges), by asking each node of that level whether it touches v.
  std::vector<NodeRef> preds;
  Status failed;
  Status walked = WalkBack(src, dst, all, ctx,
                           [&](NodeRef v) -> const std::vector<NodeRef>& {
                             preds.clear();
                             uint32_t want = g.Get(kOn, v) - 1;
                             std::vector<NodeRef>& level = on_level[want];
                             Status s;
                             if (g.Cost(v) <= 16 * level.size()) {
                               s = g.Edges(v, [&](NodeRef u, NodeKind) {
                                 if (g.Get(kOn, u) == want && (preds.empty() || preds.back() != u)) preds.push_back(u);
                                 return true;
                               });
                             } else {
                               if (!level_sorted[want]) {  // in id order, once
                                 std::sort(level.begin(), level.end(), [&](NodeRef x, NodeRef y) { return g.IdLess(x, y); });
                                 level_sorted[want] = true;
                               }
                               for (NodeRef u : level) {
                                 Result<bool> joined = g.Joined(u, v);
                                 if (!joined.ok()) {
                                   s = joined.status();
                                   break;
                                 }
                                 if (*joined) preds.push_back(u);
                               }
                             }
                             if (!s.ok() && failed.ok()) failed = s;
                             return preds;
                           },
                           answer);
  return failed.ok() ? walked : failed;
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
  ViaFilter via = ViaFilter::Of(c.via);

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

  PathAnswer answer;
  Status s;
  if (ctx.snapshot) {
    SnapshotSide g(*ctx.snapshot, via);
    s = BidirectionalSearch(g, via, src, dst, max_hops, c.all, ctx, &answer);
  } else {
    ViewSide g(ctx, via);
    s = BidirectionalSearch(g, via, src, dst, max_hops, c.all, ctx, &answer);
  }
  if (!s.ok()) return s;
  if (!answer.found) {
    out->notes.push_back("no path from " + from + " to " + to + " within " + std::to_string(max_hops) + " hops" +
                         (c.max_hops > 0 ? "" : " (raise the bound with --max-depth or `max N`)"));
    return Status::OK();
  }
  // A `select` right after that leaves out the evidence column: the
  // evidence is not read from the store at all.
  bool read_evidence = true;
  if (const Stage* st = ctx.first_stage; st && st->type == Stage::Type::kSelect)
    read_evidence = std::any_of(st->select.begin(), st->select.end(),
                                [](const ColumnRef& ref) { return ref.var == "evidence"; });
  std::vector<std::vector<NodeRef>>& paths = answer.paths;
  std::sort(paths.begin(), paths.end(), [&](const auto& x, const auto& y) {
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
      if (x[i] != y[i]) return ctx.view->IdLess(x[i], y[i]);
    return x.size() < y.size();
  });

  for (size_t pi = 0; pi < paths.size(); ++pi) {
    const std::vector<NodeRef>& path = paths[pi];
    for (size_t h = 0; h + 1 < path.size(); ++h) {
      NodeRef u = path[h], v = path[h + 1];
      NodeKind uk = ctx.view->Kind(u), vk = ctx.view->Kind(v);
      // Every edge of the allowed kinds joining the two, either way.
      std::vector<EdgeKind> kinds[2];  // [forward]
      if (ctx.snapshot) {
        AdjList adj = ctx.snapshot->Adjacent(u);
        const NodeRef* lo = std::lower_bound(adj.other, adj.other + adj.size, v);
        for (const NodeRef* it = lo; it != adj.other + adj.size && *it == v; ++it) {
          AdjMeta m = adj.meta[it - adj.other];
          if (HasKind(via.kinds, AdjKind(m)) && via.AllowsEdge(AdjKind(m), uk, vk)) kinds[AdjIsOut(m)].push_back(AdjKind(m));
        }
      } else {
        for (bool forward : {true, false}) {
          Status st = ctx.view->ForEachEdge(u, forward ? Direction::kOut : Direction::kIn, via.kinds,
                                            [&](NodeRef o, EdgeKind k) {
                                              if (o == v && via.AllowsEdge(k, uk, vk)) kinds[forward].push_back(k);
                                            });
          if (!st.ok()) return st;
        }
      }
      for (bool forward : {true, false}) {
        std::vector<EdgeKind>& ks = kinds[forward];
        std::sort(ks.begin(), ks.end());
        ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
        for (EdgeKind k : ks) {
          NodeRef es = forward ? u : v, ed = forward ? v : u;
          std::vector<std::string> evidence;
          if (read_evidence) {
            Result<std::optional<EdgeView>> e = ctx.store->GetEdge(ctx.view->Id(es), k, ctx.view->Id(ed));
            if (!e.ok()) return e.status();
            if (e->has_value()) evidence = EvidenceLines((*e)->evidence);
          }
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
