// GraphML for an ExportGraph, written by Boost.Graph's write_graphml with
// dynamic properties, so the attributes are typed (node: node_id, label,
// kind as string; edge: kind string, weight double, position int). Opens in Gephi, yEd, Cytoscape desktop and Neo4j (APOC).
// Thread-safe.
#pragma once

#include <ostream>

#include "export/export_graph.h"

namespace pg {

void WriteGraphml(const ExportGraph& graph, std::ostream& out);

}  // namespace pg
