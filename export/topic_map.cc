#include "export/topic_map.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "export/text_escape.h"
#include "query/engine.h"

namespace pg {
namespace {

bool ValidDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

// `text` as a node id of `kind`: an id as is, else resolved like a query
// selector (names, aliases, Korean; "did you mean" when unknown).
Result<std::string> Resolve(const Store& store, const char* kind, const std::string& text) {
  std::string prefix = std::string(kind) + ":";
  std::string key = text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
  Result<std::optional<NodeView>> direct = store.GetNode(prefix + key);
  if (!direct.ok()) return direct.status();
  if (direct->has_value()) return prefix + key;
  std::string quoted = "\"";
  for (char c : key) {
    if (c == '"' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  quoted += "\"";
  QueryEngine engine(&store);
  QueryOptions options;
  options.source = GraphSource::kStore;
  Result<QueryResult> r = engine.Run(prefix + quoted, options);
  if (!r.ok()) return r.status();
  if (r->nodes.empty()) return Status::NotFound(std::string(kind) + " \"" + key + "\" not found");
  return r->nodes.front().id;
}

struct PaperFacts {
  std::vector<std::string> dates;
  std::vector<std::string> topics;  // mentioned with weight >= min_mention
  std::vector<std::string> orgs;    // affiliated or mentioned
};

const char* kClusterColours[] = {"#eff6ff", "#f0fdf4", "#fefce8", "#fdf2f8", "#f5f3ff",
                                 "#ecfeff", "#fff7ed", "#f7fee7", "#fef2f2", "#f8fafc"};

}  // namespace

Result<TopicMap> BuildTopicMap(const Store& store, const TopicMapOptions& o) {
  if (!o.since.empty() && !ValidDate(o.since))
    return Status::InvalidArgument("--since: expected a date YYYY-MM-DD, got \"" + o.since + "\"");
  if (!o.until.empty() && !ValidDate(o.until))
    return Status::InvalidArgument("--until: expected a date YYYY-MM-DD, got \"" + o.until + "\"");
  if (o.max_topics < 1) return Status::InvalidArgument("--max-topics must be at least 1");
  TopicMap map;
  map.options = o;
  if (!o.topic.empty()) {
    Result<std::string> id = Resolve(store, "topic", o.topic);
    if (!id.ok()) return id.status();
    map.topic_id = *id;
  }
  if (!o.org.empty()) {
    Result<std::string> id = Resolve(store, "org", o.org);
    if (!id.ok()) return id.status();
    map.org_id = *id;
  }

  // One pass over nodes (topic names, parents, org names, paper dates) and
  // one over edges (mentions, affiliations).
  std::unordered_map<std::string, std::string> name, parent;
  std::unordered_set<std::string> discovered;
  std::map<std::string, PaperFacts> papers;  // ordered: deterministic counting
  Status s = store.ForEachNode([&](const NodeView& n) {
    if (n.kind == NodeKind::kTopic) {
      name[n.id] = n.DisplayName();
      std::string p = n.Value("parent");
      if (!p.empty()) parent[n.id] = "topic:" + p;
      if (!n.Value("discovered").empty()) discovered.insert(n.id);
    } else if (n.kind == NodeKind::kOrg) {
      name[n.id] = n.DisplayName();
    } else if (n.kind == NodeKind::kPaper) {
      papers[n.id].dates = n.Values("date");
    }
    return true;
  });
  if (s.ok())
    s = store.ForEachEdgeAll([&](const EdgeView& e) {
      auto it = papers.find(e.src);
      if (it == papers.end()) return true;
      bool to_topic = e.dst.rfind("topic:", 0) == 0, to_org = e.dst.rfind("org:", 0) == 0;
      if (e.kind == EdgeKind::kMentions && to_topic && e.weight >= o.min_mention)
        it->second.topics.push_back(e.dst);
      else if ((e.kind == EdgeKind::kAffiliated || e.kind == EdgeKind::kMentions) && to_org)
        it->second.orgs.push_back(e.dst);
      return true;
    });
  if (!s.ok()) return s;

  auto root_of = [&](const std::string& t) {
    std::string r = t;
    for (int guard = 0; guard < 32; ++guard) {  // lexicons are shallow; a cycle stops here
      auto it = parent.find(r);
      if (it == parent.end()) break;
      r = it->second;
    }
    return r;
  };
  auto under = [&](const std::string& t, const std::string& ancestor) {
    std::string r = t;
    for (int guard = 0; guard < 32; ++guard) {
      if (r == ancestor) return true;
      auto it = parent.find(r);
      if (it == parent.end()) return false;
      r = it->second;
    }
    return false;
  };

  // Count topics, pairs and labs over the papers that pass the filters.
  std::map<std::string, int> topic_papers;
  std::map<std::pair<std::string, std::string>, int> pair_papers;
  std::map<std::string, std::map<std::string, int>> topic_labs;
  for (auto& [id, p] : papers) {
    if (!o.since.empty() || !o.until.empty()) {
      bool in_range = std::any_of(p.dates.begin(), p.dates.end(), [&](const std::string& d) {
        std::string day = d.substr(0, 10);
        return (o.since.empty() || day >= o.since) && (o.until.empty() || day <= o.until);
      });
      if (!in_range) continue;
    }
    std::sort(p.orgs.begin(), p.orgs.end());
    p.orgs.erase(std::unique(p.orgs.begin(), p.orgs.end()), p.orgs.end());
    if (!map.org_id.empty() && !std::binary_search(p.orgs.begin(), p.orgs.end(), map.org_id)) continue;
    std::vector<std::string> topics;
    for (const std::string& t : p.topics)
      if (o.include_discovered || !discovered.count(t) || t == map.topic_id) topics.push_back(t);
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    if (!map.topic_id.empty() &&
        std::none_of(topics.begin(), topics.end(), [&](const std::string& t) { return under(t, map.topic_id); }))
      continue;
    ++map.papers;
    for (size_t i = 0; i < topics.size(); ++i) {
      ++topic_papers[topics[i]];
      for (const std::string& org : p.orgs) ++topic_labs[topics[i]][org];
      for (size_t j = i + 1; j < topics.size(); ++j) ++pair_papers[{topics[i], topics[j]}];
    }
  }

  // The most-mentioned topics (and the --topic itself).
  std::vector<std::pair<std::string, int>> ranked(topic_papers.begin(), topic_papers.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::set<std::string> kept;
  for (const auto& [t, n] : ranked) {
    if (static_cast<int>(kept.size()) >= o.max_topics) break;
    kept.insert(t);
  }
  if (!map.topic_id.empty() && topic_papers.count(map.topic_id) && !kept.count(map.topic_id)) {
    kept.insert(map.topic_id);
  }
  std::set<std::string> cluster_ids;
  for (const auto& [t, n] : ranked) {
    if (!kept.count(t)) continue;
    MapTopic mt;
    mt.id = t;
    mt.name = name.count(t) ? name[t] : t.substr(6);
    mt.papers = n;
    std::string root = root_of(t);
    if (root != t) mt.cluster = root;
    std::vector<std::pair<std::string, int>> labs(topic_labs[t].begin(), topic_labs[t].end());
    std::stable_sort(labs.begin(), labs.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [org, c] : labs) {
      if (static_cast<int>(mt.labs.size()) >= o.top_labs) break;
      mt.labs.push_back({name.count(org) ? name[org] : org.substr(4), c});
    }
    map.topics.push_back(std::move(mt));
  }
  // A root topic that is on the map heads its own cluster too.
  std::set<std::string> roots_with_children;
  for (const MapTopic& t : map.topics)
    if (!t.cluster.empty()) roots_with_children.insert(t.cluster);
  for (MapTopic& t : map.topics)
    if (t.cluster.empty() && roots_with_children.count(t.id)) t.cluster = t.id;
  for (const MapTopic& t : map.topics)
    if (!t.cluster.empty()) cluster_ids.insert(t.cluster);
  for (const std::string& c : cluster_ids) map.clusters.push_back({c, name.count(c) ? name[c] : c.substr(6)});

  map.min_weight = o.min_weight > 0 ? o.min_weight : map.papers < 100 ? 1 : map.papers < 300 ? 2 : 3;
  // Edges among kept topics: at least min_weight shared papers, and among
  // each topic's strongest few (an edge stays when either end keeps it).
  std::vector<MapEdge> candidates;
  for (const auto& [pair, w] : pair_papers)
    if (w >= map.min_weight && kept.count(pair.first) && kept.count(pair.second))
      candidates.push_back({pair.first, pair.second, w});
  std::set<std::pair<std::string, std::string>> chosen;
  if (o.max_edges_per_topic > 0) {
    std::map<std::string, std::vector<const MapEdge*>> by_topic;
    for (const MapEdge& e : candidates) {
      by_topic[e.a].push_back(&e);
      by_topic[e.b].push_back(&e);
    }
    // Ranked by association (cosine: shared / sqrt(papers_a * papers_b)),
    // not by raw count: otherwise the broad topics (fine-tuning, LLMs) take
    // every topic's strongest edge and the map turns into a hairball.
    auto assoc = [&](const MapEdge* e) {
      return e->weight / std::sqrt(static_cast<double>(topic_papers[e->a]) * topic_papers[e->b]);
    };
    for (auto& [t, list] : by_topic) {
      std::stable_sort(list.begin(), list.end(),
                       [&](const MapEdge* x, const MapEdge* y) { return assoc(x) > assoc(y); });
      for (size_t i = 0; i < list.size() && static_cast<int>(i) < o.max_edges_per_topic; ++i)
        chosen.insert({list[i]->a, list[i]->b});
    }
  }
  for (const MapEdge& e : candidates)
    if (o.max_edges_per_topic <= 0 || chosen.count({e.a, e.b})) map.edges.push_back(e);
  return map;
}

void WriteTopicMapDot(const TopicMap& map, std::ostream& out) {
  int max_papers = 1, max_weight = 1;
  for (const MapTopic& t : map.topics) max_papers = std::max(max_papers, t.papers);
  for (const MapEdge& e : map.edges) max_weight = std::max(max_weight, e.weight);
  std::string title = "papergraph topic map: " + std::to_string(map.papers) + " papers";
  if (!map.topic_id.empty()) title += ", topic " + map.topic_id.substr(6);
  if (!map.org_id.empty()) title += ", org " + map.org_id.substr(4);
  if (!map.options.since.empty() || !map.options.until.empty())
    title += ", " + (map.options.since.empty() ? std::string("…") : map.options.since) + " to " +
             (map.options.until.empty() ? std::string("…") : map.options.until);
  title += "\\nnode size: papers mentioning the topic; edge: papers mentioning both (≥ " +
           std::to_string(map.min_weight) + "); boxes: parent topics";
  out << "graph topic_map {\n"
      // dot, not fdp: Graphviz 2.43's fdp overlaps clusters, spreads the map
      // over a canvas four times larger and lays out differently on every
      // run; dot keeps clusters apart, is compact and deterministic.
      << "  layout=dot; rankdir=LR; ranksep=1.0; nodesep=0.2; newrank=true; outputorder=edgesfirst;\n"
      << "  label=\"" << title << "\"; labelloc=t; fontsize=16; fontname=\"Helvetica,Arial,sans-serif\";\n"
      << "  node [shape=ellipse, style=filled, fillcolor=\"#dcfce7\", color=\"#16a34a\", "
         "fontname=\"Helvetica,Arial,sans-serif\", margin=\"0.08,0.04\"];\n"
      << "  edge [color=\"#64748b\"];\n";
  auto write_node = [&](const MapTopic& t, const char* indent) {
    double scale = std::sqrt(static_cast<double>(t.papers) / max_papers);
    int font = static_cast<int>(std::lround(10 + 14 * scale));
    std::string labs, tooltip = t.name + ": " + std::to_string(t.papers) + (t.papers == 1 ? " paper" : " papers");
    for (size_t i = 0; i < t.labs.size(); ++i) {
      labs += (i ? ", " : "") + t.labs[i].first;
      tooltip += (i ? ", " : "; labs: ") + t.labs[i].first + " (" + std::to_string(t.labs[i].second) + ")";
    }
    out << indent << "\"" << DotEscape(t.id) << "\" [fontsize=" << font << ", label=<<B>" << XmlEscape(t.name)
        << "</B><BR/><FONT POINT-SIZE=\"10\" COLOR=\"#475569\">" << t.papers
        << (t.papers == 1 ? " paper" : " papers");
    if (!labs.empty()) out << "<BR/>" << XmlEscape(labs);
    out << "</FONT>>, tooltip=\"" << DotEscape(tooltip) << "\"";
    if (t.cluster == t.id) out << ", fillcolor=\"#bbf7d0\", penwidth=2";
    out << "];\n";
  };
  // Clusters in id order, then unclustered topics; each in the map's order.
  for (size_t c = 0; c < map.clusters.size(); ++c) {
    const auto& [cid, cname] = map.clusters[c];
    out << "  subgraph \"cluster_" << DotEscape(cid) << "\" {\n"
        << "    label=\"" << DotEscape(cname) << "\"; fontsize=13; style=\"rounded,filled\"; color=\"#cbd5e1\"; "
        << "fillcolor=\"" << kClusterColours[c % (sizeof kClusterColours / sizeof *kClusterColours)] << "\";\n";
    for (const MapTopic& t : map.topics)
      if (t.cluster == cid) write_node(t, "    ");
    out << "  }\n";
  }
  for (const MapTopic& t : map.topics)
    if (t.cluster.empty()) write_node(t, "  ");
  for (const MapEdge& e : map.edges) {
    double w = static_cast<double>(e.weight) / max_weight;
    out << "  \"" << DotEscape(e.a) << "\" -- \"" << DotEscape(e.b) << "\" [penwidth=" << NumberText(std::round((0.6 + 5.4 * w) * 10) / 10)
        << ", tooltip=\"" << e.weight << (e.weight == 1 ? " paper" : " papers") << " in common\"];\n";
  }
  out << "}\n";
}

nlohmann::ordered_json TopicMapJson(const TopicMap& map) {
  nlohmann::ordered_json j;
  j["filters"] = {{"topic", map.topic_id}, {"org", map.org_id}, {"since", map.options.since},
                  {"until", map.options.until}, {"min_weight", map.min_weight},
                  {"max_topics", map.options.max_topics}};
  j["papers"] = map.papers;
  nlohmann::ordered_json clusters = nlohmann::ordered_json::array();
  for (const auto& [id, name] : map.clusters) clusters.push_back({{"id", id}, {"name", name}});
  j["clusters"] = std::move(clusters);
  nlohmann::ordered_json topics = nlohmann::ordered_json::array();
  for (const MapTopic& t : map.topics) {
    nlohmann::ordered_json labs = nlohmann::ordered_json::array();
    for (const auto& [n, c] : t.labs) labs.push_back({{"name", n}, {"papers", c}});
    topics.push_back({{"id", t.id}, {"name", t.name}, {"cluster", t.cluster}, {"papers", t.papers},
                      {"labs", std::move(labs)}});
  }
  j["topics"] = std::move(topics);
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (const MapEdge& e : map.edges) edges.push_back({{"source", e.a}, {"target", e.b}, {"weight", e.weight}});
  j["edges"] = std::move(edges);
  return j;
}

}  // namespace pg
