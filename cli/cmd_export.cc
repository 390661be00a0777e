// papergraph export --format json: the whole graph as one plain nodes/edges
// JSON document, in key order, so two exports of equal databases are
// byte-identical (docs/data-model.md). Other formats come with the exporters.
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

#include "cli/commands.h"

namespace pg::cli {
namespace {

struct ExportOptions {
  std::string format = "json";
  std::string output;
};

nlohmann::ordered_json NodeJson(const NodeView& n) {
  nlohmann::ordered_json j;
  j["id"] = n.id;
  j["kind"] = NodeKindName(n.kind);
  j["name"] = n.DisplayName();
  nlohmann::ordered_json props = nlohmann::ordered_json::object();
  for (const PropertyFact& p : n.props)
    props[p.name].push_back({{"value", p.value}, {"file", p.where.file}, {"line", p.where.line}});
  j["properties"] = std::move(props);
  return j;
}

nlohmann::ordered_json EdgeJson(const EdgeView& e) {
  nlohmann::ordered_json j;
  j["source"] = e.src;
  j["target"] = e.dst;
  j["kind"] = EdgeKindName(e.kind);
  j["weight"] = e.weight;
  if (e.position) j["position"] = e.position;
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const Provenance& p : e.evidence)
    evidence.push_back({{"file", p.file}, {"line", p.line}, {"snippet", p.snippet}});
  j["evidence"] = std::move(evidence);
  return j;
}

void RunExport(GlobalOptions& g, const ExportOptions& o) {
  std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kRead, "papergraph export");
  if (!store) return;
  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output, std::ios::trunc);
    if (!file) {
      std::cerr << "papergraph: " << o.output << ": cannot write\n";
      g.exit_code = kExitFailed;
      return;
    }
  }
  std::ostream& out = o.output.empty() ? std::cout : file;
  // Streamed one element at a time: the graph may not fit in memory as one JSON value.
  out << "{\"nodes\":[";
  bool first = true;
  Status s = store->ForEachNode([&](const NodeView& n) {
    out << (first ? "\n" : ",\n") << NodeJson(n).dump();
    first = false;
    return true;
  });
  out << "\n],\"edges\":[";
  first = true;
  if (s.ok())
    s = store->ForEachEdgeAll([&](const EdgeView& e) {
      out << (first ? "\n" : ",\n") << EdgeJson(e).dump();
      first = false;
      return true;
    });
  out << "\n]}\n";
  if (!s.ok()) {
    std::cerr << "papergraph: " << s.message() << "\n";
    g.exit_code = kExitFailed;
  } else if (!out) {
    std::cerr << "papergraph: " << (o.output.empty() ? "stdout" : o.output) << ": write error\n";
    g.exit_code = kExitFailed;
  }
}

}  // namespace

void RegisterExport(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Export the whole graph (json: plain nodes and edges with provenance)");
  cmd->add_option("--format", o->format, "json")->check(CLI::IsMember({"json"}));
  cmd->add_option("-o,--output", o->output, "write to this file instead of stdout");
  cmd->callback([&g, o] { RunExport(g, *o); });
}

}  // namespace pg::cli
