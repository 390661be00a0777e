#include <doctest/doctest.h>

#include "query/engine.h"
#include "query/name_suggest.h"
#include "query/render.h"
#include "tests/query_test_graph.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::ScratchDir;

namespace {

// Rows as "a | b | 3" lines, nodes by id, lists joined by "; ".
std::string Rows(const QueryResult& r) {
  std::string out;
  for (const auto& row : r.rows) {
    std::string line;
    for (const ResultValue& v : row) {
      if (!line.empty()) line += " | ";
      switch (v.type) {
        case ResultValue::Type::kNull: line += "null"; break;
        case ResultValue::Type::kNode:
        case ResultValue::Type::kText: line += v.text; break;
        case ResultValue::Type::kNumber: {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%g", v.number);
          line += buf;
          break;
        }
        case ResultValue::Type::kList:
          for (size_t i = 0; i < v.list.size(); ++i) line += (i ? "; " : "") + v.list[i];
          break;
      }
    }
    out += line + "\n";
  }
  return out;
}

struct Fixture {
  ScratchDir tmp;
  std::unique_ptr<Store> store = pg::testing::BuildQueryTestGraph(tmp.Sub("db"));
  QueryEngine engine{store.get()};

  // Runs on both graph views and checks they agree.
  QueryResult Run(const std::string& q, QueryOptions options = {}) {
    options.source = GraphSource::kStore;
    Result<QueryResult> a = engine.Run(q, options);
    REQUIRE_MESSAGE(a.ok(), a.status().message());
    options.source = GraphSource::kSnapshot;
    Result<QueryResult> b = engine.Run(q, options);
    REQUIRE_MESSAGE(b.ok(), b.status().message());
    CHECK_MESSAGE(Rows(*a) == Rows(*b), q);
    CHECK(a->columns == b->columns);
    return std::move(a).value();
  }
  std::string RowsOf(const std::string& q) { return Rows(Run(q)); }
  Status Fail(const std::string& q, QueryOptions options = {}) {
    Result<QueryResult> r = engine.Run(q, options);
    REQUIRE_MESSAGE(!r.ok(), "should fail: " << q);
    return r.status();
  }
};

}  // namespace

TEST_CASE("which labs publish on a topic: bare steps follow lab tags, not text mentions") {
  Fixture f;
  QueryResult r = f.Run("topic:\"loop transformers\" - paper - org | count by org");
  CHECK(r.columns == std::vector<std::string>{"org", "count"});
  CHECK(Rows(r) ==
        "org:bytedance | 2\n"
        "org:google | 1\n"
        "org:stability-ai | 1\n");
  // `--` follows every edge: P1's text mention of Google counts too.
  CHECK(f.RowsOf("topic:looped-transformer -- paper -- org | count by org") ==
        "org:bytedance | 2\n"
        "org:google | 2\n"
        "org:stability-ai | 1\n");
  CHECK(f.RowsOf("topic:looped-transformer <-mentions- paper -mentions-> org") ==
        "arxiv:2510.00001 | org:google\n");
  // The Korean alias and the singular find the same topic.
  CHECK(f.RowsOf("topic:\"루프 트랜스포머\" - paper | count") == "4\n");
  CHECK(f.RowsOf("topic:\"loop transformer\" - paper | count") == "4\n");
}

TEST_CASE("a lab's topic profile, top N") {
  Fixture f;
  CHECK(f.RowsOf("org:bytedance - paper - topic | count by topic | top 10") == "topic:looped-transformer | 2\n");
  CHECK(f.RowsOf("org:google - paper - topic | count by topic") ==
        "topic:looped-transformer | 1\n"
        "topic:speculative-decoding | 1\n");
  CHECK(f.RowsOf("org:google - paper - topic | count by topic | top 1") == "topic:looped-transformer | 1\n");
}

TEST_CASE("selectors: keys, names, fuzzy, filters, any") {
  Fixture f;
  CHECK(f.RowsOf("paper:2510.00001") == "arxiv:2510.00001\n");
  CHECK(f.RowsOf("paper:arxiv:2510.00001") == "arxiv:2510.00001\n");
  CHECK(f.RowsOf("paper:\"looped transformers for reasoning\"") == "arxiv:2510.00001\n");
  CHECK(f.RowsOf("paper:\"루프 모델 연구\"") == "title:루프 모델 연구\n");
  CHECK(f.RowsOf("org:\"Stability AI\"") == "org:stability-ai\n");
  CHECK(f.RowsOf("org:stability-ai") == "org:stability-ai\n");
  CHECK(f.RowsOf("topic:~loop") == "topic:looped-transformer\n");
  CHECK(f.RowsOf("topic:~transfomer") == "topic:looped-transformer\ntopic:transformer-architecture\n");
  CHECK(f.RowsOf("paper[date >= 2025-10-20] | count") == "4\n");
  CHECK(f.RowsOf("paper[date = 2025-10] | count") == "4\n");
  CHECK(f.RowsOf("paper[date < 2025-10] | count") == "1\n");
  CHECK(f.RowsOf("paper[date > 2025-10-20, date <= 2025-10-25]") == "arxiv:2510.00003\narxiv:2510.00004\n");
  CHECK(f.RowsOf("paper[title ~ \"diffusion\"]") == "arxiv:2510.00004\n");
  CHECK(f.RowsOf("paper[title ~ \"LOOPED\" and date >= 2025] | count") == "2\n");
  CHECK(f.RowsOf("paper[title != \"Universal Looped Models\"] | count") == "4\n");
  CHECK(f.RowsOf("post[date >= 2025-10-21]") == "post:b.md\n");
  CHECK(f.RowsOf("*[name ~ \"stability\"]") == "org:stability-ai\n");
  CHECK(f.RowsOf("org | count") == "3\n");
}

TEST_CASE("what is trending: papers after a date, counted by topic") {
  Fixture f;
  CHECK(f.RowsOf("paper[date >= 2025-10-20] -mentions-> topic | count by topic") ==
        "topic:looped-transformer | 3\n"
        "topic:diffusion | 1\n"
        "topic:speculative-decoding | 1\n");
}

TEST_CASE("steps: directions, any kind, repetition") {
  Fixture f;
  CHECK(f.RowsOf("paper:2510.00001 -links_to-> paper") == "arxiv:2510.00002\n");
  CHECK(f.RowsOf("paper:2510.00002 <-links_to- paper") == "arxiv:2510.00001\n");
  CHECK(f.RowsOf("paper:2510.00002 -links_to-> paper") == "");
  CHECK(f.RowsOf("paper:2510.00002 -links_to- paper") == "arxiv:2510.00001\n");
  CHECK(f.RowsOf("post:a.md --> paper") == "arxiv:2510.00001\narxiv:2510.00002\n");
  CHECK(f.RowsOf("paper:2510.00002 <-- *") == "arxiv:2510.00001\npost:a.md\n");
  CHECK(f.RowsOf("topic:looped-transformer -subtopic_of-> topic") == "topic:transformer-architecture\n");
  // Chains of cross-links: P1 -> P2 only; P3 -> P4.
  CHECK(f.RowsOf("paper:2510.00001 -links_to*1..3-> paper") == "arxiv:2510.00002\n");
  // Either direction, two to three hops along links and lab tags from P1:
  // P1 -affiliated- bytedance -affiliated- P3 (2 hops), P3 -links_to- P4 (3),
  // P1 -links_to- P2 -affiliated- google -affiliated- P5 (3).
  CHECK(f.RowsOf("paper:2510.00001 -affiliated|links_to*2..3- paper") ==
        "arxiv:2510.00003\narxiv:2510.00004\ntitle:루프 모델 연구\n");
  CHECK(f.RowsOf("paper:2510.00001 -affiliated|links_to*0..1- paper") == "arxiv:2510.00001\narxiv:2510.00002\n");
  // A match never binds one node twice: P1's topic-mates exclude P1.
  CHECK(f.RowsOf("paper:2510.00001 - topic - paper | count") == "3\n");
}

TEST_CASE("variables, implicit names, sort, select, distinct, limit") {
  Fixture f;
  QueryResult r = f.Run("topic:looped-transformer - paper - topic");
  CHECK(r.columns == std::vector<std::string>{"paper", "topic"});  // topic1 is fixed, so hidden
  CHECK(Rows(r) == "arxiv:2510.00004 | topic:diffusion\n");
  CHECK(f.RowsOf("p=paper - o=org | sort p.date desc, p | select o, p.date | limit 2") ==
        "org:stability-ai | 2025-10-25\n"   // Diffusion... sorts before Universal...
        "org:bytedance | 2025-10-25\n");
  CHECK(f.RowsOf("p=paper - o=org | select o | distinct") ==
        "org:bytedance\norg:google\norg:stability-ai\n");
  CHECK(f.RowsOf("paper - org | count by org.name") == "ByteDance | 2\nGoogle | 2\nStability AI | 1\n");
  CHECK(f.RowsOf("paper | sort paper | select paper.title | limit 1") == "Diffusion Language Models\n");
  CHECK(f.RowsOf("paper | sort paper desc | select paper.title | limit 1") == "루프 모델 연구\n");
  CHECK(f.RowsOf("paper - org:google | count by paper.date") == "2025-09-30 | 1\n2025-10-20 | 1\n");
}

TEST_CASE("a column an earlier stage named p.prop is named so by the next stage") {
  Fixture f;
  CHECK(f.RowsOf("p=paper - org:bytedance | select p.title | sort p.title desc") ==
        "Universal Looped Models\n"
        "Looped Transformers for Reasoning\n");
  CHECK(f.RowsOf("p=paper | count by p.date | sort p.date | limit 2") ==
        "2025-09-30 | 1\n"
        "2025-10-20 | 2\n");
}

TEST_CASE("path: shortest, explained hop by hop") {
  Fixture f;
  QueryResult r = f.Run("path paper:2510.00002 to paper:2510.00003");
  CHECK(r.columns == std::vector<std::string>{"hop", "from", "edge", "to", "evidence"});
  // P2 <-links_to- P1 -mentions-> looped-transformer <-mentions- P3 and
  // P2 <-reviews- ... : the first shortest path in id order.
  CHECK(Rows(r) ==
        "1 | arxiv:2510.00002 | <-links_to- | arxiv:2510.00001 | a.md:6: [see](/docs/a#2)\n"
        "2 | arxiv:2510.00001 | -affiliated-> | org:bytedance | a.md:3: `bytedance`\n"
        "3 | org:bytedance | <-affiliated- | arxiv:2510.00003 | b.md:3: `bytedance`\n");
  CHECK(r.notes == std::vector<std::string>{"1 path of 3 hops"});
  CHECK(r.edges.size() == 3);

  QueryResult all = f.Run("path paper:2510.00002 to paper:2510.00003 all");
  CHECK(all.columns.front() == "path");
  CHECK(all.notes == std::vector<std::string>{"2 shortest paths of 3 hops"});
  CHECK(f.RowsOf("path paper:2510.00002 to paper:2510.00003 via mentions, links_to") ==
        "1 | arxiv:2510.00002 | <-links_to- | arxiv:2510.00001 | a.md:6: [see](/docs/a#2)\n"
        "2 | arxiv:2510.00001 | -mentions-> | topic:looped-transformer | a.md:3: Looped Transformers\n"
        "3 | topic:looped-transformer | <-mentions- | arxiv:2510.00003 | b.md:4: a looped transformer\n");
  QueryResult none = f.Run("path paper:2510.00002 to paper:2510.00003 max 2");
  CHECK(none.rows.empty());
  CHECK(none.notes == std::vector<std::string>{"no path from arxiv:2510.00002 to arxiv:2510.00003 within 2 hops"});
}

TEST_CASE("neighbors, related, why") {
  Fixture f;
  CHECK(f.RowsOf("neighbors paper:2510.00002") ==
        "1 | arxiv:2510.00002 | <-links_to- | arxiv:2510.00001\n"
        "1 | arxiv:2510.00002 | -affiliated-> | org:google\n"
        "1 | arxiv:2510.00002 | -mentions-> | topic:speculative-decoding\n"
        "1 | arxiv:2510.00002 | <-reviews- | post:a.md\n");
  CHECK(f.RowsOf("neighbors topic:\"speculative decoding\" depth 2 | count") == "4\n");
  CHECK(f.RowsOf("neighbors paper:2510.00002 depth 2 via affiliated") ==
        "1 | arxiv:2510.00002 | -affiliated-> | org:google\n"
        "2 | org:google | <-affiliated- | title:루프 모델 연구\n");

  QueryResult r = f.Run("related paper:2510.00001");
  // 5 papers; looped-transformer is on 4: ln(5/4) = 0.223; bytedance on 2: ln(5/2) = 0.916.
  CHECK(Rows(r) ==
        "arxiv:2510.00002 | 3.25 | linked from it +3.00; reviewed with it in post:a.md +0.25\n"
        "arxiv:2510.00003 | 1.139 | shares lab org:bytedance +0.92; shares topic topic:looped-transformer +0.22\n"
        "arxiv:2510.00004 | 0.223 | shares topic topic:looped-transformer +0.22\n"
        "title:루프 모델 연구 | 0.223 | shares topic topic:looped-transformer +0.22\n");
  CHECK(f.RowsOf("related paper:2510.00001 by topics | top 1") ==
        "arxiv:2510.00003 | 0.223 | shares topic topic:looped-transformer +0.22\n");

  CHECK(f.RowsOf("why paper:2510.00001 org:google") ==
        "arxiv:2510.00001 | -mentions-> | org:google | 1 | a.md:5: unlike Google's approach\n");
  CHECK(f.RowsOf("why paper:2510.00002 paper:2510.00001") ==
        "arxiv:2510.00001 | -links_to-> | arxiv:2510.00002 | 1 | a.md:6: [see](/docs/a#2)\n");
  QueryResult none = f.Run("why paper:2510.00002 org:bytedance");
  CHECK(none.rows.empty());
  CHECK(none.notes.size() == 1);
}

TEST_CASE("binding errors name the position and suggest names") {
  Fixture f;
  Status s = f.Fail("topic:\"loop transfomers\" - paper");
  CHECK(s.IsNotFound());
  CHECK(s.message() ==
        "query:1:7: no topic named \"loop transfomers\"; did you mean \"loop transformers\" "
        "(topic:looped-transformer)?\n"
        "topic:\"loop transfomers\" - paper\n"
        "      ^");
  s = f.Fail("org:bytedanse - paper");
  CHECK(s.message() ==
        "query:1:5: no org with id or name 'bytedanse'; did you mean \"bytedance\" (org:bytedance)?\n"
        "org:bytedanse - paper\n"
        "    ^");
  s = f.Fail("path topic:~transformer to paper:2510.00001");
  CHECK(s.message() ==
        "query:1:13: the start of a path names 2 nodes (topic:looped-transformer, "
        "topic:transformer-architecture); it must name one\n"
        "path topic:~transformer to paper:2510.00001\n"
        "            ^");
  s = f.Fail("related topic:diffusion");
  CHECK(s.message().rfind("query:1:9: related ranks papers", 0) == 0);
  s = f.Fail("paper - o=org | count by orgs");
  CHECK(s.message() ==
        "query:1:26: unknown variable 'orgs'; the columns are paper, o\n"
        "paper - o=org | count by orgs\n"
        "                         ^");
  s = f.Fail("p=paper - p=org");
  CHECK(s.message().rfind("query:1:11: the variable 'p' names two nodes", 0) == 0);
  s = f.Fail("paper - org | count by org | select count.name");
  CHECK(s.message() ==
        "query:1:37: 'count' is not a node, so it has no property 'name'\n"
        "paper - org | count by org | select count.name\n"
        "                                    ^");
  CHECK(f.RowsOf("paper - org | count by org | select org.name, count") == "ByteDance | 2\nGoogle | 2\nStability AI | 1\n");
}

TEST_CASE("a filter on a property no node has says so in a note") {
  Fixture f;
  QueryResult r = f.Run("paper[titel ~ \"loop\"] | count");
  CHECK(Rows(r) == "0\n");
  CHECK(r.notes == std::vector<std::string>{"no paper the filter was tried on has a property 'titel'"});
  CHECK(f.Run("paper[title ~ \"loop\"] | count").notes.empty());
}

TEST_CASE("a post's id without its extension finds the post, as site links name it") {
  Fixture f;
  CHECK(f.RowsOf("post:a - paper | count") == "2\n");
  CHECK(f.RowsOf("post:a.md - paper | count") == "2\n");
}

TEST_CASE("suggestions: an arXiv id found as a name shows as the id, with its dot") {
  // Names are normalized: the arXiv id 2510.25741 is the name "251025741".
  CHECK(FormatSuggestions({{"251025741", "arxiv:2510.25741", 1}, {"bytedance", "org:bytedance", 1}}) ==
        "arxiv:2510.25741, \"bytedance\" (org:bytedance)");
}

TEST_CASE("bounds: depth, rows, intermediate rows, time") {
  Fixture f;
  Status s = f.Fail("paper -links_to*1..50-> paper");
  CHECK(s.IsLimitExceeded());
  CHECK(s.message() ==
        "query:1:16: the repetition goes up to 50 hops, more than the bound max_depth = 10 (raise it with "
        "--max-depth)\n"
        "paper -links_to*1..50-> paper\n"
        "               ^");
  // An open repetition is capped at max_depth: one that starts beyond it is an error, not empty.
  s = f.Fail("paper -links_to*20..-> paper");
  CHECK(s.IsLimitExceeded());
  CHECK(s.message().rfind("query:1:16: the repetition starts at 20 hops, more than the bound max_depth = 10 "
                          "(raise it with --max-depth)",
                          0) == 0);
  QueryOptions small;
  small.limits.max_rows = 3;
  s = f.Fail("paper", small);
  CHECK(s.IsLimitExceeded());
  CHECK(s.message() ==
        "the result has 5 rows (bound max_rows = 3; add `| limit N` or `| top N`, or raise it with --max-rows)");
  CHECK(f.engine.Run("paper | limit 3", small).ok());
  QueryOptions tight;
  tight.limits.max_intermediate = 4;
  s = f.Fail("* -- *", tight);
  CHECK(s.IsLimitExceeded());
  CHECK(s.message().find("bound max_intermediate = 4") != std::string::npos);
  s = f.Fail("neighbors paper:2510.00001 depth 11");
  CHECK(s.message().rfind("query:1:34: depth 11 is more than the bound max_depth = 10", 0) == 0);
}

TEST_CASE("rendering: aligned table by display width, JSON") {
  Fixture f;
  QueryResult r = f.Run("paper - org:google | select paper, paper.title");
  // Hangul is two columns wide: the second column starts at the same place.
  CHECK(RenderTable(r) ==
        "paper                                            paper.title\n"
        "-----------------------------------------------  -----------------------------\n"
        "arxiv:2510.00002  Speculative Decoding at Scale  Speculative Decoding at Scale\n"
        "title:루프 모델 연구                             루프 모델 연구\n"
        "(2 rows)\n");
  nlohmann::ordered_json j = ResultToJson(f.Run("topic:looped-transformer - paper - org | count by org | top 1"));
  CHECK(j["columns"] == nlohmann::json::array({"org", "count"}));
  CHECK(j["rows"][0][0]["id"] == "org:bytedance");
  CHECK(j["rows"][0][0]["name"] == "ByteDance");
  CHECK(j["rows"][0][1] == 2);
  CHECK(j["command"] == "match");

  QueryOptions sub;
  sub.collect_subgraph = true;
  Result<QueryResult> g = f.engine.Run("topic:looped-transformer - paper - org:bytedance", sub);
  REQUIRE(g.ok());
  CHECK(g->edges.size() == 4);
  CHECK(g->nodes.size() == 4);

  // The picture is cut to max_graph_edges, with a note; the rows are not.
  sub.max_graph_edges = 1;
  Result<QueryResult> cut = f.engine.Run("topic:looped-transformer - paper - org:bytedance", sub);
  REQUIRE(cut.ok());
  CHECK(cut->rows.size() == g->rows.size());
  CHECK(cut->edges.size() == 1);
  CHECK(cut->edges_total == 4);
  CHECK(cut->notes == std::vector<std::string>{"the graph lists 1 of 4 edges; the rows are complete"});
}

TEST_CASE("rendering: the JSON text is laid out as nlohmann's dump of the same document") {
  Fixture f;
  QueryOptions sub;
  sub.collect_subgraph = true;
  // Node cells, counts, text with quotes and Hangul, lists of evidence,
  // fractional scores, nulls, an empty answer.
  for (const char* q : {"topic:looped-transformer - paper - org | count by org",
                        "paper - org:google | select paper, paper.title, paper.subtitle",
                        "path paper:2510.00001 to org:stability-ai",
                        "related paper:2510.00001",
                        "why paper:2510.00001 org:bytedance",
                        "paper[title ~ \"no such title\"]"}) {
    CAPTURE(q);
    Result<QueryResult> r = f.engine.Run(q, sub);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    nlohmann::ordered_json tree = ResultToJson(*r);
    CHECK(ResultJsonText(*r, 2) == tree.dump(2));
    CHECK(ResultJsonText(*r, -1) == tree.dump());
  }
}
