#include "query/pattern_eval.h"

#include <algorithm>
#include <limits>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "query/edge_schema.h"
#include "query/filter.h"
#include "query/graph_snapshot.h"
#include "query/visit_marks.h"

namespace pg {
namespace {

constexpr NodeRef kUnset = std::numeric_limits<NodeRef>::max();

// A step as walked from one column to the next (reversed when walking left).
struct StepPlan {
  bool out = false, in = false;
  EdgeKindSet kinds = kAnyEdgeKind;
  bool bare = false;
  bool repeated = false;
  int min_hops = 1, max_hops = 1;
  // OneHop's edge kinds to read out of / into a node, by the node's kind
  // (out | in << 8), worked out on first use: -1 until then. A plan is used
  // with one target kind throughout.
  mutable int16_t hop_kinds[4] = {-1, -1, -1, -1};
};

StepPlan PlanStep(const Step& s, bool reversed, int max_depth) {
  StepPlan p;
  Step::Dir d = s.dir;
  if (reversed && d != Step::Dir::kBoth) d = d == Step::Dir::kOut ? Step::Dir::kIn : Step::Dir::kOut;
  p.out = d != Step::Dir::kIn;
  p.in = d != Step::Dir::kOut;
  if (!s.kinds.empty()) {
    p.kinds = 0;
    for (EdgeKind k : s.kinds) p.kinds |= KindBit(k);
  }
  p.bare = s.bare;
  p.repeated = s.repeated;
  p.min_hops = s.min_hops;
  p.max_hops = s.repeated ? (s.max_hops > 0 ? s.max_hops : max_depth) : 1;
  return p;
}

// The bare step's one exception (docs/query.md): a paper reaches an org
// through explicit lab tags (`affiliated`), not through names in the text.
bool SkippedByBareStep(const StepPlan& p, EdgeKind k, NodeKind a, NodeKind b) {
  return p.bare && k == EdgeKind::kMentions && (a == NodeKind::kOrg || b == NodeKind::kOrg);
}

// The edge kinds a step reads out of and into a node of kind `nk` on its way
// to `target` (any kind when nullopt): only those that can join the two
// kinds (query/edge_schema.h), without the mentions the bare step skips.
std::pair<EdgeKindSet, EdgeKindSet> HopKinds(const StepPlan& p, NodeKind nk, std::optional<NodeKind> target) {
  EdgeKindSet ok = p.kinds & (target ? EdgeKindsBetween(nk, *target) : EdgeKindsAt(nk, Direction::kOut));
  EdgeKindSet ik = p.kinds & (target ? EdgeKindsBetween(*target, nk) : EdgeKindsAt(nk, Direction::kIn));
  if (p.bare && (nk == NodeKind::kPaper || nk == NodeKind::kOrg) && target == NodeKind::kOrg) ok &= ~KindBit(EdgeKind::kMentions);
  if (p.bare && nk == NodeKind::kOrg && target == NodeKind::kPaper) ik &= ~KindBit(EdgeKind::kMentions);
  return {ok, ik};
}

// Reading the edges of every node of the target kind costs about this many
// bytes of table files per source node it saves a seek for (a seek reads a
// whole block for a few keys; a scan reads blocks end to end).
constexpr uint64_t kScanBytesPerSeek = 2048;

class Matcher {
 public:
  Matcher(const Pattern& pattern, const std::vector<BoundNode>& bound, EvalContext& ctx)
      : pattern_(pattern),
        bound_(bound),
        ctx_(ctx),
        snap_(ctx.snapshot),
        accept_memo_(pattern.nodes.size()),
        props_seen_(pattern.nodes.size()) {}

  Status Run(BodyResult* out);

 private:
  size_t width() const { return pattern_.nodes.size(); }
  size_t ChooseAnchor() const;
  Status Seed(size_t pos);
  Result<bool> Accept(size_t pos, NodeRef n, const NodeView* view = nullptr);
  Status OneHop(NodeRef n, const StepPlan& p, std::optional<NodeKind> target, std::vector<NodeRef>* out);
  Status Reach(NodeRef n, const StepPlan& p, std::vector<NodeRef>* out);
  Status Expand(size_t from, size_t to, const Step& step);
  Result<bool> TargetsFromFarSide(size_t from, size_t to, const StepPlan& p,
                                  std::unordered_map<NodeRef, std::vector<NodeRef>>* targets);
  Status CollectEdges(BodyResult* out);
  // Which filter properties the nodes tried had (props_seen_), for a note.
  void NoteProperties(size_t pos, const NodeView& view);
  void NoteMissingProperties(BodyResult* out) const;
  Status CheckDepth(const Step& s) const;
  bool CountBy(const std::vector<std::string>& names, BodyResult* out);
  NodeKind KindOf(NodeRef n) const { return snap_ ? snap_->Kind(n) : ctx_.view->Kind(n); }
  // Accept without properties: a node selector with neither key nor filter.
  bool KindOnly(size_t pos) const { return !bound_[pos].keyed && bound_[pos].selector->filter.empty(); }

  const Pattern& pattern_;
  const std::vector<BoundNode>& bound_;
  EvalContext& ctx_;
  const GraphSnapshot* snap_;  // non-null: walk the snapshot's adjacency directly
  std::vector<NodeRef> hop_scratch_;
  std::vector<std::unordered_map<NodeRef, bool>> accept_memo_;
  std::vector<std::vector<bool>> props_seen_;  // per node position, per condition; empty until tried
  std::unordered_map<NodeRef, std::vector<NodeRef>> hop_memo_;  // for the step being expanded
  std::vector<NodeRef> rows_;                                    // flat, width() per row
  size_t lo_ = 0, hi_ = 0;                                       // the bound columns [lo_, hi_]
  // Columns known to hold a different node in every row (the seeds; what one
  // row expands to): expanding from them needs no memo of targets.
  std::vector<bool> distinct_;
};

size_t Matcher::ChooseAnchor() const {
  size_t best = 0;
  double best_cost = std::numeric_limits<double>::max();
  for (size_t i = 0; i < bound_.size(); ++i) {
    const BoundNode& b = bound_[i];
    double cost;
    if (b.keyed) {
      cost = static_cast<double>(b.ids.size());
    } else {
      // Without statistics: orgs and topics are few, posts more, papers most.
      cost = !b.kind ? 1e6 : *b.kind == NodeKind::kPaper ? 1e5 : *b.kind == NodeKind::kPost ? 5e4 : 1e4;
      if (!b.selector->filter.empty()) cost /= 10;
    }
    if (cost < best_cost) {
      best_cost = cost;
      best = i;
    }
  }
  return best;
}

Result<bool> Matcher::Accept(size_t pos, NodeRef n, const NodeView* view) {
  const BoundNode& b = bound_[pos];
  if (b.kind && ctx_.view->Kind(n) != *b.kind) return false;
  if (b.keyed && !std::binary_search(b.ids.begin(), b.ids.end(), ctx_.view->Id(n))) return false;
  const std::vector<Condition>& filter = b.selector->filter;
  if (filter.empty()) return true;
  auto& memo = accept_memo_[pos];
  auto it = memo.find(n);
  if (it != memo.end()) return it->second;
  if (!view) {
    Result<const NodeView*> node = NodeOf(ctx_, n);
    if (!node.ok()) return node.status();
    view = *node;
  }
  NodeView empty;  // a node named only by edges: no properties
  if (!view) {
    empty.id = ctx_.view->Id(n);
    empty.kind = ctx_.view->Kind(n);
    view = &empty;
  }
  NoteProperties(pos, *view);
  bool ok = MatchesFilter(*view, filter);
  memo.emplace(n, ok);
  return ok;
}

void Matcher::NoteProperties(size_t pos, const NodeView& view) {
  std::vector<bool>& seen = props_seen_[pos];
  if (seen.empty()) seen.assign(bound_[pos].selector->filter.size(), false);
  for (size_t i = 0; i < seen.size(); ++i)
    if (!seen[i]) seen[i] = !PropertyValues(view, bound_[pos].selector->filter[i].prop).empty();
}

// A filter on a property no node it was tried on has (`paper[foo = 1]`, a
// typo) gives an empty answer without an error: say so.
void Matcher::NoteMissingProperties(BodyResult* out) const {
  for (size_t pos = 0; pos < props_seen_.size(); ++pos) {
    const std::vector<bool>& seen = props_seen_[pos];
    for (size_t i = 0; i < seen.size(); ++i) {
      if (seen[i]) continue;
      const NodeSelector& sel = *bound_[pos].selector;
      std::string kind = sel.kind ? std::string(NodeKindName(*sel.kind)) : "node";
      out->notes.push_back("no " + kind + " the filter was tried on has a property '" + sel.filter[i].prop + "'");
    }
  }
}

Status Matcher::Seed(size_t pos) {
  const BoundNode& b = bound_[pos];
  std::vector<NodeRef> seeds;
  if (b.keyed) {
    for (const std::string& id : b.ids) {
      Result<std::optional<NodeRef>> ref = ctx_.view->Find(id);
      if (!ref.ok()) return ref.status();
      if (!ref->has_value()) continue;
      Result<bool> ok = Accept(pos, **ref);
      if (!ok.ok()) return ok.status();
      if (*ok) seeds.push_back(**ref);
    }
  } else {
    Status inner;
    Status s = ctx_.view->ForEachNode(b.kind, [&](NodeRef n, const NodeView* view) {
      inner = ctx_.budget->Tick();
      if (!inner.ok()) return false;
      Result<bool> ok = Accept(pos, n, view);
      if (!ok.ok()) {
        inner = ok.status();
        return false;
      }
      if (*ok) seeds.push_back(n);
      return true;
    });
    if (!s.ok()) return s;
    if (!inner.ok()) return inner;
  }
  std::sort(seeds.begin(), seeds.end());
  seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
  Status s = ctx_.budget->CheckIntermediate(seeds.size());
  if (!s.ok()) return s;
  rows_.assign(seeds.size() * width(), kUnset);
  for (size_t i = 0; i < seeds.size(); ++i) rows_[i * width() + pos] = seeds[i];
  lo_ = hi_ = pos;
  distinct_.assign(width(), false);
  distinct_[pos] = true;
  return Status::OK();
}

// `target`: the kind the step must reach, when the pattern says; only the
// edge kinds that can join the two kinds are read (query/edge_schema.h).
Status Matcher::OneHop(NodeRef n, const StepPlan& p, std::optional<NodeKind> target, std::vector<NodeRef>* out) {
  out->clear();
  NodeKind nk = KindOf(n);
  int16_t& cached = p.hop_kinds[static_cast<int>(nk)];
  if (cached < 0) {
    auto [ok, ik] = HopKinds(p, nk, target);
    cached = static_cast<int16_t>(ok | ik << 8);
  }
  EdgeKindSet out_kinds = static_cast<EdgeKindSet>(cached & 0xff), in_kinds = static_cast<EdgeKindSet>(cached >> 8);
  if (snap_) {
    // The node's edges come sorted by neighbour: the answer is sorted as it is
    // made. Nodes of another kind than the target are left to Accept's verdict
    // (they would fail it) by skipping them here.
    if (!p.out) out_kinds = 0;
    if (!p.in) in_kinds = 0;
    if (out_kinds | in_kinds) {
      AdjList adj = snap_->Adjacent(n);
      for (uint32_t i = 0; i < adj.size; ++i) {
        AdjMeta m = adj.meta[i];
        EdgeKind k = AdjKind(m);
        if (!HasKind(AdjIsOut(m) ? out_kinds : in_kinds, k)) continue;
        NodeKind ok = AdjOtherKind(m);
        if (target && ok != *target) continue;
        if (SkippedByBareStep(p, k, nk, ok)) continue;
        NodeRef o = adj.other[i];
        if (out->empty() || out->back() != o) out->push_back(o);
      }
    }
    return ctx_.budget->Tick();
  }
  auto visit = [&](NodeRef o, EdgeKind k) {
    if (!SkippedByBareStep(p, k, nk, ctx_.view->Kind(o))) out->push_back(o);
  };
  Status s;
  if (p.out && out_kinds) s = ctx_.view->ForEachEdge(n, Direction::kOut, out_kinds, visit);
  if (s.ok() && p.in && in_kinds) s = ctx_.view->ForEachEdge(n, Direction::kIn, in_kinds, visit);
  if (!s.ok()) return s;
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return ctx_.budget->Tick();
}

Status Matcher::Reach(NodeRef start, const StepPlan& p, std::vector<NodeRef>* out) {
  out->clear();
  std::vector<NodeRef> next;
  auto hops = [&](NodeRef u) -> Result<const std::vector<NodeRef>*> {
    auto it = hop_memo_.find(u);
    if (it == hop_memo_.end()) {
      Status s = OneHop(u, p, std::nullopt, &next);
      if (!s.ok()) return s;
      it = hop_memo_.emplace(u, next).first;
    }
    return &it->second;
  };
  if (p.min_hops <= 1 && snap_) {
    // The same breadth-first search with visit marks instead of a hash set;
    // a node's edges are read straight from the snapshot (no memo needed).
    VisitMarks& seen = ThreadVisitMarks(3, snap_->node_count());
    seen.Mark(start, 0);
    uint64_t seen_count = 1;
    std::vector<NodeRef> frontier = {start}, level;
    if (p.min_hops == 0) out->push_back(start);
    for (int d = 1; d <= p.max_hops && !frontier.empty(); ++d) {
      level.clear();
      for (NodeRef u : frontier) {
        Status s = OneHop(u, p, std::nullopt, &hop_scratch_);
        if (!s.ok()) return s;
        for (NodeRef v : hop_scratch_)
          if (seen.Mark(v, static_cast<uint32_t>(d))) {
            level.push_back(v);
            out->push_back(v);
          }
      }
      seen_count += level.size();
      Status s = ctx_.budget->CheckIntermediate(seen_count);
      if (!s.ok()) return s;
      std::swap(frontier, level);
    }
  } else if (p.min_hops <= 1) {
    // Breadth first: every node within max_hops has a simple path of its
    // distance, so this is exactly the acyclic reach.
    std::unordered_set<NodeRef> seen = {start};
    std::vector<NodeRef> frontier = {start};
    if (p.min_hops == 0) out->push_back(start);
    for (int d = 1; d <= p.max_hops && !frontier.empty(); ++d) {
      std::vector<NodeRef> level;
      for (NodeRef u : frontier) {
        Result<const std::vector<NodeRef>*> adj = hops(u);
        if (!adj.ok()) return adj.status();
        for (NodeRef v : **adj)
          if (seen.insert(v).second) {
            level.push_back(v);
            out->push_back(v);
          }
      }
      Status s = ctx_.budget->CheckIntermediate(seen.size());
      if (!s.ok()) return s;
      frontier = std::move(level);
    }
  } else {
    // Depth first over simple paths: a node counts when some acyclic path of
    // min..max hops reaches it.
    std::unordered_set<NodeRef> on_path = {start}, found;
    uint64_t paths = 0;
    Status failed;
    std::function<void(NodeRef, int)> dfs = [&](NodeRef u, int depth) {
      if (!failed.ok()) return;
      if (depth >= p.min_hops) found.insert(u);
      if (depth == p.max_hops) return;
      Result<const std::vector<NodeRef>*> adj = hops(u);
      if (!adj.ok()) {
        failed = adj.status();
        return;
      }
      std::vector<NodeRef> copy = **adj;  // the memo may rehash during recursion
      for (NodeRef v : copy) {
        if (on_path.count(v)) continue;
        if (++paths > ctx_.budget->limits().max_intermediate) {
          failed = ctx_.budget->CheckIntermediate(paths);
          return;
        }
        if (Status t = ctx_.budget->Tick(); !t.ok()) {
          failed = t;
          return;
        }
        on_path.insert(v);
        dfs(v, depth + 1);
        on_path.erase(v);
      }
    };
    dfs(start, 0);
    if (!failed.ok()) return failed;
    out->assign(found.begin(), found.end());
  }
  std::sort(out->begin(), out->end());
  return Status::OK();
}

Status Matcher::CheckDepth(const Step& s) const {
  int bound = ctx_.budget->limits().max_depth;
  if (s.repeated && s.max_hops == 0 && s.min_hops > bound)  // `*20..`: the cap would make it empty
    return QueryErrorStatus(ctx_.query,
                            {s.repeat_span, "the repetition starts at " + std::to_string(s.min_hops) +
                                                " hops, more than the bound max_depth = " + std::to_string(bound) +
                                                " (raise it with --max-depth)"},
                            Status::Code::kLimitExceeded);
  if (!s.repeated || s.max_hops <= bound) return Status::OK();
  return QueryErrorStatus(ctx_.query,
                          {s.repeat_span, "the repetition goes up to " + std::to_string(s.max_hops) +
                                              " hops, more than the bound max_depth = " + std::to_string(bound) +
                                              " (raise it with --max-depth)"},
                          Status::Code::kLimitExceeded);
}

// A step from many distinct nodes into a kind with few (thousands of papers
// to the labs) on the store: a seek per source, or one sequential read of
// every edge of the target kind, whichever reads less. When the far side is
// cheaper, fills *targets with each source's sorted targets and returns true.
Result<bool> Matcher::TargetsFromFarSide(size_t from, size_t to, const StepPlan& p,
                                         std::unordered_map<NodeRef, std::vector<NodeRef>>* targets) {
  std::optional<NodeKind> from_kind = bound_[from].kind, to_kind = bound_[to].kind;
  if (snap_ || p.repeated || !KindOnly(to) || !to_kind || !from_kind) return false;
  size_t w = width(), nrows = rows_.size() / w;
  std::vector<bool> sources;
  uint64_t distinct = 0;
  for (size_t r = 0; r < nrows; ++r) {
    NodeRef n = rows_[r * w + from];
    if (n >= sources.size()) sources.resize(n + 1, false);
    if (!sources[n]) ++distinct;
    sources[n] = true;
  }
  auto [out_kinds, in_kinds] = HopKinds(p, *from_kind, to_kind);
  if (!p.out) out_kinds = 0;
  if (!p.in) in_kinds = 0;
  // Seen from the target: the source's out-edges are its in-edges.
  std::pair<Direction, EdgeKindSet> reads[] = {{Direction::kIn, out_kinds}, {Direction::kOut, in_kinds}};
  uint64_t bytes = 0;
  for (auto [dir, kinds] : reads) {
    if (!kinds) continue;
    std::optional<uint64_t> b = ctx_.view->EdgeBytesAtKind(*to_kind, dir);
    if (!b) return false;
    bytes += *b;
  }
  if (bytes / kScanBytesPerSeek >= distinct) return false;
  for (auto [dir, kinds] : reads) {
    if (!kinds) continue;
    Status failed;
    Status s = ctx_.view->ForEachEdgeAtKind(*to_kind, dir, kinds, sources, [&](NodeRef t, NodeRef src, EdgeKind k) {
      if (!failed.ok() || SkippedByBareStep(p, k, *from_kind, *to_kind)) return;
      (*targets)[src].push_back(t);
      failed = ctx_.budget->Tick();
    });
    if (!s.ok()) return s;
    if (!failed.ok()) return failed;
  }
  for (auto& [src, list] : *targets) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return true;
}

Status Matcher::Expand(size_t from, size_t to, const Step& step) {
  StepPlan p = PlanStep(step, to < from, ctx_.budget->limits().max_depth);
  hop_memo_.clear();
  // Each distinct source's accepted targets, once: spans of `pool`, found
  // through visit marks on the snapshot or a hash map otherwise.
  struct Targets {
    uint32_t begin, size;
  };
  std::vector<NodeRef> pool;
  std::vector<Targets> spans;
  std::unordered_map<NodeRef, uint32_t> memo_map;
  VisitMarks* memo = snap_ ? &ThreadVisitMarks(2, snap_->node_count()) : nullptr;
  std::vector<NodeRef> next_rows, scratch;
  size_t w = width();
  size_t nrows = rows_.size() / w;
  size_t new_lo = std::min(lo_, to), new_hi = std::max(hi_, to);
  bool kind_only = KindOnly(to);
  std::optional<NodeKind> to_kind = bound_[to].kind;
  bool to_distinct = nrows == 1;
  std::unordered_map<NodeRef, std::vector<NodeRef>> far_targets;
  Result<bool> from_far_side = TargetsFromFarSide(from, to, p, &far_targets);
  if (!from_far_side.ok()) return from_far_side.status();
  if (snap_ && distinct_[from] && kind_only && !p.repeated) {
    // Every source once: its targets go straight into the rows (no memo),
    // the adjacency of sources a few rows ahead already on its way to the cache.
    constexpr size_t kAhead = 8;
    for (size_t r = 0; r < nrows; ++r) {
      if (r + kAhead < nrows) snap_->Prefetch(rows_[(r + kAhead) * w + from]);
      const NodeRef* row = &rows_[r * w];
      Status s = OneHop(row[from], p, to_kind, &scratch);
      if (!s.ok()) return s;
      for (NodeRef t : scratch) {
        bool clash = false;
        for (size_t c = lo_; c <= hi_ && !clash; ++c) clash = row[c] == t;
        if (clash) continue;
        size_t end = next_rows.size();
        next_rows.insert(next_rows.end(), row, row + w);
        next_rows[end + to] = t;
      }
      if ((r & 255) == 0) {
        s = ctx_.budget->CheckIntermediate(next_rows.size() / w);
        if (s.ok()) s = ctx_.budget->CheckTime();
        if (!s.ok()) return s;
      }
    }
    nrows = 0;  // done
  }
  for (size_t r = 0; r < nrows; ++r) {
    NodeRef src = rows_[r * w + from];
    uint32_t at = UINT32_MAX;
    if (memo) {
      at = memo->Get(src, UINT32_MAX);
    } else if (auto it = memo_map.find(src); it != memo_map.end()) {
      at = it->second;
    }
    if (at == UINT32_MAX) {
      if (*from_far_side) {
        auto it = far_targets.find(src);
        scratch.clear();
        if (it != far_targets.end()) scratch.swap(it->second);
      } else {
        Status s = p.repeated ? Reach(src, p, &scratch) : OneHop(src, p, to_kind, &scratch);
        if (!s.ok()) return s;
      }
      Targets span{static_cast<uint32_t>(pool.size()), 0};
      for (NodeRef t : scratch) {
        bool ok;
        if (kind_only) {
          ok = !to_kind || KindOf(t) == *to_kind;
        } else {
          Result<bool> accepted = Accept(to, t);
          if (!accepted.ok()) return accepted.status();
          ok = *accepted;
        }
        if (ok) pool.push_back(t);
      }
      span.size = static_cast<uint32_t>(pool.size() - span.begin);
      at = static_cast<uint32_t>(spans.size());
      spans.push_back(span);
      if (memo)
        memo->Mark(src, at);
      else
        memo_map.emplace(src, at);
    }
    const NodeRef* row = &rows_[r * w];
    const Targets& span = spans[at];
    for (uint32_t i = 0; i < span.size; ++i) {
      NodeRef t = pool[span.begin + i];
      bool clash = false;
      for (size_t c = lo_; c <= hi_ && !clash; ++c)
        clash = row[c] == t && !(c == from && p.min_hops == 0);
      if (clash) continue;
      size_t end = next_rows.size();
      next_rows.insert(next_rows.end(), row, row + w);
      next_rows[end + to] = t;
    }
    if ((r & 255) == 0) {
      Status s = ctx_.budget->CheckIntermediate(next_rows.size() / w);
      if (s.ok()) s = ctx_.budget->CheckTime();
      if (!s.ok()) return s;
    }
  }
  Status s = ctx_.budget->CheckIntermediate(next_rows.size() / w);
  if (!s.ok()) return s;
  rows_ = std::move(next_rows);
  lo_ = new_lo;
  hi_ = new_hi;
  distinct_.assign(w, false);
  distinct_[to] = to_distinct;
  return Status::OK();
}

Status Matcher::CollectEdges(BodyResult* out) {
  size_t w = width();
  size_t nrows = std::min<size_t>(rows_.size() / w, ctx_.budget->limits().max_rows);
  std::set<std::tuple<NodeRef, int, NodeRef>> seen;
  struct Incident {
    NodeRef other;
    EdgeKind kind;
    bool out;  // the edge leaves the node it was read at
  };
  auto distinct_in = [&](size_t column) {
    std::unordered_set<NodeRef> nodes;
    for (size_t r = 0; r < nrows; ++r) nodes.insert(rows_[r * w + column]);
    return nodes.size();
  };
  for (size_t i = 0; i < pattern_.steps.size(); ++i) {
    const Step& step = pattern_.steps[i];
    if (step.repeated) continue;  // the intermediate nodes are not kept
    // Read at the column with fewer distinct nodes (62 labs, not 3,000
    // papers); each of its nodes' edges once (a topic is on every row).
    bool at_right = distinct_in(i + 1) < distinct_in(i);
    StepPlan p = PlanStep(step, at_right, 1);
    std::unordered_map<NodeRef, std::vector<Incident>> incident;
    for (size_t r = 0; r < nrows; ++r) {
      NodeRef a = rows_[r * w + i + at_right], b = rows_[r * w + i + !at_right];
      auto it = incident.find(a);
      if (it == incident.end()) {
        std::vector<Incident> list;
        Status s;
        if (p.out) s = ctx_.view->ForEachEdge(a, Direction::kOut, p.kinds, [&](NodeRef o, EdgeKind k) { list.push_back({o, k, true}); });
        if (s.ok() && p.in) s = ctx_.view->ForEachEdge(a, Direction::kIn, p.kinds, [&](NodeRef o, EdgeKind k) { list.push_back({o, k, false}); });
        if (!s.ok()) return s;
        // By the other end, so each row finds its edges without scanning
        // the whole list (a topic has thousands, one row each).
        std::sort(list.begin(), list.end(), [](const Incident& x, const Incident& y) { return x.other < y.other; });
        it = incident.emplace(a, std::move(list)).first;
      }
      NodeKind ak = ctx_.view->Kind(a), bk = ctx_.view->Kind(b);
      auto [first, last] = std::equal_range(it->second.begin(), it->second.end(), Incident{b, EdgeKind::kMentions, false},
                                            [](const Incident& x, const Incident& y) { return x.other < y.other; });
      for (auto e_it = first; e_it != last; ++e_it) {
        const Incident& e = *e_it;
        if (SkippedByBareStep(p, e.kind, ak, bk)) continue;
        NodeRef src = e.out ? a : b, dst = e.out ? b : a;
        if (seen.emplace(src, static_cast<int>(e.kind), dst).second) out->edges.push_back({src, e.kind, dst});
      }
    }
  }
  return Status::OK();
}

// `| count by v` right after the pattern, v a column: counted straight from
// the compact rows, the table Count (query/stages.cc) would make. False when
// the stage is something else (it then runs as usual, errors included).
bool Matcher::CountBy(const std::vector<std::string>& names, BodyResult* out) {
  const Stage* st = ctx_.first_stage;
  if (!st || st->type != Stage::Type::kCount || !st->by || !st->by->prop.empty()) return false;
  auto col = std::find(names.begin(), names.end(), st->by->var);
  if (col == names.end()) return false;
  size_t c = static_cast<size_t>(col - names.begin()), w = width();
  size_t nrows = rows_.size() / w;
  std::vector<std::pair<NodeRef, uint64_t>> groups;
  std::unordered_map<NodeRef, uint32_t> index_map;
  VisitMarks* index = snap_ ? &ThreadVisitMarks(2, snap_->node_count()) : nullptr;
  for (size_t r = 0; r < nrows; ++r) {
    NodeRef v = rows_[r * w + c];
    uint32_t at;
    if (index) {
      at = index->Get(v, UINT32_MAX);
      if (at == UINT32_MAX) {
        at = static_cast<uint32_t>(groups.size());
        index->Mark(v, at);
        groups.emplace_back(v, 0);
      }
    } else {
      auto [it, inserted] = index_map.emplace(v, static_cast<uint32_t>(groups.size()));
      if (inserted) groups.emplace_back(v, 0);
      at = it->second;
    }
    ++groups[at].second;
  }
  // Most first; ties by id (as Count does).
  bool by_ref = ctx_.view->RefsInIdOrder();
  std::sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return by_ref ? a.first < b.first : ctx_.view->Id(a.first) < ctx_.view->Id(b.first);
  });
  Table& t = out->table;
  t = Table();
  t.AddColumn(st->by->Name());
  t.AddColumn("count");
  t.rows.reserve(groups.size());
  for (const auto& [v, n] : groups) t.rows.push_back({Cell::Node(v), Cell::Number(static_cast<double>(n))});
  return true;
}

Status Matcher::Run(BodyResult* out) {
  for (const Step& s : pattern_.steps)
    if (Status d = CheckDepth(s); !d.ok()) return d;
  size_t anchor = ChooseAnchor();
  Status s = Seed(anchor);
  for (size_t i = anchor; s.ok() && i + 1 < width(); ++i) s = Expand(i, i + 1, pattern_.steps[i]);
  for (size_t i = anchor; s.ok() && i > 0; --i) s = Expand(i, i - 1, pattern_.steps[i - 1]);
  if (!s.ok()) return s;

  NoteMissingProperties(out);
  size_t w = width();
  size_t nrows = rows_.size() / w;
  std::vector<size_t> order(nrows);
  for (size_t i = 0; i < nrows; ++i) order[i] = i;
  if (ctx_.sort_rows) {
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      for (size_t c = 0; c < w; ++c) {
        NodeRef x = rows_[a * w + c], y = rows_[b * w + c];
        if (x == y) continue;
        return ctx_.view->IdLess(x, y);
      }
      return false;
    });
    std::vector<NodeRef> sorted;
    sorted.reserve(rows_.size());
    for (size_t i : order) sorted.insert(sorted.end(), rows_.begin() + i * w, rows_.begin() + (i + 1) * w);
    rows_ = std::move(sorted);
  }
  if (ctx_.collect_subgraph) {
    s = CollectEdges(out);
    if (!s.ok()) return s;
  }

  std::vector<std::string> names;
  s = PatternColumns(pattern_, ctx_.query, &names);
  if (!s.ok()) return s;
  if (CountBy(names, out)) {
    ctx_.first_stage_done = true;
    return Status::OK();
  }
  Table& t = out->table;
  bool all_fixed = true;
  for (const BoundNode& b : bound_) all_fixed = all_fixed && b.keyed && b.ids.size() == 1;
  for (size_t c = 0; c < w; ++c) {
    bool fixed = bound_[c].keyed && bound_[c].ids.size() == 1;
    t.AddColumn(names[c], fixed && !all_fixed);
  }
  // Every cell is a node: the rows stay flat until a stage needs them.
  out->is_flat = true;
  out->flat = std::move(rows_);
  return Status::OK();
}

}  // namespace

Status PatternColumns(const Pattern& pattern, std::string_view query, std::vector<std::string>* columns) {
  columns->clear();
  std::map<std::string, size_t> explicit_vars;
  for (size_t i = 0; i < pattern.nodes.size(); ++i) {
    const NodeSelector& n = pattern.nodes[i];
    if (n.var.empty()) continue;
    if (!explicit_vars.emplace(n.var, i).second)
      return QueryErrorStatus(query, {n.var_span, "the variable '" + n.var + "' names two nodes; use another name"});
  }
  std::map<std::string, std::vector<size_t>> implicit;
  std::vector<std::string> base(pattern.nodes.size());
  for (size_t i = 0; i < pattern.nodes.size(); ++i) {
    const NodeSelector& n = pattern.nodes[i];
    base[i] = !n.var.empty() ? n.var : n.kind ? std::string(NodeKindName(*n.kind)) : "node";
    if (n.var.empty()) implicit[base[i]].push_back(i);
  }
  *columns = base;
  for (auto& [name, positions] : implicit) {
    bool taken = explicit_vars.count(name) > 0;
    // The last position keeps the plain name unless a variable took it.
    for (size_t k = 0; k < positions.size(); ++k) {
      bool last = k + 1 == positions.size();
      if (last && !taken) continue;
      (*columns)[positions[k]] = name + std::to_string(k + 1);
    }
  }
  return Status::OK();
}

Status EvaluatePattern(const Pattern& pattern, const std::vector<BoundNode>& bound, EvalContext& ctx,
                       BodyResult* out) {
  return Matcher(pattern, bound, ctx).Run(out);
}

}  // namespace pg
