// Cytoscape.js elements for an ExportGraph — what the web page loads, and
// what Cytoscape desktop imports as .cyjs:
//   {"elements": {"nodes": [{"data": {"id", "label", "kind"}}],
//                 "edges": [{"data": {"id", "source", "target", "kind", "weight"}}]}}
// Edge ids are "src -kind-> dst"; answer edges carry "answer": true.
// Deterministic. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "export/export_graph.h"

namespace pg {

nlohmann::ordered_json CytoscapeElements(const ExportGraph& graph);

}  // namespace pg
