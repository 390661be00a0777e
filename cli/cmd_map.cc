// papergraph map: the topic map (DESIGN §5, docs/export.md) — topics sized
// by papers, edges weighted by papers mentioning both, clustered by parent
// topic, top labs per topic; as DOT, SVG (runs Graphviz) or JSON.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "export/graphviz.h"
#include "export/topic_map.h"

namespace pg::cli {
namespace {

struct MapCliOptions {
  TopicMapOptions map;
  std::string format = "svg";
  std::string output;
};

void RunMap(GlobalOptions& g, const MapCliOptions& o) {
  if (o.format == "svg" && FindGraphviz().empty()) {
    std::cerr << "papergraph: " << GraphvizMissingMessage() << "\n";
    g.exit_code = kExitFailed;
    return;
  }
  std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kRead, "papergraph map");
  if (!store) return;
  Result<TopicMap> map = BuildTopicMap(*store, o.map);
  if (!map.ok()) {
    std::cerr << "papergraph: " << map.status().message() << "\n";
    g.exit_code = map.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailed;
    return;
  }
  if (map->topics.empty())
    std::cerr << "papergraph: no topic matches these filters (" << map->papers << " papers passed them)\n";
  std::string text;
  if (o.format == "json") {
    text = TopicMapJson(*map).dump(1) + "\n";
  } else {
    std::ostringstream dot;
    WriteTopicMapDot(*map, dot);
    text = dot.str();
    if (o.format == "svg") {
      Status s = RunGraphviz(dot.str(), "svg", &text);
      if (!s.ok()) {
        std::cerr << "papergraph: " << s.message() << "\n";
        g.exit_code = kExitFailed;
        return;
      }
    }
  }
  if (o.output.empty() || o.output == "-") {
    std::cout << text << std::flush;
    if (!std::cout) g.exit_code = kExitFailed;
    return;
  }
  std::ofstream file(o.output, std::ios::binary | std::ios::trunc);
  file << text;
  if (!file.flush()) {
    std::cerr << "papergraph: " << o.output << ": cannot write\n";
    g.exit_code = kExitFailed;
  }
}

}  // namespace

void RegisterMap(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<MapCliOptions>();
  CLI::App* cmd = app.add_subcommand("map", "The topic map: topics, how they co-occur, and the labs behind them");
  cmd->add_option("--topic", o->map.topic, "only papers mentioning this topic or a subtopic of it");
  cmd->add_option("--org", o->map.org, "only papers of this lab (affiliated or mentioned)");
  cmd->add_option("--since", o->map.since, "only papers reviewed on or after this date (YYYY-MM-DD)");
  cmd->add_option("--until", o->map.until, "only papers reviewed on or before this date (YYYY-MM-DD)");
  cmd->add_option("--min-weight", o->map.min_weight,
                  "least number of shared papers for an edge (default: 1 for maps of under 100 papers, 2 under "
                  "300, else 3)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--max-topics", o->map.max_topics, "show this many of the most-mentioned topics")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--max-edges", o->map.max_edges_per_topic,
                  "each topic keeps this many of its most associated edges (shared papers over sqrt of both sizes); 0 = every edge over --min-weight")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000));
  cmd->add_option("--top-labs", o->map.top_labs, "labs named per topic")->capture_default_str()->check(CLI::Range(0, 100));
  cmd->add_option("--min-mention", o->map.min_mention,
                  "least mention weight for a paper to count for a topic (a title mention weighs 3, a body "
                  "mention 1)")
      ->capture_default_str();
  cmd->add_flag("--discovered", o->map.include_discovered,
                "include candidate topics discovered in the text, not only lexicon topics");
  cmd->add_option("--format", o->format, "svg (runs Graphviz; default), dot or json")
      ->check(CLI::IsMember({"svg", "dot", "json"}));
  cmd->add_option("-o,--output", o->output, "write to this file instead of stdout");
  cmd->callback([&g, o] { RunMap(g, *o); });
}

}  // namespace pg::cli
