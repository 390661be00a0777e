// CSV files in the neo4j-admin import layout (docs/export.md has the
// command): nodes.csv `id:ID,name,kind,:LABEL` (labels Paper, Org, Topic,
// Post) and relationships.csv `:START_ID,:END_ID,:TYPE,weight:double,position:int`
// (types REVIEWS, AFFILIATED, MENTIONS, LINKS_TO, SUBTOPIC_OF), RFC 4180
// quoting, LF line ends. Deterministic. Thread-safe.
#pragma once

#include <ostream>
#include <string>

#include "core/status.h"
#include "export/export_graph.h"

namespace pg {

std::string_view Neo4jLabel(NodeKind kind);
std::string Neo4jType(EdgeKind kind);

void WriteNeo4jNodes(const ExportGraph& graph, std::ostream& out);
void WriteNeo4jRelationships(const ExportGraph& graph, std::ostream& out);

// Writes DIR/nodes.csv and DIR/relationships.csv, creating DIR.
Status WriteNeo4jCsv(const ExportGraph& graph, const std::string& dir);

}  // namespace pg
