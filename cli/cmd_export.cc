// papergraph export: the whole graph, or the subgraph a query touches, in
// the formats other tools read (docs/export.md):
//   json       plain nodes/edges with provenance (docs/data-model.md)
//   cytoscape  Cytoscape.js elements (the web page, Cytoscape desktop)
//   dot, svg   Graphviz (svg runs `dot`)
//   graphml    Boost.Graph's GraphML writer (Gephi, yEd, Cytoscape, Neo4j)
//   gexf       GEXF 1.3 (Gephi)
//   neo4j-csv  a directory of neo4j-admin import CSV files (-o DIR)
// Every format lists nodes by id and edges by (source, kind, target), so two
// exports of equal databases are byte-identical.
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "export/cytoscape_json.h"
#include "export/dot_exporter.h"
#include "export/export_graph.h"
#include "export/gexf_exporter.h"
#include "export/graphml_exporter.h"
#include "export/graphviz.h"
#include "export/neo4j_csv_exporter.h"
#include "export/plain_json.h"

namespace pg::cli {
namespace {

struct ExportOptions {
  std::string format = "json";
  std::string output;
  std::string query;
  QueryLimits limits;
};

bool Fail(GlobalOptions& g, const std::string& message, int code = kExitFailed) {
  std::cerr << "papergraph: " << message << "\n";
  g.exit_code = code;
  return false;
}

// Writes `text` to -o PATH or stdout.
bool Emit(GlobalOptions& g, const ExportOptions& o, const std::string& text) {
  if (o.output.empty() || o.output == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return Fail(g, "stdout: write error");
    return true;
  }
  std::ofstream file(o.output, std::ios::binary | std::ios::trunc);
  if (!file) return Fail(g, o.output + ": cannot write");
  file << text;
  if (!file.flush()) return Fail(g, o.output + ": write error");
  return true;
}

void RunExport(GlobalOptions& g, const ExportOptions& o) {
  if (o.format == "neo4j-csv" && (o.output.empty() || o.output == "-")) {
    Fail(g, "export --format neo4j-csv writes a directory: give it with -o DIR", kExitUsage);
    return;
  }
  // Fail before reading the graph when the renderer is missing.
  if (o.format == "svg" && FindGraphviz().empty()) {
    Fail(g, GraphvizMissingMessage());
    return;
  }
  std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kRead, "papergraph export");
  if (!store) return;

  // The whole graph as plain JSON streams straight from the store.
  if (o.format == "json" && o.query.empty()) {
    std::ofstream file;
    if (!o.output.empty() && o.output != "-") {
      file.open(o.output, std::ios::binary | std::ios::trunc);
      if (!file) {
        Fail(g, o.output + ": cannot write");
        return;
      }
    }
    std::ostream& out = file.is_open() ? file : std::cout;
    Status s = WritePlainJson(*store, out);
    out.flush();
    if (!s.ok())
      Fail(g, s.message());
    else if (!out)
      Fail(g, (file.is_open() ? o.output : std::string("stdout")) + ": write error");
    return;
  }

  Result<ExportGraph> graph = o.query.empty() ? LoadWholeGraph(*store) : LoadQueryGraph(*store, o.query, o.limits);
  if (!graph.ok()) {
    // Query errors already name the position ("query:1:7: ...").
    std::cerr << graph.status().message() << "\n";
    g.exit_code = kExitFailed;  // as `papergraph query` does
    return;
  }
  if (o.format == "neo4j-csv") {
    Status s = WriteNeo4jCsv(*graph, o.output);
    if (!s.ok()) {
      Fail(g, s.message());
      return;
    }
    std::cerr << "papergraph: wrote " << o.output << "/nodes.csv (" << graph->nodes.size() << " nodes) and "
              << o.output << "/relationships.csv (" << graph->edges.size()
              << " relationships); docs/export.md has the neo4j-admin command\n";
    return;
  }
  std::ostringstream out;
  if (o.format == "json") {
    Status s = WritePlainJson(*store, *graph, out);
    if (!s.ok()) {
      Fail(g, s.message());
      return;
    }
  } else if (o.format == "cytoscape") {
    out << CytoscapeElements(*graph).dump(1) << "\n";
  } else if (o.format == "graphml") {
    WriteGraphml(*graph, out);
  } else if (o.format == "gexf") {
    WriteGexf(*graph, out);
  } else {  // dot, svg
    DotOptions dot;
    // A query's subgraph is small enough to read as a chain left to right;
    // the whole graph lays out better top-down.
    if (graph->query.empty()) dot.rankdir = "TB";
    WriteDot(*graph, dot, out);
    if (o.format == "svg") {
      std::string svg;
      Status s = RunGraphviz(out.str(), "svg", &svg);
      if (!s.ok()) {
        Fail(g, s.message());
        return;
      }
      Emit(g, o, svg);
      return;
    }
  }
  Emit(g, o, out.str());
}

}  // namespace

void RegisterExport(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Export the whole graph, or the subgraph a query touches (docs/export.md)");
  cmd->add_option("--format", o->format,
                  "json (plain nodes/edges with provenance; default), cytoscape (Cytoscape.js elements), dot, svg "
                  "(runs Graphviz), graphml, gexf, neo4j-csv (a directory: -o DIR)")
      ->check(CLI::IsMember({"json", "cytoscape", "dot", "svg", "graphml", "gexf", "neo4j-csv"}));
  cmd->add_option("-q,--query", o->query,
                  "export only the subgraph this query touches: the nodes of its answer, the edges among them, "
                  "and the path of a `path` query");
  cmd->add_option("-o,--output", o->output, "write to this file (a directory for neo4j-csv) instead of stdout");
  cmd->add_option("--max-rows", o->limits.max_rows, "query bound: rows in the answer (default 1000)");
  cmd->add_option("--timeout-ms", o->limits.timeout_ms, "query bound: wall time (default 10000)");
  cmd->callback([&g, o] { RunExport(g, *o); });
}

}  // namespace pg::cli
