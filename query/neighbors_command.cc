// neighbors X [depth N] [via kinds]: breadth first from X over edges taken
// either way; each node once, at its distance, reached from the node with
// the smallest id one level closer (so the answer does not depend on
// storage order), by the first such edge in kind order.
//
// Two implementations of the same search: over any GraphView (hash maps,
// the store's prefix scans), and over the snapshot's flat adjacency with
// per-thread visit marks (query/visit_marks.h), for warm engines.
#include <algorithm>
#include <bit>
#include <unordered_map>

#include "query/commands.h"
#include "query/graph_snapshot.h"
#include "query/radix_sort.h"
#include "query/via_filter.h"
#include "query/visit_marks.h"

namespace pg {
namespace {

struct Reached {
  NodeRef node, from;
  EdgeKind kind;
  bool forward;
  NodeKind node_kind;
  int distance;
};

// Buffers reused from one query to the next on a thread: a search that
// reaches 200,000 nodes should not allocate and free megabytes each time.
struct Scratch {
  std::vector<Reached> reached, sorted;
  std::vector<uint64_t> keys, radix;
  std::vector<NodeRef> frontier, next;
};
thread_local Scratch scratch;

// Whether reaching a node from `from` by (k, forward) beats what `x` holds:
// the smaller id first, then the kind order, out-edges before in-edges.
template <typename IdLess>
bool Better(const Reached& x, NodeRef from, EdgeKind k, bool forward, IdLess id_less) {
  if (from != x.from) return id_less(from, x.from);
  return std::make_pair(k, !forward) < std::make_pair(x.kind, !x.forward);
}

Status SearchView(NodeRef start, int depth, const ViaFilter& via, EvalContext& ctx, std::vector<Reached>* reached) {
  std::unordered_map<NodeRef, size_t> index;  // node -> its entry in `reached`
  std::unordered_map<NodeRef, int> seen = {{start, 0}};
  std::vector<NodeRef> frontier = {start};
  auto id_less = [&](NodeRef a, NodeRef b) { return ctx.view->IdLess(a, b); };
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    std::vector<NodeRef> next;
    for (NodeRef u : frontier) {
      NodeKind uk = ctx.view->Kind(u);
      auto visit = [&](NodeRef v, EdgeKind k, bool forward) {
        NodeKind vk = ctx.view->Kind(v);
        if (!via.AllowsNode(vk) || !via.AllowsEdge(k, uk, vk)) return;
        auto [it, inserted] = seen.emplace(v, d);
        if (inserted) {
          index.emplace(v, reached->size());
          reached->push_back({v, u, k, forward, vk, d});
          next.push_back(v);
        } else if (it->second == d) {
          Reached& r = (*reached)[index.at(v)];
          if (Better(r, u, k, forward, id_less)) r = {v, u, k, forward, vk, d};
        }
      };
      Status s = ctx.view->ForEachEdge(u, Direction::kOut, via.kinds, [&](NodeRef o, EdgeKind k) { visit(o, k, true); });
      if (s.ok())
        s = ctx.view->ForEachEdge(u, Direction::kIn, via.kinds, [&](NodeRef o, EdgeKind k) { visit(o, k, false); });
      if (s.ok()) s = ctx.budget->Tick();
      if (!s.ok()) return s;
    }
    if (Status s = ctx.budget->CheckIntermediate(seen.size()); !s.ok()) return s;
    frontier = std::move(next);
  }
  return Status::OK();
}

// `seen` is left marking each reached node with its entry in `reached`.
Status SearchSnapshot(const GraphSnapshot& g, NodeRef start, int depth, const ViaFilter& via, EvalContext& ctx,
                      VisitMarks& seen, std::vector<Reached>* reached) {
  constexpr uint32_t kStart = UINT32_MAX;
  seen.Mark(start, kStart);
  std::vector<NodeRef>& frontier = scratch.frontier;
  std::vector<NodeRef>& next = scratch.next;
  frontier.assign(1, start);
  auto id_less = [](NodeRef a, NodeRef b) { return a < b; };  // refs are in id order
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    next.clear();
    for (size_t fi = 0; fi < frontier.size(); ++fi) {
      if (fi + 8 < frontier.size()) g.Prefetch(frontier[fi + 8]);
      NodeRef u = frontier[fi];
      NodeKind uk = g.Kind(u);
      AdjList adj = g.Adjacent(u);
      for (uint32_t i = 0; i < adj.size; ++i) {
        AdjMeta m = adj.meta[i];
        EdgeKind k = AdjKind(m);
        NodeKind vk = AdjOtherKind(m);
        if (!HasKind(via.kinds, k) || !via.AllowsNode(vk)) continue;
        if (via.qualified && !via.AllowsEdge(k, uk, vk)) continue;
        NodeRef v = adj.other[i];
        bool forward = AdjIsOut(m);
        if (seen.Mark(v, static_cast<uint32_t>(reached->size()))) {
          reached->push_back({v, u, k, forward, vk, d});
          next.push_back(v);
        } else if (uint32_t at = seen.Value(v); at != kStart) {
          Reached& r = (*reached)[at];
          if (r.distance == d && Better(r, u, k, forward, id_less)) r = {v, u, k, forward, vk, d};
        }
      }
      if (Status s = ctx.budget->Tick(); !s.ok()) return s;
    }
    if (Status s = ctx.budget->CheckIntermediate(reached->size() + 1); !s.ok()) return s;
    std::swap(frontier, next);
  }
  return Status::OK();
}

}  // namespace

Status EvaluateNeighbors(const NeighborsCommand& c, const std::string& id, EvalContext& ctx, BodyResult* out) {
  Table& t = out->table;
  for (const char* col : {"distance", "from", "edge", "node"}) t.AddColumn(col);
  int bound = ctx.budget->limits().max_depth;
  if (c.depth > bound)
    return QueryErrorStatus(ctx.query,
                            {c.depth_span, "depth " + std::to_string(c.depth) + " is more than the bound max_depth = " +
                                               std::to_string(bound) + " (raise it with --max-depth)"},
                            Status::Code::kLimitExceeded);
  ViaFilter via = ViaFilter::Of(c.via);
  Result<std::optional<NodeRef>> start = ctx.view->Find(id);
  if (!start.ok()) return start.status();
  if (!start->has_value()) return Status::OK();

  std::vector<Reached>& reached = scratch.reached;
  reached.clear();
  VisitMarks* marks = ctx.snapshot ? &ThreadVisitMarks(0, ctx.snapshot->node_count()) : nullptr;
  Status s = marks ? SearchSnapshot(*ctx.snapshot, **start, c.depth, via, ctx, *marks, &reached)
                   : SearchView(**start, c.depth, via, ctx, &reached);
  if (!s.ok()) return s;
  // Ordered by distance, kind and id.
  if (ctx.view->RefsInIdOrder()) {
    // Each node once, so (distance, kind, ref) is a total order: sort packed
    // keys (the ref in the low `bits` bits, its entry found again below).
    NodeRef max_ref = 0;
    for (const Reached& r : reached) max_ref = std::max(max_ref, r.node);
    int bits = std::bit_width(max_ref);
    std::vector<uint64_t>& keys = scratch.keys;
    keys.resize(reached.size());
    for (size_t i = 0; i < reached.size(); ++i) {
      const Reached& r = reached[i];
      keys[i] = (static_cast<uint64_t>(r.distance) << 2 | static_cast<uint64_t>(r.node_kind)) << bits | r.node;
    }
    RadixSort(&keys, &scratch.radix);
    const uint64_t ref_mask = (uint64_t{1} << bits) - 1;
    std::unordered_map<NodeRef, uint32_t> at_map;  // node -> entry, when there are no marks
    if (!marks)
      for (size_t i = 0; i < reached.size(); ++i) at_map.emplace(reached[i].node, static_cast<uint32_t>(i));
    std::vector<Reached>& sorted = scratch.sorted;
    sorted.clear();
    for (uint64_t k : keys) {
      NodeRef n = static_cast<NodeRef>(k & ref_mask);
      sorted.push_back(reached[marks ? marks->Value(n) : at_map.at(n)]);
    }
    reached.swap(sorted);
  } else {
    std::stable_sort(reached.begin(), reached.end(), [&](const Reached& x, const Reached& y) {
      if (x.distance != y.distance) return x.distance < y.distance;
      if (x.node_kind != y.node_kind) return x.node_kind < y.node_kind;
      return ctx.view->IdLess(x.node, y.node);
    });
  }

  // The columns: all four, or those a `select` of plain columns right after
  // keeps (the select is then done here, without building the other cells).
  enum Col { kDistance, kFrom, kEdge, kNode };
  std::vector<Col> cols = {kDistance, kFrom, kEdge, kNode};
  if (const Stage* st = ctx.first_stage; st && st->type == Stage::Type::kSelect) {
    std::vector<Col> picked;
    for (const ColumnRef& ref : st->select) {
      std::optional<size_t> c = t.Find(ref.var);
      if (!c || !ref.prop.empty()) {
        picked.clear();
        break;
      }
      picked.push_back(static_cast<Col>(*c));
    }
    if (!picked.empty()) {
      t = Table();
      for (const ColumnRef& ref : st->select) t.AddColumn(ref.Name());
      cols = std::move(picked);
      ctx.first_stage_done = true;
    }
  }
  if (std::all_of(cols.begin(), cols.end(), [](Col c) { return c == kFrom || c == kNode; })) {
    // Only node columns: flat rows (query/table.h).
    out->is_flat = true;
    out->flat.reserve(reached.size() * cols.size());
    for (const Reached& r : reached) {
      for (Col c : cols) out->flat.push_back(c == kFrom ? r.from : r.node);
      if (ctx.collect_subgraph) out->edges.push_back(r.forward ? TouchedEdge{r.from, r.kind, r.node}
                                                               : TouchedEdge{r.node, r.kind, r.from});
    }
    return Status::OK();
  }
  t.rows.resize(reached.size());
  for (size_t i = 0; i < reached.size(); ++i) {
    const Reached& r = reached[i];
    std::vector<Cell>& row = t.rows[i];
    row.resize(cols.size());
    for (size_t j = 0; j < cols.size(); ++j) {
      Cell& cell = row[j];
      switch (cols[j]) {
        case kDistance:
          cell.type = Cell::Type::kNumber;
          cell.number = r.distance;
          break;
        case kFrom:
          cell.type = Cell::Type::kNode;
          cell.node = r.from;
          break;
        case kEdge:
          cell.type = Cell::Type::kText;
          cell.text = EdgeLabel(r.kind, r.forward);
          break;
        case kNode:
          cell.type = Cell::Type::kNode;
          cell.node = r.node;
          break;
      }
    }
    if (ctx.collect_subgraph) out->edges.push_back(r.forward ? TouchedEdge{r.from, r.kind, r.node}
                                                             : TouchedEdge{r.node, r.kind, r.from});
  }
  return Status::OK();
}

}  // namespace pg
