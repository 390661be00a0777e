// The plain nodes/edges JSON document with provenance (docs/data-model.md):
// {"nodes":[...],"edges":[...]}, one element per line, in id order, so two
// exports of equal databases are byte-identical. Streamed: the whole graph
// is never one JSON value in memory. Thread-safe for a thread-safe Store.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "core/status.h"
#include "export/export_graph.h"
#include "storage/store.h"

namespace pg {

nlohmann::ordered_json PlainNodeJson(const NodeView& n);
nlohmann::ordered_json PlainEdgeJson(const EdgeView& e);

// The whole graph.
Status WritePlainJson(const Store& store, std::ostream& out);
// Only the nodes and edges of `graph` (a query's subgraph), read in full
// from the store; "query" comes first.
Status WritePlainJson(const Store& store, const ExportGraph& graph, std::ostream& out);

}  // namespace pg
