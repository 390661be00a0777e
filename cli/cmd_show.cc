// papergraph show ID: a node with its properties (and where each came from)
// and its neighbours by edge kind.
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <string_view>

#include "cli/commands.h"
#include "core/node_id.h"
#include "core/provenance.h"
#include "core/text.h"

namespace pg::cli {
namespace {

struct ShowOptions {
  std::string id;
  std::string format = "table";
  size_t max_neighbours = 20;
};

// An id as given, or the node a name or alias names ("paper:2510.1" is accepted for "arxiv:2510.1").
Result<std::string> ResolveNode(const Store& store, const std::string& arg) {
  std::string id = arg;
  if (id.rfind("paper:", 0) == 0) id = "arxiv:" + id.substr(6);
  if (KindOfId(id)) {
    Result<std::optional<NodeView>> n = store.GetNode(id);
    if (!n.ok()) return n.status();
    if (n->has_value()) return id;
  }
  std::vector<std::string> ids;
  Status s = store.LookupName(NormalizeName(IdKey(arg)), &ids);
  if (!s.ok()) return s;
  for (const std::string& candidate : ids) {
    Result<std::optional<NodeView>> n = store.GetNode(candidate);
    if (n.ok() && n->has_value()) return candidate;
  }
  return Status::NotFound(arg + ": no such node");
}

std::string Label(const Store& store, const std::string& id) {
  Result<std::optional<NodeView>> n = store.GetNode(id);
  if (!n.ok() || !n->has_value()) return id;
  std::string name = (*n)->DisplayName();
  return name == IdKey(id) ? id : id + "  " + name;
}

// True when the snippet shows nothing the value does not (a title, the start
// of a section), so the table need not print it twice.
bool RepeatsValue(std::string_view snippet, const std::string& value) {
  constexpr std::string_view kCut = "…";
  if (snippet.ends_with(kCut)) snippet.remove_suffix(kCut.size());
  return MakeSnippet(value, value.size()).starts_with(snippet);
}

void RunShow(GlobalOptions& g, const ShowOptions& o) {
  std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kRead, "papergraph show");
  if (!store) return;
  Result<std::string> id = ResolveNode(*store, o.id);
  if (!id.ok()) {
    std::cerr << "papergraph: " << id.status().message() << "\n";
    g.exit_code = kExitFailed;
    return;
  }
  Result<std::optional<NodeView>> node = store->GetNode(*id);
  if (!node.ok() || !node->has_value()) {
    std::cerr << "papergraph: " << (node.ok() ? *id + ": no such node" : node.status().message()) << "\n";
    g.exit_code = kExitFailed;
    return;
  }
  const NodeView& n = **node;
  std::map<std::string, std::vector<EdgeView>> out, in;
  for (Direction d : {Direction::kOut, Direction::kIn}) {
    Status s = store->ForEachEdge(*id, d, std::nullopt, [&](const EdgeView& e) {
      (d == Direction::kOut ? out : in)[std::string(EdgeKindName(e.kind))].push_back(e);
      return true;
    });
    if (!s.ok()) {
      std::cerr << "papergraph: " << s.message() << "\n";
      g.exit_code = kExitFailed;
      return;
    }
  }
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["id"] = n.id;
    j["kind"] = NodeKindName(n.kind);
    j["name"] = n.DisplayName();
    for (const PropertyFact& p : n.props)
      j["properties"][p.name].push_back(
          {{"value", p.value}, {"file", p.where.file}, {"line", p.where.line}, {"snippet", p.where.snippet}});
    for (auto* group : {&out, &in})
      for (const auto& [kind, edges] : *group)
        for (const EdgeView& e : edges)
          j[group == &out ? "out" : "in"][kind].push_back(
              {{"id", group == &out ? e.dst : e.src}, {"weight", e.weight}, {"documents", e.docs}});
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << n.id << "  (" << NodeKindName(n.kind) << ")\n" << n.DisplayName() << "\n\n";
  std::string last;
  for (const PropertyFact& p : n.props) {
    std::string value = p.value.size() > 300 ? MakeSnippet(p.value, 300) : p.value;
    for (char& c : value)
      if (c == '\n') c = ' ';
    std::cout << "  " << p.name << ": " << value << "\n      ← " << p.where.file << ":" << p.where.line;
    if (!RepeatsValue(p.where.snippet, p.value)) std::cout << "  " << MakeSnippet(p.where.snippet, 100);
    std::cout << "\n";
  }
  for (auto* group : {&out, &in}) {
    for (const auto& [kind, edges] : *group) {
      std::cout << "\n" << (group == &out ? "-" + kind + "-> " : "<-" + kind + "- ") << "(" << edges.size() << ")\n";
      for (size_t i = 0; i < edges.size() && i < o.max_neighbours; ++i) {
        const EdgeView& e = edges[i];
        std::cout << "  " << Label(*store, group == &out ? e.dst : e.src);
        if (e.weight != 1) std::cout << "  [weight " << e.weight << "]";
        std::cout << "\n";
      }
      if (edges.size() > o.max_neighbours) std::cout << "  … " << edges.size() - o.max_neighbours << " more\n";
    }
  }
}

}  // namespace

void RegisterShow(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "Print a node: its properties with their sources, and its neighbours");
  cmd->add_option("id", o->id, "node id (arxiv:2510.24035, org:bytedance, topic:kv-cache, post:PATH) or a name")
      ->required();
  cmd->add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--max-neighbours", o->max_neighbours, "neighbours listed per edge kind");
  cmd->callback([&g, o] { RunShow(g, *o); });
}

}  // namespace pg::cli
