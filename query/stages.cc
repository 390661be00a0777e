#include "query/stages.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "query/edit_distance.h"
#include "query/filter.h"

namespace pg {
namespace {

// Where a ref's value comes from: a column, and a property of its node.
struct RefPlan {
  size_t column = 0;
  std::string prop;  // "" for the column itself
};

Status ResolveRef(const ColumnRef& ref, const EvalContext& ctx, const Table& t, RefPlan* plan) {
  // A column an earlier stage named "p.date" (`select p.date`, `count by
  // p.date`) is that column, whatever became of p.
  if (!ref.prop.empty())
    if (std::optional<size_t> whole = t.Find(ref.Name())) {
      plan->column = *whole;
      plan->prop.clear();
      return Status::OK();
    }
  std::optional<size_t> c = t.Find(ref.var);
  if (!c) {
    std::string cols;
    for (const std::string& name : t.columns) cols += (cols.empty() ? "" : ", ") + name;
    std::string near = ClosestWord(ref.var, t.columns);
    std::string hint = near.empty() ? "" : " (did you mean '" + near + "'?)";
    return QueryErrorStatus(ctx.query, {Span{ref.span.offset, ref.var.size()},
                                        "unknown variable '" + ref.var + "'" + hint + "; the columns are " + cols});
  }
  plan->column = *c;
  plan->prop = ref.prop;
  if (!ref.prop.empty()) {
    for (const auto& row : t.rows)
      if (row[*c].type != Cell::Type::kNode && row[*c].type != Cell::Type::kNull)
        return QueryErrorStatus(ctx.query, {ref.span, "'" + ref.var + "' is not a node, so it has no property '" +
                                                          ref.prop + "'"});
  }
  return Status::OK();
}

Result<Cell> Evaluate(const RefPlan& plan, EvalContext& ctx, const std::vector<Cell>& row) {
  const Cell& c = row[plan.column];
  if (plan.prop.empty() || c.type != Cell::Type::kNode) return c;
  if (plan.prop == "id" || plan.prop == "key" || plan.prop == "kind") {  // known without reading the node
    NodeView bare;
    bare.id = ctx.view->Id(c.node);
    bare.kind = ctx.view->Kind(c.node);
    return Cell::Text(PropertyValues(bare, plan.prop).front());
  }
  Result<const NodeView*> node = NodeOf(ctx, c.node);
  if (!node.ok()) return node.status();
  NodeView empty;
  if (!*node) {
    empty.id = ctx.view->Id(c.node);
    empty.kind = ctx.view->Kind(c.node);
  }
  std::vector<std::string> values = PropertyValues(*node ? **node : empty, plan.prop);
  if (values.empty()) return Cell();
  return Cell::Text(values.front());
}

bool AsNumber(const std::string& s, double* v) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && end == s.data() + s.size();
}

// A total order on cells: nulls last; nodes by display name then id;
// numbers numerically; texts numerically when both are numbers, else
// case-insensitively.
class CellOrder {
 public:
  explicit CellOrder(EvalContext& ctx) : ctx_(ctx) {}
  int Compare(const Cell& a, const Cell& b) {
    if (a.type == Cell::Type::kNull || b.type == Cell::Type::kNull)
      return (a.type == Cell::Type::kNull) - (b.type == Cell::Type::kNull);
    if (a.type != b.type) return static_cast<int>(a.type) - static_cast<int>(b.type);
    switch (a.type) {
      case Cell::Type::kNode: {
        if (a.node == b.node) return 0;
        int c = Folded(NameOf(a.node)).compare(Folded(NameOf(b.node)));
        return c != 0 ? c : ctx_.view->Id(a.node).compare(ctx_.view->Id(b.node));
      }
      case Cell::Type::kNumber: return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
      case Cell::Type::kText: {
        double x, y;
        if (AsNumber(a.text, &x) && AsNumber(b.text, &y)) return x < y ? -1 : x > y ? 1 : 0;
        return Folded(a.text).compare(Folded(b.text));
      }
      case Cell::Type::kList: return a.list < b.list ? -1 : a.list > b.list ? 1 : 0;
      default: return 0;
    }
  }

 private:
  const std::string& NameOf(NodeRef n) {
    auto it = names_.find(n);
    if (it == names_.end()) it = names_.emplace(n, ctx_.cache->DisplayName(ctx_.view->Id(n))).first;
    return it->second;
  }
  const std::string& Folded(const std::string& s) {
    auto it = folded_.find(s);
    if (it == folded_.end()) it = folded_.emplace(s, FoldCase(s)).first;
    return it->second;
  }
  EvalContext& ctx_;
  std::unordered_map<NodeRef, std::string> names_;
  std::unordered_map<std::string, std::string> folded_;
};

// A key that identifies a cell's value, for grouping and distinct.
std::string CellKey(const Cell& c) {
  switch (c.type) {
    case Cell::Type::kNull: return "0";
    case Cell::Type::kNode: return "n" + std::to_string(c.node);
    case Cell::Type::kNumber: return "d" + std::to_string(c.number);
    case Cell::Type::kText: return "t" + c.text;
    case Cell::Type::kList: {
      std::string k = "l";
      for (const std::string& s : c.list) k += s + '\0';
      return k;
    }
  }
  return "";
}

Status Count(const Stage& st, EvalContext& ctx, Table* t) {
  Table out;
  if (!st.by) {
    out.AddColumn("count");
    out.rows.push_back({Cell::Number(static_cast<double>(t->rows.size()))});
    *t = std::move(out);
    return Status::OK();
  }
  RefPlan plan;
  Status s = ResolveRef(*st.by, ctx, *t, &plan);
  if (!s.ok()) return s;
  std::vector<std::pair<Cell, uint64_t>> groups;
  if (plan.prop.empty()) {
    // The common case (count by org): group node refs without building keys.
    std::unordered_map<NodeRef, size_t> node_index;
    std::unordered_map<std::string, size_t> other_index;
    for (const auto& row : t->rows) {
      const Cell& c = row[plan.column];
      size_t idx;
      if (c.type == Cell::Type::kNode) {
        auto [it, inserted] = node_index.emplace(c.node, groups.size());
        if (inserted) groups.emplace_back(c, 0);
        idx = it->second;
      } else {
        auto [it, inserted] = other_index.emplace(CellKey(c), groups.size());
        if (inserted) groups.emplace_back(c, 0);
        idx = it->second;
      }
      ++groups[idx].second;
    }
  } else {
    std::unordered_map<std::string, size_t> index;
    for (const auto& row : t->rows) {
      Result<Cell> c = Evaluate(plan, ctx, row);
      if (!c.ok()) return c.status();
      auto [it, inserted] = index.emplace(CellKey(*c), groups.size());
      if (inserted) groups.emplace_back(std::move(*c), 0);
      ++groups[it->second].second;
    }
  }
  // Most first; ties by the id (nodes) or the value, so answers are stable.
  std::sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    const Cell &x = a.first, &y = b.first;
    if (x.type == Cell::Type::kNode && y.type == Cell::Type::kNode) return ctx.view->Id(x.node) < ctx.view->Id(y.node);
    if (x.type != y.type) return x.type < y.type;
    return CellKey(x) < CellKey(y);
  });
  out.AddColumn(st.by->Name());
  out.AddColumn("count");
  out.rows.reserve(groups.size());
  for (auto& [cell, n] : groups) out.rows.push_back({std::move(cell), Cell::Number(static_cast<double>(n))});
  *t = std::move(out);
  return Status::OK();
}

Status Sort(const Stage& st, EvalContext& ctx, Table* t) {
  std::vector<RefPlan> plans(st.sort.size());
  for (size_t i = 0; i < st.sort.size(); ++i) {
    Status s = ResolveRef(st.sort[i].ref, ctx, *t, &plans[i]);
    if (!s.ok()) return s;
  }
  // Evaluate the keys once per row, then sort row indexes.
  std::vector<std::vector<Cell>> keys(t->rows.size());
  for (size_t r = 0; r < t->rows.size(); ++r)
    for (const RefPlan& p : plans) {
      Result<Cell> c = Evaluate(p, ctx, t->rows[r]);
      if (!c.ok()) return c.status();
      keys[r].push_back(std::move(*c));
    }
  std::vector<size_t> order(t->rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  CellOrder cmp(ctx);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    for (size_t k = 0; k < plans.size(); ++k) {
      const Cell &x = keys[a][k], &y = keys[b][k];
      int c = cmp.Compare(x, y);
      if (c == 0) continue;
      // Nulls stay last in both directions.
      if (x.type == Cell::Type::kNull || y.type == Cell::Type::kNull) return c < 0;
      return st.sort[k].desc ? c > 0 : c < 0;
    }
    return false;
  });
  std::vector<std::vector<Cell>> rows;
  rows.reserve(order.size());
  for (size_t i : order) rows.push_back(std::move(t->rows[i]));
  t->rows = std::move(rows);
  return Status::OK();
}

Status Select(const Stage& st, EvalContext& ctx, Table* t) {
  std::vector<RefPlan> plans(st.select.size());
  Table out;
  for (size_t i = 0; i < st.select.size(); ++i) {
    Status s = ResolveRef(st.select[i], ctx, *t, &plans[i]);
    if (!s.ok()) return s;
    out.AddColumn(st.select[i].Name());
  }
  out.rows.reserve(t->rows.size());
  for (const auto& row : t->rows) {
    std::vector<Cell> r;
    for (const RefPlan& p : plans) {
      Result<Cell> c = Evaluate(p, ctx, row);
      if (!c.ok()) return c.status();
      r.push_back(std::move(*c));
    }
    out.rows.push_back(std::move(r));
  }
  *t = std::move(out);
  return Status::OK();
}

void Distinct(Table* t) {
  std::unordered_set<std::string> seen;
  std::vector<std::vector<Cell>> rows;
  for (auto& row : t->rows) {
    std::string key;
    for (size_t c = 0; c < row.size(); ++c)
      if (!t->hidden[c]) key += CellKey(row[c]) + '\x01';
    if (seen.insert(key).second) rows.push_back(std::move(row));
  }
  t->rows = std::move(rows);
}

void Top(const Stage& st, Table* t) {
  // Ranked by the count or score column when there is one.
  std::optional<size_t> rank = t->Find("count");
  if (!rank) rank = t->Find("score");
  if (rank) {
    size_t c = *rank;
    std::stable_sort(t->rows.begin(), t->rows.end(), [c](const auto& a, const auto& b) {
      return a[c].type == Cell::Type::kNumber && b[c].type == Cell::Type::kNumber && a[c].number > b[c].number;
    });
  }
  if (t->rows.size() > static_cast<size_t>(st.n)) t->rows.resize(st.n);
}

}  // namespace

Status ApplyStage(const Stage& st, EvalContext& ctx, Table* t) {
  switch (st.type) {
    case Stage::Type::kCount: return Count(st, ctx, t);
    case Stage::Type::kSort: return Sort(st, ctx, t);
    case Stage::Type::kSelect: return Select(st, ctx, t);
    case Stage::Type::kDistinct: Distinct(t); return Status::OK();
    case Stage::Type::kTop: Top(st, t); return Status::OK();
    case Stage::Type::kLimit:
      if (t->rows.size() > static_cast<size_t>(st.n)) t->rows.resize(st.n);
      return Status::OK();
  }
  return Status::OK();
}

}  // namespace pg
