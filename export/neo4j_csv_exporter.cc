#include "export/neo4j_csv_exporter.h"

#include <cctype>
#include <filesystem>
#include <fstream>

#include "export/text_escape.h"

namespace pg {

std::string_view Neo4jLabel(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPaper: return "Paper";
    case NodeKind::kOrg: return "Org";
    case NodeKind::kTopic: return "Topic";
    case NodeKind::kPost: return "Post";
  }
  return "Node";
}

std::string Neo4jType(EdgeKind kind) {
  std::string t(EdgeKindName(kind));
  for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return t;
}

void WriteNeo4jNodes(const ExportGraph& graph, std::ostream& out) {
  out << "id:ID,name,kind,:LABEL\n";
  for (const ExportNode& n : graph.nodes)
    out << CsvField(n.id) << ',' << CsvField(n.name) << ',' << NodeKindName(n.kind) << ','
        << Neo4jLabel(n.kind) << '\n';
}

void WriteNeo4jRelationships(const ExportGraph& graph, std::ostream& out) {
  out << ":START_ID,:END_ID,:TYPE,weight:double,position:int\n";
  for (const ExportEdge& e : graph.edges)
    out << CsvField(e.src) << ',' << CsvField(e.dst) << ',' << Neo4jType(e.kind) << ',' << NumberText(e.weight)
        << ',' << e.position << '\n';
}

Status WriteNeo4jCsv(const ExportGraph& graph, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create directory: " + ec.message());
  for (const char* name : {"nodes.csv", "relationships.csv"}) {
    std::string path = dir + "/" + name;
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) return Status::IOError(path + ": cannot write");
    if (name[0] == 'n')
      WriteNeo4jNodes(graph, f);
    else
      WriteNeo4jRelationships(graph, f);
    if (!f.flush()) return Status::IOError(path + ": write error");
  }
  return Status::OK();
}

}  // namespace pg
