// The topic map (DESIGN §5): topics as nodes sized by the number of papers
// that mention them, edges weighted by the number of papers mentioning both,
// topics grouped by their top-level parent topic, and the labs most often
// behind each topic's papers. Filters: a topic (the papers mentioning it or
// a subtopic of it), an org (papers affiliated with or mentioning it), a
// date range (a paper's review dates), a minimum edge weight, a maximum
// number of topics. Computed from one pass over the store; thread-safe for
// a thread-safe Store.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "storage/store.h"

namespace pg {

struct TopicMapOptions {
  std::string topic;  // a topic id or name ("" = every paper)
  std::string org;    // an org id or name ("" = every paper)
  std::string since;  // YYYY-MM-DD, inclusive ("" = no bound)
  std::string until;  // YYYY-MM-DD, inclusive
  // Least number of shared papers for an edge; 0 = by the number of papers
  // on the map: 1 under 100, 2 under 300, else 3 (a filtered map stays connected).
  int min_weight = 0;
  int max_topics = 36;             // the most-mentioned topics are kept
  int max_edges_per_topic = 3;     // each topic keeps its most associated edges (0 = all)
  int top_labs = 3;                // labs shown per topic
  double min_mention = 1;          // least mention weight for a paper to count for a topic
  bool include_discovered = false; // candidate topics found in the text (not in the lexicon)
};

struct MapTopic {
  std::string id, name;
  std::string cluster;  // id of the top-level parent topic ("" = none)
  int papers = 0;
  std::vector<std::pair<std::string, int>> labs;  // display name, papers; most first
};

struct MapEdge {
  std::string a, b;  // topic ids, a < b
  int weight = 0;    // papers mentioning both
};

struct TopicMap {
  TopicMapOptions options;
  std::string topic_id, org_id;  // resolved filters
  int papers = 0;                // papers that passed the filters
  int min_weight = 1;            // the edge threshold used
  std::vector<MapTopic> topics;  // by papers (most first), then id
  std::vector<MapEdge> edges;    // by (a, b)
  std::vector<std::pair<std::string, std::string>> clusters;  // (id, name), by id
};

// Errors: NotFound when --topic or --org names nothing (with suggestions),
// InvalidArgument for a malformed date or bound, or a storage error.
Result<TopicMap> BuildTopicMap(const Store& store, const TopicMapOptions& options);

// Undirected DOT (layout=dot, left to right), parent topics as clusters.
void WriteTopicMapDot(const TopicMap& map, std::ostream& out);

// {"filters", "papers", "clusters", "topics":[{id,name,cluster,papers,labs}], "edges":[{source,target,weight}]}.
nlohmann::ordered_json TopicMapJson(const TopicMap& map);

}  // namespace pg
