#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "query/node_cache.h"
#include "query/store_graph_view.h"
#include "tests/query_test_graph.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::ScratchDir;

namespace {

using EdgeSet = std::set<std::tuple<std::string, std::string, EdgeKind>>;  // node, other, kind

// Every edge ForEachEdgeAtKind reports, by id: the store's one-pass override
// when `one_pass`, else GraphView's node-by-node default.
EdgeSet EdgesAtKind(StoreGraphView& view, bool one_pass, NodeKind kind, Direction dir, EdgeKindSet kinds,
                    const std::vector<bool>& others) {
  EdgeSet out;
  auto add = [&](NodeRef n, NodeRef other, EdgeKind k) { out.emplace(view.Id(n), view.Id(other), k); };
  Status s = one_pass ? view.ForEachEdgeAtKind(kind, dir, kinds, others, add)
                      : view.GraphView::ForEachEdgeAtKind(kind, dir, kinds, others, add);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return out;
}

}  // namespace

TEST_CASE("edges at every node of a kind: one scan of the index gives what reading node by node gives") {
  ScratchDir tmp;
  std::unique_ptr<Store> store = pg::testing::BuildQueryTestGraph(tmp.Sub("db"));
  NodeCache cache(store.get());
  StoreGraphView view(store.get(), &cache);
  // The papers are the "others": interned first, as a step's sources are.
  std::vector<bool> papers;
  for (const char* id : {"arxiv:2510.00001", "arxiv:2510.00002", "arxiv:2510.00003", "title:루프 모델 연구"}) {
    Result<std::optional<NodeRef>> ref = view.Find(id);
    REQUIRE(ref.ok());
    REQUIRE(ref->has_value());
    if (**ref >= papers.size()) papers.resize(**ref + 1, false);
    papers[**ref] = true;
  }
  // arxiv:2510.00004 is not marked: its edges must not be reported.
  for (NodeKind kind : kAllNodeKinds)
    for (Direction dir : {Direction::kIn, Direction::kOut}) {
      CAPTURE(NodeKindName(kind));
      CAPTURE(dir == Direction::kIn);
      EdgeSet one_pass = EdgesAtKind(view, true, kind, dir, kAnyEdgeKind, papers);
      CHECK(one_pass == EdgesAtKind(view, false, kind, dir, kAnyEdgeKind, papers));
      for (const auto& [node, other, k] : one_pass) CHECK(other != "arxiv:2510.00004");
    }
  // The labs' lab tags: P1, P3 (bytedance), P2, P5 (google); not P4's stability-ai.
  EdgeSet tags = EdgesAtKind(view, true, NodeKind::kOrg, Direction::kIn, KindBit(EdgeKind::kAffiliated), papers);
  CHECK(tags == EdgeSet{{"org:bytedance", "arxiv:2510.00001", EdgeKind::kAffiliated},
                        {"org:bytedance", "arxiv:2510.00003", EdgeKind::kAffiliated},
                        {"org:google", "arxiv:2510.00002", EdgeKind::kAffiliated},
                        {"org:google", "title:루프 모델 연구", EdgeKind::kAffiliated}});
  // Papers have ids of two prefixes; both are read and sized.
  std::vector<bool> topics;
  Result<std::optional<NodeRef>> looped = view.Find("topic:looped-transformer");
  REQUIRE(looped.ok());
  topics.resize(**looped + 1, false);
  topics[**looped] = true;
  EdgeSet mentions = EdgesAtKind(view, true, NodeKind::kPaper, Direction::kOut, KindBit(EdgeKind::kMentions), topics);
  CHECK(mentions.size() == 4);
  CHECK(mentions.count({"title:루프 모델 연구", "topic:looped-transformer", EdgeKind::kMentions}) == 1);
  std::optional<uint64_t> paper_bytes = view.EdgeBytesAtKind(NodeKind::kPaper, Direction::kOut);
  REQUIRE(paper_bytes.has_value());
  CHECK(*paper_bytes > 0);
}
