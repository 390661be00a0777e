#include "query/engine.h"

#include <algorithm>
#include <future>
#include <map>
#include <system_error>

#include "query/binder.h"
#include "query/commands.h"
#include "query/eval_context.h"
#include "query/node_cache.h"
#include "query/parser.h"
#include "query/pattern_eval.h"
#include "query/radix_sort.h"
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

// `snap`: the view's snapshot, whose packed ids are read instead.
ResultValue ToValue(Cell&& c, const GraphView& view, const GraphSnapshot* snap) {
  ResultValue v;
  switch (c.type) {
    case Cell::Type::kNull: break;
    case Cell::Type::kNode:
      v.type = ResultValue::Type::kNode;
      if (snap)
        v.text = snap->IdView(c.node);
      else
        v.text = view.Id(c.node);
      break;
    case Cell::Type::kText:
      v.type = ResultValue::Type::kText;
      v.text = std::move(c.text);
      break;
    case Cell::Type::kNumber:
      v.type = ResultValue::Type::kNumber;
      v.number = c.number;
      break;
    case Cell::Type::kList:
      v.type = ResultValue::Type::kList;
      v.list = std::move(c.list);
      break;
  }
  return v;
}

// Fills nodes[i].name for each sorted id the labels index names. A long
// list is read in two halves on two threads, each one forward pass: naming
// the 19,237 nodes two hops from a paper is most of a one-shot query.
Status ReadDisplayNames(const Store& store, const std::vector<std::string_view>& sorted_ids,
                        std::vector<ResultNode>* nodes) {
  auto read = [&](size_t begin, size_t end) {
    std::vector<std::string_view> part(sorted_ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                       sorted_ids.begin() + static_cast<std::ptrdiff_t>(end));
    return store.GetDisplayNames(part, [&](size_t i, std::string name) { (*nodes)[begin + i].name = std::move(name); });
  };
  constexpr size_t kTwoThreadsFrom = 4096;
  if (sorted_ids.size() < kTwoThreadsFrom) return read(0, sorted_ids.size());
  size_t half = sorted_ids.size() / 2;
  std::future<Status> second;
  try {
    second = std::async(std::launch::async, read, half, sorted_ids.size());
  } catch (const std::system_error&) {  // no thread to be had: one pass
    return read(0, sorted_ids.size());
  }
  Status first = read(0, half);
  Status other = second.get();
  return first.ok() ? other : first;
}

}  // namespace

const ResultNode* QueryResult::Node(const std::string& id) const {
  auto it = std::lower_bound(nodes.begin(), nodes.end(), id, [](const ResultNode& n, const std::string& x) { return n.id < x; });
  return it != nodes.end() && it->id == id ? &*it : nullptr;
}

std::shared_ptr<const Query> QueryEngine::Parse(std::string_view text, Status* error) {
  {
    std::lock_guard<std::mutex> lock(parse_mu_);
    auto it = parsed_.find(text);
    if (it != parsed_.end()) return it->second;
  }
  auto q = std::make_shared<Query>();
  QueryError perr;
  if (!ParseQuery(text, q.get(), &perr)) {
    *error = QueryErrorStatus(text, perr);
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(parse_mu_);
  if (parsed_.size() >= kParseCacheSize) parsed_.clear();
  parsed_.emplace(std::string(text), q);
  return q;
}

Result<QueryResult> QueryEngine::Run(std::string_view text, const QueryOptions& options) {
  Budget budget(options.limits);

  // 1. Parse (or find the parse tree of the same text).
  Status parse_error;
  std::shared_ptr<const Query> parsed = Parse(text, &parse_error);
  if (!parsed) return parse_error;
  const Query& q = *parsed;

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
  if (want_snapshot) {
    view = std::make_unique<SnapshotGraphView>(snap);
    cache.UseSnapshot(snap.get());
  } else {
    view = std::make_unique<StoreGraphView>(store_, &cache);
  }

  EvalContext ctx;
  ctx.store = store_;
  ctx.view = view.get();
  ctx.snapshot = want_snapshot ? snap.get() : nullptr;
  ctx.cache = &cache;
  ctx.budget = &budget;
  ctx.query = text;
  ctx.collect_subgraph = options.collect_subgraph;
  ctx.sort_rows = q.stages.empty() || q.stages.front().type != Stage::Type::kCount;
  ctx.first_stage = q.stages.empty() ? nullptr : &q.stages.front();

  // 3. Bind and evaluate the body; 4. the stages.
  Binder binder(store_, &cache, text);
  BodyResult body;
  Status s = EvaluateBody(q, binder, ctx, &body);
  for (size_t i = ctx.first_stage_done ? 1 : 0; s.ok() && i < q.stages.size(); ++i) {
    body.Materialize();
    s = ApplyStage(q.stages[i], ctx, &body.table);
    if (s.ok()) s = budget.CheckTime();
  }
  if (!s.ok()) return s;

  // 5. The bounds on the answer.
  const Table& t = body.table;
  const size_t row_count = body.RowCount();
  if (row_count > options.limits.max_rows)
    return LimitError("the result has " + std::to_string(row_count) + " rows", "max_rows", options.limits.max_rows,
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
  // Rows move out of the working table; the nodes they name are collected
  // as refs, and listed once each, in id order, with their display names.
  std::vector<NodeRef> refs;
  r.rows.reserve(row_count);
  if (body.is_flat) {
    size_t w = t.columns.size();
    if (options.list_nodes) refs.reserve(row_count * shown.size());
    for (size_t i = 0; i < row_count; ++i) {
      std::vector<ResultValue> out(shown.size());
      for (size_t k = 0; k < shown.size(); ++k) {
        NodeRef n = body.flat[i * w + shown[k]];
        if (options.list_nodes) refs.push_back(n);
        out[k].type = ResultValue::Type::kNode;
        if (ctx.snapshot)
          out[k].text = ctx.snapshot->IdView(n);
        else
          out[k].text = view->Id(n);
      }
      r.rows.push_back(std::move(out));
    }
  }
  for (auto& row : body.table.rows) {
    std::vector<ResultValue> out;
    out.reserve(shown.size());
    for (size_t c : shown) {
      if (row[c].type == Cell::Type::kNode) refs.push_back(row[c].node);
      out.push_back(ToValue(std::move(row[c]), *view, ctx.snapshot));
    }
    r.rows.push_back(std::move(out));
  }
  bool by_ref = view->RefsInIdOrder();
  // The touched subgraph, deduplicated, in (src, kind, dst) id order, cut to
  // max_graph_edges: a picture of 20,000 edges helps nobody, and naming
  // their nodes would cost more than the query (the rows stay complete).
  std::vector<TouchedEdge> edges = std::move(body.edges);
  auto key = [&](const TouchedEdge& e) {
    return std::make_tuple(std::string_view(view->Id(e.src)), static_cast<int>(e.kind), std::string_view(view->Id(e.dst)));
  };
  auto ref_key = [](const TouchedEdge& e) { return std::make_tuple(e.src, static_cast<int>(e.kind), e.dst); };
  if (by_ref)  // refs are in id order: (src, kind, dst) sorts as the ids would
    std::sort(edges.begin(), edges.end(), [&](const auto& a, const auto& b) { return ref_key(a) < ref_key(b); });
  else
    std::sort(edges.begin(), edges.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  edges.erase(std::unique(edges.begin(), edges.end(), [&](const auto& a, const auto& b) { return ref_key(a) == ref_key(b); }),
              edges.end());
  r.edges_total = edges.size();
  if (edges.size() > options.max_graph_edges) {
    r.notes.push_back("the graph lists " + std::to_string(options.max_graph_edges) + " of " +
                      std::to_string(edges.size()) + " edges; the rows are complete");
    edges.resize(options.max_graph_edges);
  }
  r.edges.reserve(edges.size());
  for (const TouchedEdge& e : edges) {
    r.edges.push_back({view->Id(e.src), e.kind, view->Id(e.dst)});
    refs.push_back(e.src);
    refs.push_back(e.dst);
  }
  if (!options.list_nodes) refs.clear();
  {
    std::vector<uint64_t> keys(refs.begin(), refs.end()), buffer;  // refs fit in the key's low bits: few passes
    RadixSort(&keys, &buffer);
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    refs.assign(keys.begin(), keys.end());
  }
  r.nodes.reserve(refs.size());
  if (ctx.snapshot) {
    for (NodeRef n : refs)
      r.nodes.push_back({std::string(ctx.snapshot->IdView(n)), ctx.snapshot->Kind(n), std::string(ctx.snapshot->Name(n))});
  } else {
    // Names from the labels index in one forward pass over the sorted ids;
    // a node the store does not hold is named by its id.
    std::sort(refs.begin(), refs.end(), [&](NodeRef a, NodeRef b) { return view->Id(a) < view->Id(b); });
    std::vector<std::string_view> ids;
    ids.reserve(refs.size());
    for (NodeRef n : refs) {
      ids.push_back(view->Id(n));
      r.nodes.push_back({view->Id(n), view->Kind(n), view->Id(n)});
    }
    if (Status s = ReadDisplayNames(*store_, ids, &r.nodes); !s.ok()) return s;
  }
  r.notes.insert(r.notes.begin(), body.notes.begin(), body.notes.end());
  r.elapsed_us = budget.ElapsedMicros();
  return r;
}

}  // namespace pg
