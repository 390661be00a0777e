// Graphviz DOT for an ExportGraph: a shape and colour per node kind, a
// colour and style per edge kind, a legend, wrapped and escaped labels,
// arXiv links on papers (clickable in SVG), the answer's edges (a path)
// drawn bold. Deterministic: the graph's own order. Thread-safe.
#pragma once

#include <ostream>
#include <string>

#include "export/export_graph.h"

namespace pg {

struct DotOptions {
  size_t wrap_width = 28;  // display columns per label line
  size_t max_lines = 4;
  bool legend = true;
  std::string rankdir = "LR";
};

void WriteDot(const ExportGraph& graph, const DotOptions& options, std::ostream& out);

// Fill and border colours and shapes per kind, shared with the topic map.
struct KindStyle {
  const char* shape;
  const char* style;
  const char* fill;
  const char* border;
};
KindStyle NodeStyle(NodeKind kind);
const char* EdgeColour(EdgeKind kind);

// "https://arxiv.org/abs/ID" for an `arxiv:ID` node id, else "".
std::string ArxivUrl(const std::string& id);

}  // namespace pg
