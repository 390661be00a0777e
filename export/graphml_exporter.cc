#include "export/graphml_exporter.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>

#include <unordered_map>

#include "export/text_escape.h"

namespace pg {
namespace {

struct VertexProps {
  std::string node_id, label, kind;
};
struct EdgeProps {
  std::string kind;
  double weight = 0;
  int position = 0;
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexProps, EdgeProps>;

}  // namespace

void WriteGraphml(const ExportGraph& graph, std::ostream& out) {
  Graph g;
  std::unordered_map<std::string, Graph::vertex_descriptor> vertex;
  for (const ExportNode& n : graph.nodes) {
    auto v = boost::add_vertex(
        VertexProps{XmlSafe(n.id), XmlSafe(n.name), std::string(NodeKindName(n.kind))}, g);
    vertex.emplace(n.id, v);
  }
  for (const ExportEdge& e : graph.edges) {
    auto s = vertex.find(e.src), d = vertex.find(e.dst);
    if (s == vertex.end() || d == vertex.end()) continue;  // REQUIRES-style guard: edges name known nodes
    boost::add_edge(s->second, d->second,
                    EdgeProps{std::string(EdgeKindName(e.kind)), e.weight, e.position}, g);
  }
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("node_id", boost::get(&VertexProps::node_id, g));
  dp.property("label", boost::get(&VertexProps::label, g));
  dp.property("kind", boost::get(&VertexProps::kind, g));
  dp.property("kind", boost::get(&EdgeProps::kind, g));
  dp.property("weight", boost::get(&EdgeProps::weight, g));
  dp.property("position", boost::get(&EdgeProps::position, g));
  // Ordered vertices: GraphML node ids n0, n1, ... follow the graph's id order.
  boost::write_graphml(out, g, dp, true);
}

}  // namespace pg
