#include "export/gexf_exporter.h"

#include <cstdio>
#include <cstdlib>

#include "export/dot_exporter.h"
#include "export/text_escape.h"

namespace pg {
namespace {

// "#rrggbb" as viz:color attributes.
std::string VizColour(const char* hex) {
  long v = std::strtol(hex + 1, nullptr, 16);
  return "r=\"" + std::to_string((v >> 16) & 0xFF) + "\" g=\"" + std::to_string((v >> 8) & 0xFF) + "\" b=\"" +
         std::to_string(v & 0xFF) + "\"";
}

}  // namespace

void WriteGexf(const ExportGraph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
         "  <meta>\n    <creator>papergraph</creator>\n    <description>"
      << XmlEscape(graph.query.empty() ? "papergraph: papers, labs, topics and posts" : "papergraph query: " + graph.query)
      << "</description>\n  </meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
         "      <attribute id=\"position\" title=\"position\" type=\"integer\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (const ExportNode& n : graph.nodes) {
    out << "      <node id=\"" << XmlEscape(n.id) << "\" label=\"" << XmlEscape(n.name.empty() ? n.id : n.name)
        << "\">\n        <attvalues><attvalue for=\"kind\" value=\"" << NodeKindName(n.kind)
        << "\"/></attvalues>\n        <viz:color " << VizColour(NodeStyle(n.kind).border) << "/>\n      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (const ExportEdge& e : graph.edges) {
    out << "      <edge id=\"" << XmlEscape(EdgeId(e)) << "\" source=\"" << XmlEscape(e.src) << "\" target=\""
        << XmlEscape(e.dst) << "\" label=\"" << EdgeKindName(e.kind) << "\" weight=\"" << NumberText(e.weight)
        << "\">\n        <attvalues><attvalue for=\"kind\" value=\"" << EdgeKindName(e.kind)
        << "\"/><attvalue for=\"position\" value=\"" << e.position << "\"/></attvalues>\n      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace pg
