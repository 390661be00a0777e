// The questions people ask, on the real posts in ../shared/corpus (skipped
// when it is absent). Every expected answer was checked by reading the posts:
// see the comments.
#include <doctest/doctest.h>

#include <algorithm>

#include "importers/importer.h"
#include "query/engine.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::ScratchDir;
using pg::testing::SharedDir;

namespace {

// One import of the three sources for all the cases below.
class Corpus {
 public:
  static Corpus& Get() {
    static Corpus corpus;
    return corpus;
  }
  bool ready() const { return engine_ != nullptr; }
  QueryResult Run(const std::string& q) {
    QueryOptions options;
    Result<QueryResult> r = engine_->Run(q, options);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return std::move(r).value();
  }

 private:
  Corpus() {
    std::string shared = SharedDir();
    if (shared.empty()) return;
    auto ex = Extractor::Load(PAPERGRAPH_DATA_DIR, {});
    REQUIRE_MESSAGE(ex.ok(), ex.status().ToString());
    auto store = Store::Open(tmp_.Sub("db"), Store::Mode::kWrite, "query corpus test");
    REQUIRE_MESSAGE(store.ok(), store.status().ToString());
    store_ = std::move(store).value();
    ImportOptions o;
    std::string corpus = shared + "/corpus";
    o.root = corpus;
    o.paths = {corpus + "/tomatosaurus", corpus + "/hahngt", corpus + "/seeds"};
    ImportReport report;
    REQUIRE(Importer(store_.get(), ex->get()).Run(o, &report).ok());
    REQUIRE(report.imported > 250);
    engine_ = std::make_unique<QueryEngine>(store_.get());
  }

  ScratchDir tmp_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<QueryEngine> engine_;
};

std::vector<std::string> Column(const QueryResult& r, size_t c) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(row[c].type == ResultValue::Type::kNumber ? std::to_string(static_cast<long>(row[c].number)) : row[c].text);
  return out;
}

#define SKIP_WITHOUT_CORPUS()                                        \
  if (!Corpus::Get().ready()) {                                      \
    MESSAGE("../shared/corpus is absent: corpus queries skipped");   \
    return;                                                          \
  }

}  // namespace

TEST_CASE("corpus: which labs publish on loop transformers") {
  SKIP_WITHOUT_CORPUS();
  // tomatosaurus 2025-10-30 reviews "Scaling Latent Reasoning via Looped Language
  // Models" (2510.25741) and "Parallel Loop Transformer ..." (2510.24824), both
  // tagged `bytedance`; hahngt's "Universal Reasoning Model" (2512.14693) also
  // names universal transformers, but Jekyll posts carry no lab tags.
  QueryResult r = Corpus::Get().Run("topic:\"loop transformers\" - paper - org | count by org");
  CHECK(r.columns == std::vector<std::string>{"org", "count"});
  CHECK(Column(r, 0) == std::vector<std::string>{"org:bytedance"});
  CHECK(Column(r, 1) == std::vector<std::string>{"2"});
  QueryResult papers = Corpus::Get().Run("topic:\"loop transformers\" - paper");
  std::vector<std::string> ids = Column(papers, 0);
  CHECK(std::find(ids.begin(), ids.end(), "arxiv:2510.25741") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "arxiv:2510.24824") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "arxiv:2512.14693") != ids.end());
  // The Korean alias names the same topic.
  CHECK(Corpus::Get().Run("topic:\"루프 트랜스포머\" - paper | count").rows[0][0].number == ids.size());
}

TEST_CASE("corpus: a lab's topic profile") {
  SKIP_WITHOUT_CORPUS();
  QueryResult r = Corpus::Get().Run("org:bytedance - paper - topic | count by topic | top 50");
  std::vector<std::string> topics = Column(r, 0), counts = Column(r, 1);
  auto at = std::find(topics.begin(), topics.end(), "topic:looped-transformer");
  REQUIRE(at != topics.end());
  CHECK(counts[at - topics.begin()] == "2");  // the two looped papers above
  for (size_t i = 1; i < r.rows.size(); ++i) CHECK(r.rows[i - 1][1].number >= r.rows[i][1].number);
  // No topic can count more papers than the lab has.
  double papers = Corpus::Get().Run("org:bytedance - paper | count").rows[0][0].number;
  CHECK(r.rows[0][1].number <= papers);
}

TEST_CASE("corpus: cross-link chains") {
  SKIP_WITHOUT_CORPUS();
  // 2025-10-27's review of 2510.21057 links to
  // /docs/papers/y2025/oct/20251021#1-distractor-injection-attacks-on-large-reasoning-models-amazon,
  // the first heading of 2025-10-21: 2510.16259.
  QueryResult r = Corpus::Get().Run("paper:2510.21057 -links_to*1..3-> paper");
  CHECK(Column(r, 0) == std::vector<std::string>{"arxiv:2510.16259"});
  QueryResult why = Corpus::Get().Run("why paper:2510.21057 paper:2510.16259");
  REQUIRE(why.rows.size() == 1);
  CHECK(why.rows[0][1].text == "-links_to->");
  REQUIRE_FALSE(why.rows[0][4].list.empty());
  CHECK(why.rows[0][4].list[0].find("20251027.md:104:") != std::string::npos);
  // A link to a whole post (2025-10-07, five headings) reaches its papers: the
  // HoneyBee review (20251017.md:85, a heading without a link) links to it.
  QueryResult post = Corpus::Get().Run(
      "paper:\"HoneyBee: Data Recipes for Vision-Language Reasoners\" -links_to-> post -reviews-> paper | count");
  CHECK(post.rows[0][0].number == 5);
}

TEST_CASE("corpus: shortest path between two papers through shared topics") {
  SKIP_WITHOUT_CORPUS();
  // Both 2510.25741 and 2510.24824 are looped transformers (2025-10-30).
  QueryResult r = Corpus::Get().Run("path paper:2510.25741 to paper:2510.24824 via mentions all");
  REQUIRE_FALSE(r.rows.empty());
  bool through_looped = false;
  for (const auto& row : r.rows) {
    CHECK(row[1].number <= 2);  // every shortest path has two hops
    if (row[4].text == "topic:looped-transformer") through_looped = true;
  }
  CHECK(through_looped);
  // Unrestricted, the shortest chain is as short or shorter.
  QueryResult any = Corpus::Get().Run("path paper:2510.25741 to paper:2510.18672");
  REQUIRE_FALSE(any.rows.empty());
  CHECK(any.rows.back()[0].number <= 2);
}

TEST_CASE("corpus: related papers, checked by hand") {
  SKIP_WITHOUT_CORPUS();
  // "Scaling Latent Reasoning via Looped Language Models": its closest paper is
  // "Parallel Loop Transformer" — same topic (looped transformer), same lab
  // (bytedance), same post (2025-10-30).
  QueryResult r = Corpus::Get().Run("related paper:2510.25741 | top 5");
  REQUIRE(r.rows.size() == 5);
  CHECK(r.rows[0][0].text == "arxiv:2510.24824");
  std::string reasons;
  for (const std::string& s : r.rows[0][2].list) reasons += s + "\n";
  CHECK(reasons.find("shares topic topic:looped-transformer") != std::string::npos);
  CHECK(reasons.find("shares lab org:bytedance") != std::string::npos);
  CHECK(reasons.find("reviewed with it in post:tomatosaurus/docs/papers/y2025/oct/20251030.md") != std::string::npos);
}

TEST_CASE("corpus: the DESIGN §4 examples run") {
  SKIP_WITHOUT_CORPUS();
  for (const char* q : {"topic:\"loop transformers\" - paper - org | count by org",
                        "org:bytedance - paper - topic | count by topic | top 10",
                        "paper:2510.21057 -links_to*1..3-> paper", "path paper:2510.25741 to paper:2510.18672",
                        "related paper:2510.25741 | top 10", "neighbors topic:\"speculative decoding\" depth 2",
                        "paper[date >= 2025-10-20] -mentions-> topic | count by topic | top 20"}) {
    QueryResult r = Corpus::Get().Run(q);
    CHECK_MESSAGE(!r.rows.empty(), q);
  }
}
