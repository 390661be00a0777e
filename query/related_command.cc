// related X [by topics|labs|links|reviews|all]: papers ranked by how much
// they share with paper X. The score (docs/query.md, "related"):
//   shared topic t   + ln(P / papers mentioning t)   (rare topics count more)
//   shared lab o     + ln(P / papers affiliated with o)
//   cross-link       + 3 for X -links_to-> q, + 3 for q -links_to-> X
//   co-review        + 0.25 per post reviewing both (a daily post reviews
//                      unrelated papers side by side: weak evidence)
// where P is the number of papers. Ties go to the smaller id.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "query/commands.h"

namespace pg {
namespace {

constexpr double kLinkWeight = 3.0;
constexpr double kCoReviewWeight = 0.25;

struct Candidate {
  double score = 0;
  std::vector<std::pair<double, std::string>> reasons;
  std::vector<TouchedEdge> edges;
};

std::string Weight(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "+%.2f", w);
  return buf;
}

}  // namespace

Status EvaluateRelated(const RelatedCommand& c, const std::string& id, EvalContext& ctx, BodyResult* out) {
  Table& t = out->table;
  for (const char* col : {"paper", "score", "reasons"}) t.AddColumn(col);
  Result<std::optional<NodeRef>> found = ctx.view->Find(id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    out->notes.push_back(id + " has no edges, so nothing is related to it");
    return Status::OK();
  }
  NodeRef x = **found;
  GraphView& g = *ctx.view;

  Result<uint64_t> paper_count = g.CountNodes(NodeKind::kPaper);
  if (!paper_count.ok()) return paper_count.status();
  uint64_t papers = *paper_count;
  Status s;

  std::unordered_map<NodeRef, Candidate> cand;
  auto credit = [&](NodeRef q, double w, std::string why, TouchedEdge e1, std::optional<TouchedEdge> e2) {
    if (q == x || g.Kind(q) != NodeKind::kPaper) return;
    Candidate& cd = cand[q];
    cd.score += w;
    cd.reasons.emplace_back(w, std::move(why));
    cd.edges.push_back(e1);
    if (e2) cd.edges.push_back(*e2);
  };
  // Papers sharing a hub (a topic or a lab) through `kind`, weighted by the hub's rarity.
  auto shared_hubs = [&](EdgeKind kind, NodeKind hub_kind, const char* label) -> Status {
    std::vector<NodeRef> hubs;
    Status st = g.ForEachEdge(x, Direction::kOut, KindBit(kind), [&](NodeRef h, EdgeKind) {
      if (g.Kind(h) == hub_kind) hubs.push_back(h);
    });
    if (!st.ok()) return st;
    std::sort(hubs.begin(), hubs.end());
    hubs.erase(std::unique(hubs.begin(), hubs.end()), hubs.end());
    for (NodeRef h : hubs) {
      std::vector<NodeRef> members;
      st = g.ForEachEdge(h, Direction::kIn, KindBit(kind), [&](NodeRef p, EdgeKind) {
        if (g.Kind(p) == NodeKind::kPaper) members.push_back(p);
      });
      if (st.ok()) st = ctx.budget->Tick();
      if (!st.ok()) return st;
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      if (members.empty() || papers == 0) continue;
      double w = std::log(static_cast<double>(papers) / static_cast<double>(members.size()));
      if (w <= 0) continue;  // a hub every paper shares says nothing
      std::string why = std::string(label) + " " + g.Id(h) + " " + Weight(w);
      for (NodeRef q : members) credit(q, w, why, {x, kind, h}, TouchedEdge{q, kind, h});
      if (Status b = ctx.budget->CheckIntermediate(cand.size()); !b.ok()) return b;
    }
    return Status::OK();
  };
  if (c.components & RelatedCommand::kTopics) s = shared_hubs(EdgeKind::kMentions, NodeKind::kTopic, "shares topic");
  if (s.ok() && (c.components & RelatedCommand::kLabs)) s = shared_hubs(EdgeKind::kAffiliated, NodeKind::kOrg, "shares lab");
  if (s.ok() && (c.components & RelatedCommand::kLinks)) {
    s = g.ForEachEdge(x, Direction::kOut, KindBit(EdgeKind::kLinksTo), [&](NodeRef q, EdgeKind k) {
      credit(q, kLinkWeight, "linked from it " + Weight(kLinkWeight), {x, k, q}, std::nullopt);
    });
    if (s.ok())
      s = g.ForEachEdge(x, Direction::kIn, KindBit(EdgeKind::kLinksTo), [&](NodeRef q, EdgeKind k) {
        credit(q, kLinkWeight, "links to it " + Weight(kLinkWeight), {q, k, x}, std::nullopt);
      });
  }
  if (s.ok() && (c.components & RelatedCommand::kReviews)) {
    std::vector<NodeRef> posts;
    s = g.ForEachEdge(x, Direction::kIn, KindBit(EdgeKind::kReviews), [&](NodeRef p, EdgeKind) { posts.push_back(p); });
    for (NodeRef post : posts) {
      if (!s.ok()) break;
      s = g.ForEachEdge(post, Direction::kOut, KindBit(EdgeKind::kReviews), [&](NodeRef q, EdgeKind k) {
        credit(q, kCoReviewWeight, "reviewed with it in " + g.Id(post) + " " + Weight(kCoReviewWeight),
               {post, k, x}, TouchedEdge{post, k, q});
      });
    }
  }
  if (!s.ok()) return s;

  std::vector<std::pair<NodeRef, Candidate*>> ranked;
  ranked.reserve(cand.size());
  for (auto& [q, cd] : cand) ranked.emplace_back(q, &cd);
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.second->score != b.second->score) return a.second->score > b.second->score;
    return g.Id(a.first) < g.Id(b.first);
  });
  size_t keep_edges = ctx.collect_subgraph ? ctx.budget->limits().max_rows : 0;
  t.rows.reserve(ranked.size());
  for (size_t i = 0; i < ranked.size(); ++i) {
    Candidate& cd = *ranked[i].second;
    std::stable_sort(cd.reasons.begin(), cd.reasons.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> reasons;
    for (auto& r : cd.reasons) reasons.push_back(std::move(r.second));
    t.rows.push_back({Cell::Node(ranked[i].first), Cell::Number(std::round(cd.score * 1000) / 1000),
                      Cell::List(std::move(reasons))});
    if (i < keep_edges) out->edges.insert(out->edges.end(), cd.edges.begin(), cd.edges.end());
  }
  return Status::OK();
}

}  // namespace pg
