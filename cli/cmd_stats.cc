// papergraph stats: node counts per kind and edge counts per kind.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/commands.h"

namespace pg::cli {
namespace {

struct StatsOptions {
  std::string format = "table";
};

void RunStats(GlobalOptions& g, const StatsOptions& o) {
  std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kRead, "papergraph stats");
  if (!store) return;
  Result<GraphCounts> counts = store->Count();
  if (!counts.ok()) {
    std::cerr << "papergraph: " << counts.status().message() << "\n";
    g.exit_code = kExitFailed;
    return;
  }
  uint64_t node_total = 0, edge_total = 0;
  for (NodeKind k : kAllNodeKinds) node_total += counts->nodes[static_cast<int>(k)];
  for (EdgeKind k : kAllEdgeKinds) edge_total += counts->edges[static_cast<int>(k)];
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["documents"] = counts->documents;
    for (NodeKind k : kAllNodeKinds) j["nodes"][std::string(NodeKindName(k))] = counts->nodes[static_cast<int>(k)];
    j["nodes"]["total"] = node_total;
    for (EdgeKind k : kAllEdgeKinds) j["edges"][std::string(EdgeKindName(k))] = counts->edges[static_cast<int>(k)];
    j["edges"]["total"] = edge_total;
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf("%-14s %10llu\n", "documents", static_cast<unsigned long long>(counts->documents));
  std::printf("\n%-14s %10s\n", "node kind", "count");
  for (NodeKind k : kAllNodeKinds)
    std::printf("%-14s %10llu\n", std::string(NodeKindName(k)).c_str(),
                static_cast<unsigned long long>(counts->nodes[static_cast<int>(k)]));
  std::printf("%-14s %10llu\n", "total", static_cast<unsigned long long>(node_total));
  std::printf("\n%-14s %10s\n", "edge kind", "count");
  for (EdgeKind k : kAllEdgeKinds)
    std::printf("%-14s %10llu\n", std::string(EdgeKindName(k)).c_str(),
                static_cast<unsigned long long>(counts->edges[static_cast<int>(k)]));
  std::printf("%-14s %10llu\n", "total", static_cast<unsigned long long>(edge_total));
}

}  // namespace

void RegisterStats(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand("stats", "Count nodes and edges per kind");
  cmd->add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([&g, o] { RunStats(g, *o); });
}

}  // namespace pg::cli
