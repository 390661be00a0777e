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

class Matcher {
 public:
  Matcher(const Pattern& pattern, const std::vector<BoundNode>& bound, EvalContext& ctx)
      : pattern_(pattern), bound_(bound), ctx_(ctx), accept_memo_(pattern.nodes.size()) {}

  Status Run(BodyResult* out);

 private:
  size_t width() const { return pattern_.nodes.size(); }
  size_t ChooseAnchor() const;
  Status Seed(size_t pos);
  Result<bool> Accept(size_t pos, NodeRef n, const NodeView* view = nullptr);
  Status OneHop(NodeRef n, const StepPlan& p, std::optional<NodeKind> target, std::vector<NodeRef>* out);
  Status Reach(NodeRef n, const StepPlan& p, std::vector<NodeRef>* out);
  Status Expand(size_t from, size_t to, const Step& step);
  Status CollectEdges(BodyResult* out);
  Status CheckDepth(const Step& s) const;

  const Pattern& pattern_;
  const std::vector<BoundNode>& bound_;
  EvalContext& ctx_;
  std::vector<std::unordered_map<NodeRef, bool>> accept_memo_;
  std::unordered_map<NodeRef, std::vector<NodeRef>> hop_memo_;  // for the step being expanded
  std::vector<NodeRef> rows_;                                    // flat, width() per row
  size_t lo_ = 0, hi_ = 0;                                       // the bound columns [lo_, hi_]
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
  bool ok;
  if (view) {
    ok = MatchesFilter(*view, filter);
  } else {
    NodeView empty;  // a node named only by edges: no properties
    empty.id = ctx_.view->Id(n);
    empty.kind = ctx_.view->Kind(n);
    ok = MatchesFilter(empty, filter);
  }
  memo.emplace(n, ok);
  return ok;
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
  return Status::OK();
}

// `target`: the kind the step must reach, when the pattern says; only the
// edge kinds that can join the two kinds are read (query/edge_schema.h).
Status Matcher::OneHop(NodeRef n, const StepPlan& p, std::optional<NodeKind> target, std::vector<NodeRef>* out) {
  out->clear();
  NodeKind nk = ctx_.view->Kind(n);
  auto visit = [&](NodeRef o, EdgeKind k) {
    if (!SkippedByBareStep(p, k, nk, ctx_.view->Kind(o))) out->push_back(o);
  };
  EdgeKindSet out_kinds = p.kinds & (target ? EdgeKindsBetween(nk, *target) : EdgeKindsAt(nk, Direction::kOut));
  EdgeKindSet in_kinds = p.kinds & (target ? EdgeKindsBetween(*target, nk) : EdgeKindsAt(nk, Direction::kIn));
  if (p.bare && (nk == NodeKind::kPaper || nk == NodeKind::kOrg) && target == NodeKind::kOrg) out_kinds &= ~KindBit(EdgeKind::kMentions);
  if (p.bare && nk == NodeKind::kOrg && target == NodeKind::kPaper) in_kinds &= ~KindBit(EdgeKind::kMentions);
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
  if (p.min_hops <= 1) {
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
  if (!s.repeated || s.max_hops <= bound) return Status::OK();
  return QueryErrorStatus(ctx_.query,
                          {s.repeat_span, "the repetition goes up to " + std::to_string(s.max_hops) +
                                              " hops, more than the bound max_depth = " + std::to_string(bound) +
                                              " (raise it with --max-depth)"},
                          Status::Code::kLimitExceeded);
}

Status Matcher::Expand(size_t from, size_t to, const Step& step) {
  StepPlan p = PlanStep(step, to < from, ctx_.budget->limits().max_depth);
  hop_memo_.clear();
  std::unordered_map<NodeRef, std::vector<NodeRef>> targets_memo;
  std::vector<NodeRef> next_rows, scratch;
  size_t w = width();
  size_t nrows = rows_.size() / w;
  size_t new_lo = std::min(lo_, to), new_hi = std::max(hi_, to);
  for (size_t r = 0; r < nrows; ++r) {
    const NodeRef* row = &rows_[r * w];
    NodeRef src = row[from];
    auto it = targets_memo.find(src);
    if (it == targets_memo.end()) {
      Status s = p.repeated ? Reach(src, p, &scratch) : OneHop(src, p, bound_[to].kind, &scratch);
      if (!s.ok()) return s;
      std::vector<NodeRef> accepted;
      for (NodeRef t : scratch) {
        Result<bool> ok = Accept(to, t);
        if (!ok.ok()) return ok.status();
        if (*ok) accepted.push_back(t);
      }
      it = targets_memo.emplace(src, std::move(accepted)).first;
    }
    for (NodeRef t : it->second) {
      bool clash = false;
      for (size_t c = lo_; c <= hi_ && !clash; ++c)
        clash = row[c] == t && !(c == from && p.min_hops == 0);
      if (clash) continue;
      size_t at = next_rows.size();
      next_rows.insert(next_rows.end(), row, row + w);
      next_rows[at + to] = t;
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
  return Status::OK();
}

Status Matcher::CollectEdges(BodyResult* out) {
  size_t w = width();
  size_t nrows = std::min<size_t>(rows_.size() / w, ctx_.budget->limits().max_rows);
  std::set<std::tuple<NodeRef, int, NodeRef>> seen;
  struct Incident {
    NodeRef other;
    EdgeKind kind;
    bool out;
  };
  for (size_t i = 0; i < pattern_.steps.size(); ++i) {
    const Step& step = pattern_.steps[i];
    if (step.repeated) continue;  // the intermediate nodes are not kept
    StepPlan p = PlanStep(step, false, 1);
    // Each left-hand node's edges are read once (a topic is on every row).
    std::unordered_map<NodeRef, std::vector<Incident>> incident;
    for (size_t r = 0; r < nrows; ++r) {
      NodeRef a = rows_[r * w + i], b = rows_[r * w + i + 1];
      auto it = incident.find(a);
      if (it == incident.end()) {
        std::vector<Incident> list;
        Status s;
        if (p.out) s = ctx_.view->ForEachEdge(a, Direction::kOut, p.kinds, [&](NodeRef o, EdgeKind k) { list.push_back({o, k, true}); });
        if (s.ok() && p.in) s = ctx_.view->ForEachEdge(a, Direction::kIn, p.kinds, [&](NodeRef o, EdgeKind k) { list.push_back({o, k, false}); });
        if (!s.ok()) return s;
        it = incident.emplace(a, std::move(list)).first;
      }
      NodeKind ak = ctx_.view->Kind(a), bk = ctx_.view->Kind(b);
      for (const Incident& e : it->second) {
        if (e.other != b || SkippedByBareStep(p, e.kind, ak, bk)) continue;
        NodeRef src = e.out ? a : b, dst = e.out ? b : a;
        if (seen.emplace(src, static_cast<int>(e.kind), dst).second) out->edges.push_back({src, e.kind, dst});
      }
    }
  }
  return Status::OK();
}

Status Matcher::Run(BodyResult* out) {
  for (const Step& s : pattern_.steps)
    if (Status d = CheckDepth(s); !d.ok()) return d;
  size_t anchor = ChooseAnchor();
  Status s = Seed(anchor);
  for (size_t i = anchor; s.ok() && i + 1 < width(); ++i) s = Expand(i, i + 1, pattern_.steps[i]);
  for (size_t i = anchor; s.ok() && i > 0; --i) s = Expand(i, i - 1, pattern_.steps[i - 1]);
  if (!s.ok()) return s;

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
  Table& t = out->table;
  bool all_fixed = true;
  for (const BoundNode& b : bound_) all_fixed = all_fixed && b.keyed && b.ids.size() == 1;
  for (size_t c = 0; c < w; ++c) {
    bool fixed = bound_[c].keyed && bound_[c].ids.size() == 1;
    t.AddColumn(names[c], fixed && !all_fixed);
  }
  t.rows.reserve(nrows);
  for (size_t r = 0; r < nrows; ++r) {
    std::vector<Cell> row;
    row.reserve(w);
    for (size_t c = 0; c < w; ++c) row.push_back(Cell::Node(rows_[r * w + c]));
    t.rows.push_back(std::move(row));
  }
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
