#include "export/dot_exporter.h"

#include <cstdio>

#include "export/text_escape.h"

namespace pg {
namespace {

const char* EdgeStyle(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kReviews: return "dashed";
    case EdgeKind::kSubtopicOf: return "dotted";
    default: return "solid";
  }
}

void WriteLegend(std::ostream& out) {
  out << "  subgraph cluster_legend {\n"
         "    label=\"Legend\"; fontsize=12; style=\"rounded,dashed\"; color=\"#9ca3af\";\n";
  for (NodeKind k : kAllNodeKinds) {
    KindStyle s = NodeStyle(k);
    out << "    \"_legend_" << NodeKindName(k) << "\" [label=\"" << NodeKindName(k) << "\", shape=" << s.shape
        << ", style=\"" << s.style << "\", fillcolor=\"" << s.fill << "\", color=\"" << s.border << "\"];\n";
  }
  // Edge kinds as coloured lines in one HTML-like table.
  out << "    \"_legend_edges\" [shape=plaintext, label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\">";
  for (EdgeKind k : kAllEdgeKinds)
    out << "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" << EdgeColour(k) << "\">&#9472;&#9472;&#9654; "
        << EdgeKindName(k) << "</FONT></TD></TR>";
  out << "</TABLE>>];\n";
  // Stack the legend entries.
  out << "    \"_legend_paper\" -> \"_legend_org\" -> \"_legend_topic\" -> \"_legend_post\" -> \"_legend_edges\" "
         "[style=invis];\n";
  out << "  }\n";
}

}  // namespace

KindStyle NodeStyle(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPaper: return {"box", "rounded,filled", "#dbeafe", "#2563eb"};
    case NodeKind::kOrg: return {"hexagon", "filled", "#fef3c7", "#d97706"};
    case NodeKind::kTopic: return {"ellipse", "filled", "#dcfce7", "#16a34a"};
    case NodeKind::kPost: return {"note", "filled", "#f3f4f6", "#6b7280"};
  }
  return {"box", "filled", "#ffffff", "#000000"};
}

const char* EdgeColour(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kReviews: return "#6b7280";
    case EdgeKind::kAffiliated: return "#d97706";
    case EdgeKind::kMentions: return "#16a34a";
    case EdgeKind::kLinksTo: return "#2563eb";
    case EdgeKind::kSubtopicOf: return "#065f46";
  }
  return "#000000";
}

std::string ArxivUrl(const std::string& id) {
  if (id.rfind("arxiv:", 0) != 0) return "";
  return "https://arxiv.org/abs/" + id.substr(6);
}

void WriteDot(const ExportGraph& graph, const DotOptions& options, std::ostream& out) {
  out << "digraph papergraph {\n";
  if (!graph.query.empty()) out << "  label=\"" << DotEscape(graph.query) << "\"; labelloc=t; fontsize=14;\n";
  out << "  rankdir=" << options.rankdir << "; newrank=true; fontname=\"Helvetica,Arial,sans-serif\";\n"
      << "  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10, penwidth=1.2];\n"
      << "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=8, arrowsize=0.6];\n";
  if (options.legend) WriteLegend(out);
  for (const ExportNode& n : graph.nodes) {
    KindStyle s = NodeStyle(n.kind);
    std::string label = WrapText(n.name.empty() ? n.id : n.name, options.wrap_width, options.max_lines);
    out << "  \"" << DotEscape(n.id) << "\" [label=\"" << DotEscape(label) << "\", tooltip=\""
        << DotEscape(n.id + "\n" + n.name) << "\", shape=" << s.shape << ", style=\"" << s.style
        << "\", fillcolor=\"" << s.fill << "\", color=\"" << s.border << "\"";
    std::string url = ArxivUrl(n.id);
    if (!url.empty()) out << ", URL=\"" << DotEscape(url) << "\", target=\"_blank\"";
    out << "];\n";
  }
  for (const ExportEdge& e : graph.edges) {
    out << "  \"" << DotEscape(e.src) << "\" -> \"" << DotEscape(e.dst) << "\" [color=\"" << EdgeColour(e.kind)
        << "\", style=" << EdgeStyle(e.kind) << ", tooltip=\"" << EdgeKindName(e.kind) << " (weight "
        << NumberText(e.weight) << ")\"";
    if (e.in_answer) out << ", penwidth=2.5, label=\"" << EdgeKindName(e.kind) << "\"";
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace pg
