#include "tests/query_test_graph.h"

#include <doctest/doctest.h>

#include "core/text.h"
#include "storage/write_txn.h"

namespace pg::testing {
namespace {

struct DocBuilder {
  DocRecord rec;
  explicit DocBuilder(const std::string& doc) {
    rec.doc = doc;
    rec.hash = "h-" + doc;
    rec.format = "test";
  }
  void Node(const std::string& id, std::vector<std::pair<std::string, std::string>> props, int line = 1) {
    NodeFacts n{id, {}};
    for (auto& [k, v] : props) n.props.push_back({k, v, {rec.doc, line, v}});
    rec.facts.nodes.push_back(std::move(n));
  }
  void Edge(const std::string& src, EdgeKind k, const std::string& dst, int line, const std::string& snippet,
            int position = 0) {
    rec.facts.edges.push_back({src, k, dst, 1, position, {rec.doc, line, snippet}});
  }
  void Name(const std::string& name, const std::string& id) { rec.facts.names.push_back({NormalizeName(name), id}); }
};

DocRecord Lexicon() {
  DocBuilder b("@lexicon");
  auto topic = [&](const std::string& slug, const std::string& name, std::vector<std::string> aliases) {
    b.Node("topic:" + slug, {{"name", name}});
    b.Name(name, "topic:" + slug);
    for (const std::string& a : aliases) b.Name(a, "topic:" + slug);
  };
  topic("transformer-architecture", "transformer architecture", {"transformers"});
  topic("looped-transformer", "looped transformer", {"looped transformers", "loop transformers", "루프 트랜스포머"});
  topic("speculative-decoding", "speculative decoding", {"추측 디코딩"});
  topic("diffusion", "diffusion model", {"diffusion models"});
  b.Edge("topic:looped-transformer", EdgeKind::kSubtopicOf, "topic:transformer-architecture", 1, "lexicon");
  return b.rec;
}

void Paper(DocBuilder& b, const std::string& id, const std::string& title, const std::string& date, int line,
           int position) {
  std::string post = "post:" + b.rec.doc;
  b.Node(id, {{"title", title}, {"date", date}}, line);
  b.Name(title, id);
  b.Edge(post, EdgeKind::kReviews, id, line, "## " + title, position);
}

void Org(DocBuilder& b, const std::string& slug, const std::string& name) {
  b.Node("org:" + slug, {{"name", name}});
  b.Name(name, "org:" + slug);
}

}  // namespace

std::unique_ptr<Store> BuildQueryTestGraph(const std::string& dir) {
  Result<std::unique_ptr<Store>> opened = Store::Open(dir, Store::Mode::kWrite, "query test");
  REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
  std::unique_ptr<Store> store = std::move(opened).value();

  DocBuilder a("a.md");
  a.Node("post:a.md", {{"title", "2025-10-20 papers review"}, {"date", "2025-10-20"}});
  Paper(a, "arxiv:2510.00001", "Looped Transformers for Reasoning", "2025-10-20", 3, 1);
  Paper(a, "arxiv:2510.00002", "Speculative Decoding at Scale", "2025-10-20", 9, 2);
  Org(a, "bytedance", "ByteDance");
  Org(a, "google", "Google");
  a.Edge("arxiv:2510.00001", EdgeKind::kAffiliated, "org:bytedance", 3, "`bytedance`");
  a.Edge("arxiv:2510.00001", EdgeKind::kMentions, "org:google", 5, "unlike Google's approach");
  a.Edge("arxiv:2510.00001", EdgeKind::kMentions, "topic:looped-transformer", 3, "Looped Transformers");
  a.Edge("arxiv:2510.00001", EdgeKind::kLinksTo, "arxiv:2510.00002", 6, "[see](/docs/a#2)");
  a.Edge("arxiv:2510.00002", EdgeKind::kAffiliated, "org:google", 9, "`google`");
  a.Edge("arxiv:2510.00002", EdgeKind::kMentions, "topic:speculative-decoding", 9, "Speculative Decoding");

  DocBuilder b("b.md");
  b.Node("post:b.md", {{"title", "2025-10-25 papers review"}, {"date", "2025-10-25"}});
  Paper(b, "arxiv:2510.00003", "Universal Looped Models", "2025-10-25", 3, 1);
  Paper(b, "arxiv:2510.00004", "Diffusion Language Models", "2025-10-25", 8, 2);
  Org(b, "bytedance", "ByteDance");
  Org(b, "stability-ai", "Stability AI");
  b.Edge("arxiv:2510.00003", EdgeKind::kAffiliated, "org:bytedance", 3, "`bytedance`");
  b.Edge("arxiv:2510.00003", EdgeKind::kMentions, "topic:looped-transformer", 4, "a looped transformer");
  b.Edge("arxiv:2510.00003", EdgeKind::kLinksTo, "arxiv:2510.00004", 5, "[diffusion](/docs/b#2)");
  b.Edge("arxiv:2510.00004", EdgeKind::kAffiliated, "org:stability-ai", 8, "`stability ai`");
  b.Edge("arxiv:2510.00004", EdgeKind::kMentions, "topic:diffusion", 8, "Diffusion");
  b.Edge("arxiv:2510.00004", EdgeKind::kMentions, "topic:looped-transformer", 10, "loop transformers");

  DocBuilder c("c.md");
  c.Node("post:c.md", {{"title", "주간 논문"}, {"date", "2025-09-30"}});
  Paper(c, "title:루프 모델 연구", "루프 모델 연구", "2025-09-30", 2, 1);
  Org(c, "google", "Google");
  c.Edge("title:루프 모델 연구", EdgeKind::kAffiliated, "org:google", 2, "`google`");
  c.Edge("title:루프 모델 연구", EdgeKind::kMentions, "topic:looped-transformer", 4, "루프 트랜스포머를");

  for (const DocRecord& d : {Lexicon(), a.rec, b.rec, c.rec}) {
    std::unique_ptr<WriteTxn> txn = store->BeginWrite();
    REQUIRE(txn->Put(d).ok());
    REQUIRE(txn->Commit().ok());
  }
  return store;
}

}  // namespace pg::testing
