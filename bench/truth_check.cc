#include "bench/truth_check.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <tuple>

#include "core/node_id.h"
#include "core/text.h"

namespace pg {
namespace {

using Edge = std::tuple<std::string, std::string, std::string>;  // kind, src, dst

void Score(KindScore* score, const std::set<std::string>& truth, const std::set<std::string>& found) {
  score->truth = truth.size();
  score->found = found.size();
  for (const std::string& t : truth) {
    if (found.count(t)) {
      ++score->correct;
    } else if (score->missing.size() < 5) {
      score->missing.push_back(t);
    }
  }
  for (const std::string& f : found)
    if (!truth.count(f) && score->extra.size() < 5) score->extra.push_back(f);
}

}  // namespace

std::string PapergraphIdOf(const std::string& kind, const std::string& id, const std::string& name, bool has_url) {
  if (kind == "paper") return has_url ? PaperIdFromArxiv(id) : PaperIdFromTitle(name);
  if (kind == "org") return OrgId(id);
  if (kind == "topic") return TopicId(id);
  return PostId(id);
}

bool TruthReport::perfect() const {
  for (const auto& [kind, s] : kinds)
    if (s.correct != s.truth || s.correct != s.found) return false;
  return true;
}

Result<TruthReport> CheckAgainstTruth(const Store& store, const std::string& truth_jsonl) {
  std::ifstream in(truth_jsonl);
  if (!in) return Status::IOError(truth_jsonl + ": cannot read");
  std::map<std::string, std::string> id_of;  // truth id -> papergraph id
  std::map<std::string, std::set<std::string>> truth_nodes, truth_edges;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
    if (row.is_discarded()) return Status::Corruption(truth_jsonl + ":" + std::to_string(line_no) + ": not JSON");
    if (row["type"] == "node") {
      std::string kind = row["kind"], id = row["id"];
      std::string ours = PapergraphIdOf(kind, id, row.value("name", ""), row.value("has_url", true));
      id_of[id] = ours;
      truth_nodes[kind].insert(ours);
    } else {
      std::string kind = row["kind"];
      truth_edges[kind].insert(id_of[row["src"]] + " -> " + id_of[row["dst"]]);
    }
  }

  std::map<std::string, std::set<std::string>> found_nodes, found_edges;
  Status s = store.ForEachNode([&](const NodeView& n) {
    // Topics in the truth are the ones some paper mentions; the lexicon's others are ours.
    if (n.kind != NodeKind::kTopic) found_nodes[std::string(NodeKindName(n.kind))].insert(n.id);
    return true;
  });
  if (!s.ok()) return s;
  s = store.ForEachEdgeAll([&](const EdgeView& e) {
    if (e.kind == EdgeKind::kSubtopicOf) return true;
    if (e.kind == EdgeKind::kMentions && KindOfId(e.dst) == NodeKind::kOrg) return true;  // text evidence of labs
    found_edges[std::string(EdgeKindName(e.kind))].insert(e.src + " -> " + e.dst);
    if (e.kind == EdgeKind::kMentions) found_nodes["topic"].insert(e.dst);
    return true;
  });
  if (!s.ok()) return s;

  TruthReport report;
  for (const char* kind : {"paper", "org", "topic", "post"})
    Score(&report.kinds[std::string("nodes:") + kind], truth_nodes[kind], found_nodes[kind]);
  for (const char* kind : {"reviews", "affiliated", "mentions", "links_to"})
    Score(&report.kinds[kind], truth_edges[kind], found_edges[kind]);
  return report;
}

}  // namespace pg
