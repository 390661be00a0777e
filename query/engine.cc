#include "query/engine.h"

#include <algorithm>
#include <map>
#include <set>

#include "query/binder.h"
#include "query/commands.h"
#include "query/eval_context.h"
#include "query/node_cache.h"
#include "query/parser.h"
#include "query/pattern_eval.h"
#include "query/stages.h"
#include "query/store_graph_view.h"

namespace pg {
namespace {

const char* CommandName(const QueryBody& body) {
  switch (body.index()) {
    case 0: return "match";
    case 1: return "path";
    case 2: return "neighbors";
    case 3: return "related";
    default: return "why";
  }
}

// Path and related look at large parts of the graph: the snapshot pays off.
bool NeedsSnapshot(const QueryBody& body) {
  return std::holds_alternative<PathCommand>(body) || std::holds_alternative<RelatedCommand>(body);
}

Status EvaluateBody(const Query& q, Binder& binder, EvalContext& ctx, BodyResult* body) {
  if (const auto* p = std::get_if<Pattern>(&q.body)) {
    std::vector<BoundNode> bound;
    for (const NodeSelector& n : p->nodes) {
      Result<BoundNode> b = binder.Bind(n);
      if (!b.ok()) return b.status();
      bound.push_back(std::move(*b));
    }
    return EvaluatePattern(*p, bound, ctx, body);
  }
  if (const auto* c = std::get_if<PathCommand>(&q.body)) {
    Result<std::string> from = binder.BindOne(c->from, "the start of a path");
    if (!from.ok()) return from.status();
    Result<std::string> to = binder.BindOne(c->to, "the end of a path");
    if (!to.ok()) return to.status();
    return EvaluatePath(*c, *from, *to, ctx, body);
  }
  if (const auto* c = std::get_if<NeighborsCommand>(&q.body)) {
    Result<std::string> id = binder.BindOne(c->node, "neighbors");
    if (!id.ok()) return id.status();
    return EvaluateNeighbors(*c, *id, ctx, body);
  }
  if (const auto* c = std::get_if<RelatedCommand>(&q.body)) {
    if (c->node.kind != NodeKind::kPaper)
      return QueryErrorStatus(ctx.query, {c->node.span, "related ranks papers by what they share with a paper; "
                                                        "give it one, such as paper:2510.25741"});
    Result<std::string> id = binder.BindOne(c->node, "related");
    if (!id.ok()) return id.status();
    return EvaluateRelated(*c, *id, ctx, body);
  }
  const auto& c = std::get<WhyCommand>(q.body);
  Result<std::string> a = binder.BindOne(c.a, "why");
  if (!a.ok()) return a.status();
  Result<std::string> b = binder.BindOne(c.b, "why");
  if (!b.ok()) return b.status();
  return EvaluateWhy(*a, *b, ctx, body);
}

ResultValue ToValue(const Cell& c, const GraphView& view) {
  ResultValue v;
  switch (c.type) {
    case Cell::Type::kNull: break;
    case Cell::Type::kNode:
      v.type = ResultValue::Type::kNode;
      v.text = view.Id(c.node);
      break;
    case Cell::Type::kText:
      v.type = ResultValue::Type::kText;
      v.text = c.text;
      break;
    case Cell::Type::kNumber:
      v.type = ResultValue::Type::kNumber;
      v.number = c.number;
      break;
    case Cell::Type::kList:
      v.type = ResultValue::Type::kList;
      v.list = c.list;
      break;
  }
  return v;
}

}  // namespace

const ResultNode* QueryResult::Node(const std::string& id) const {
  auto it = std::lower_bound(nodes.begin(), nodes.end(), id, [](const ResultNode& n, const std::string& x) { return n.id < x; });
  return it != nodes.end() && it->id == id ? &*it : nullptr;
}

Result<QueryResult> QueryEngine::Run(std::string_view text, const QueryOptions& options) {
  Budget budget(options.limits);

  // 1. Parse.
  Query q;
  QueryError perr;
  if (!ParseQuery(text, &q, &perr)) return QueryErrorStatus(text, perr);

  // 2. Choose the graph: prefix scans for local work, the snapshot for
  //    whole-graph commands or when it is already warm.
  NodeCache cache(store_);
  std::unique_ptr<GraphView> view;
  std::shared_ptr<const GraphSnapshot> snap = snapshots_.Current(*store_);
  bool want_snapshot = options.source == GraphSource::kSnapshot ||
                       (options.source == GraphSource::kAuto && (snap || NeedsSnapshot(q.body)));
  if (want_snapshot && !snap) {
    Result<std::shared_ptr<const GraphSnapshot>> built = snapshots_.Get(*store_);
    if (!built.ok()) return built.status();
    snap = *built;
  }
  if (want_snapshot)
    view = std::make_unique<SnapshotGraphView>(snap);
  else
    view = std::make_unique<StoreGraphView>(store_, &cache);

  EvalContext ctx;
  ctx.store = store_;
  ctx.view = view.get();
  ctx.cache = &cache;
  ctx.budget = &budget;
  ctx.query = text;
  ctx.collect_subgraph = options.collect_subgraph;
  ctx.sort_rows = q.stages.empty() || q.stages.front().type != Stage::Type::kCount;

  // 3. Bind and evaluate the body; 4. the stages.
  Binder binder(store_, &cache, text);
  BodyResult body;
  Status s = EvaluateBody(q, binder, ctx, &body);
  for (size_t i = 0; s.ok() && i < q.stages.size(); ++i) {
    s = ApplyStage(q.stages[i], ctx, &body.table);
    if (s.ok()) s = budget.CheckTime();
  }
  if (!s.ok()) return s;

  // 5. The bounds on the answer.
  const Table& t = body.table;
  if (t.rows.size() > options.limits.max_rows)
    return LimitError("the result has " + std::to_string(t.rows.size()) + " rows", "max_rows", options.limits.max_rows,
                      "add `| limit N` or `| top N`, or raise it with --max-rows");

  // 6. The result: visible columns, ids, names.
  QueryResult r;
  r.query = std::string(text);
  r.command = CommandName(q.body);
  r.graph = want_snapshot ? "snapshot" : "store";
  std::vector<size_t> shown;
  for (size_t c = 0; c < t.columns.size(); ++c)
    if (!t.hidden[c]) {
      shown.push_back(c);
      r.columns.push_back(t.columns[c]);
    }
  std::set<NodeRef> refs;
  r.rows.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    std::vector<ResultValue> out;
    out.reserve(shown.size());
    for (size_t c : shown) {
      out.push_back(ToValue(row[c], *view));
      if (row[c].type == Cell::Type::kNode) refs.insert(row[c].node);
    }
    r.rows.push_back(std::move(out));
  }
  std::set<std::tuple<std::string, int, std::string>> edges;
  for (const TouchedEdge& e : body.edges) {
    if (edges.emplace(view->Id(e.src), static_cast<int>(e.kind), view->Id(e.dst)).second) {
      refs.insert(e.src);
      refs.insert(e.dst);
    }
  }
  for (const auto& [src, kind, dst] : edges) r.edges.push_back({src, static_cast<EdgeKind>(kind), dst});
  for (NodeRef n : refs) r.nodes.push_back({view->Id(n), view->Kind(n), cache.DisplayName(view->Id(n))});
  std::sort(r.nodes.begin(), r.nodes.end(), [](const ResultNode& a, const ResultNode& b) { return a.id < b.id; });
  r.notes = std::move(body.notes);
  r.elapsed_us = budget.ElapsedMicros();
  return r;
}

}  // namespace pg
