#include <array>

#include "query/commands.h"

namespace pg {

std::string EdgeLabel(EdgeKind kind, bool forward) {
  static const auto* labels = [] {
    auto* l = new std::array<std::array<std::string, 2>, 5>();
    for (EdgeKind k : kAllEdgeKinds) {
      std::string name(EdgeKindName(k));
      (*l)[static_cast<int>(k)][0] = "<-" + name + "-";
      (*l)[static_cast<int>(k)][1] = "-" + name + "->";
    }
    return l;
  }();
  return (*labels)[static_cast<int>(kind)][forward ? 1 : 0];
}

std::vector<std::string> EvidenceLines(const std::vector<Provenance>& evidence) {
  std::vector<std::string> out;
  for (const Provenance& p : evidence) out.push_back(p.file + ":" + std::to_string(p.line) + ": " + p.snippet);
  return out;
}

Status EvaluateWhy(const std::string& a, const std::string& b, EvalContext& ctx, BodyResult* out) {
  Table& t = out->table;
  for (const char* c : {"from", "edge", "to", "weight", "evidence"}) t.AddColumn(c);
  Result<std::optional<NodeRef>> ra = ctx.view->Find(a);
  if (!ra.ok()) return ra.status();
  Result<std::optional<NodeRef>> rb = ctx.view->Find(b);
  if (!rb.ok()) return rb.status();
  if (!ra->has_value() || !rb->has_value()) {
    out->notes.push_back("no edge between " + a + " and " + b);
    return Status::OK();
  }
  for (bool forward : {true, false}) {
    const std::string& src = forward ? a : b;
    const std::string& dst = forward ? b : a;
    for (EdgeKind k : kAllEdgeKinds) {
      Result<std::optional<EdgeView>> e = ctx.store->GetEdge(src, k, dst);
      if (!e.ok()) return e.status();
      if (!e->has_value()) continue;
      NodeRef s = forward ? **ra : **rb, d = forward ? **rb : **ra;
      t.rows.push_back({Cell::Node(s), Cell::Text(EdgeLabel(k, true)), Cell::Node(d), Cell::Number((*e)->weight),
                        Cell::List(EvidenceLines((*e)->evidence))});
      out->edges.push_back({s, k, d});
    }
  }
  if (t.rows.empty())
    out->notes.push_back("no edge between " + a + " and " + b + "; `path " + a + " to " + b +
                         "` shows how they connect");
  return Status::OK();
}

}  // namespace pg
