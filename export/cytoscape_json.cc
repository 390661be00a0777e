#include "export/cytoscape_json.h"

namespace pg {

nlohmann::ordered_json CytoscapeElements(const ExportGraph& graph) {
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (const ExportNode& n : graph.nodes)
    nodes.push_back({{"data", {{"id", n.id}, {"label", n.name.empty() ? n.id : n.name},
                               {"kind", NodeKindName(n.kind)}}}});
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (const ExportEdge& e : graph.edges) {
    nlohmann::ordered_json data = {{"id", EdgeId(e)}, {"source", e.src},        {"target", e.dst},
                                   {"kind", EdgeKindName(e.kind)}, {"weight", e.weight}};
    if (e.position) data["position"] = e.position;
    if (e.in_answer) data["answer"] = true;
    edges.push_back({{"data", std::move(data)}});
  }
  nlohmann::ordered_json j;
  if (!graph.query.empty()) j["query"] = graph.query;
  j["elements"] = {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
  return j;
}

}  // namespace pg
