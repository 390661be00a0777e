// GEXF 1.3 (Gephi's own format) for an ExportGraph: nodes with a `kind`
// attribute and a colour per kind (viz), edges with their weight and a
// `kind` attribute. Deterministic. Thread-safe.
#pragma once

#include <ostream>

#include "export/export_graph.h"

namespace pg {

void WriteGexf(const ExportGraph& graph, std::ostream& out);

}  // namespace pg
