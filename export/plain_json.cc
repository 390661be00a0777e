#include "export/plain_json.h"

namespace pg {

nlohmann::ordered_json PlainNodeJson(const NodeView& n) {
  nlohmann::ordered_json j;
  j["id"] = n.id;
  j["kind"] = NodeKindName(n.kind);
  j["name"] = n.DisplayName();
  nlohmann::ordered_json props = nlohmann::ordered_json::object();
  for (const PropertyFact& p : n.props)
    props[p.name].push_back({{"value", p.value}, {"file", p.where.file}, {"line", p.where.line}});
  j["properties"] = std::move(props);
  return j;
}

nlohmann::ordered_json PlainEdgeJson(const EdgeView& e) {
  nlohmann::ordered_json j;
  j["source"] = e.src;
  j["target"] = e.dst;
  j["kind"] = EdgeKindName(e.kind);
  j["weight"] = e.weight;
  if (e.position) j["position"] = e.position;
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const Provenance& p : e.evidence)
    evidence.push_back({{"file", p.file}, {"line", p.line}, {"snippet", p.snippet}});
  j["evidence"] = std::move(evidence);
  return j;
}

Status WritePlainJson(const Store& store, std::ostream& out) {
  out << "{\"nodes\":[";
  bool first = true;
  Status s = store.ForEachNode([&](const NodeView& n) {
    out << (first ? "\n" : ",\n") << PlainNodeJson(n).dump();
    first = false;
    return true;
  });
  out << "\n],\"edges\":[";
  first = true;
  if (s.ok())
    s = store.ForEachEdgeAll([&](const EdgeView& e) {
      out << (first ? "\n" : ",\n") << PlainEdgeJson(e).dump();
      first = false;
      return true;
    });
  out << "\n]}\n";
  return s;
}

Status WritePlainJson(const Store& store, const ExportGraph& graph, std::ostream& out) {
  out << "{\"query\":" << nlohmann::ordered_json(graph.query).dump() << ",\"nodes\":[";
  bool first = true;
  for (const ExportNode& n : graph.nodes) {
    Result<std::optional<NodeView>> nv = store.GetNode(n.id);
    if (!nv.ok()) return nv.status();
    if (!nv->has_value()) continue;
    out << (first ? "\n" : ",\n") << PlainNodeJson(**nv).dump();
    first = false;
  }
  out << "\n],\"edges\":[";
  first = true;
  for (const ExportEdge& e : graph.edges) {
    Result<std::optional<EdgeView>> ev = store.GetEdge(e.src, e.kind, e.dst);
    if (!ev.ok()) return ev.status();
    if (!ev->has_value()) continue;
    nlohmann::ordered_json j = PlainEdgeJson(**ev);
    if (e.in_answer) j["answer"] = true;
    out << (first ? "\n" : ",\n") << j.dump();
    first = false;
  }
  out << "\n]}\n";
  return Status::OK();
}

}  // namespace pg
