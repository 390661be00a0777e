#include <doctest/doctest.h>

#include "query/parser.h"

using namespace pg;

namespace {

Query Parse(const std::string& text) {
  Query q;
  QueryError e;
  bool ok = ParseQuery(text, &q, &e);
  REQUIRE_MESSAGE(ok, FormatQueryError(text, e));
  return q;
}

const Pattern& PatternOf(const Query& q) {
  REQUIRE(std::holds_alternative<Pattern>(q.body));
  return std::get<Pattern>(q.body);
}

}  // namespace

TEST_CASE("selectors: kind, key, quoted name, fuzzy, filter, any") {
  Query q0 = Parse("paper");
  const Pattern& p = PatternOf(q0);
  REQUIRE(p.nodes.size() == 1);
  CHECK(p.nodes[0].kind == NodeKind::kPaper);
  CHECK(p.nodes[0].key_type == NodeSelector::KeyType::kNone);

  Query q = Parse("paper:2510.21057");
  CHECK(PatternOf(q).nodes[0].key == "2510.21057");
  CHECK(PatternOf(q).nodes[0].key_type == NodeSelector::KeyType::kKey);
  CHECK(PatternOf(q).nodes[0].span.length == 16);

  q = Parse("topic:\"loop transformers\"");
  CHECK(PatternOf(q).nodes[0].key == "loop transformers");
  CHECK(PatternOf(q).nodes[0].key_type == NodeSelector::KeyType::kName);

  q = Parse("topic:~loop");
  CHECK(PatternOf(q).nodes[0].key_type == NodeSelector::KeyType::kFuzzy);
  CHECK(PatternOf(q).nodes[0].key == "loop");
  q = Parse("topic:~\"loop tr\"");
  CHECK(PatternOf(q).nodes[0].key == "loop tr");

  q = Parse("post:docs/papers/y2025/oct/20251021.md");
  CHECK(PatternOf(q).nodes[0].key == "docs/papers/y2025/oct/20251021.md");
  q = Parse("topic:looped-transformer -mentions- paper");
  CHECK(PatternOf(q).nodes[0].key == "looped-transformer");

  q = Parse("paper[date >= 2025-10-20, title ~ \"diffusion\" and arxiv != 1]");
  const auto& f = PatternOf(q).nodes[0].filter;
  REQUIRE(f.size() == 3);
  CHECK(f[0].prop == "date");
  CHECK(f[0].op == CompareOp::kGe);
  CHECK(f[0].value.type == Literal::Type::kDate);
  CHECK(f[0].value.text == "2025-10-20");
  CHECK(f[1].op == CompareOp::kContains);
  CHECK(f[1].value.text == "diffusion");
  CHECK(f[2].op == CompareOp::kNe);
  CHECK(f[2].value.type == Literal::Type::kNumber);

  // A property name may have one ":" part: the review sections.
  q = Parse("paper[section:method ~ \"loop\", title = x]");
  REQUIRE(PatternOf(q).nodes[0].filter.size() == 2);
  CHECK(PatternOf(q).nodes[0].filter[0].prop == "section:method");
  CHECK(PatternOf(q).nodes[0].filter[1].prop == "title");

  q = Parse("*[name ~ loop]");
  CHECK_FALSE(PatternOf(q).nodes[0].kind.has_value());
  CHECK(PatternOf(q).nodes[0].filter.size() == 1);

  q = Parse("p=paper:2510.1 - t=topic");
  CHECK(PatternOf(q).nodes[0].var == "p");
  CHECK(PatternOf(q).nodes[1].var == "t");
}

TEST_CASE("steps: directed, reverse, either, any kind, bare, repetition") {
  Query q0 = Parse("paper -mentions-> topic <-mentions- paper -links_to- paper");
  const Pattern& p = PatternOf(q0);
  REQUIRE(p.steps.size() == 3);
  CHECK(p.steps[0].dir == Step::Dir::kOut);
  CHECK(p.steps[0].kinds == std::vector<EdgeKind>{EdgeKind::kMentions});
  CHECK(p.steps[1].dir == Step::Dir::kIn);
  CHECK(p.steps[2].dir == Step::Dir::kBoth);
  CHECK_FALSE(p.steps[2].bare);

  Query q = Parse("topic:\"loop transformers\" - paper - org");
  CHECK(PatternOf(q).steps[0].bare);
  CHECK(PatternOf(q).steps[0].kinds.empty());
  CHECK(PatternOf(q).steps[1].bare);

  q = Parse("paper -- org --> topic <-- paper -> post <- paper");
  const auto& s = PatternOf(q).steps;
  REQUIRE(s.size() == 5);
  CHECK((s[0].dir == Step::Dir::kBoth && !s[0].bare && s[0].kinds.empty()));
  CHECK(s[1].dir == Step::Dir::kOut);
  CHECK(s[2].dir == Step::Dir::kIn);
  CHECK(s[3].dir == Step::Dir::kOut);
  CHECK(s[4].dir == Step::Dir::kIn);

  q = Parse("paper:2510.21057 -links_to*1..3-> paper");
  const Step& r = PatternOf(q).steps[0];
  CHECK(r.repeated);
  CHECK(r.min_hops == 1);
  CHECK(r.max_hops == 3);
  CHECK(r.dir == Step::Dir::kOut);

  q = Parse("paper -links_to*2-> paper -*..4- * -affiliated|mentions-> org -links_to*-> paper");
  const auto& t = PatternOf(q).steps;
  CHECK((t[0].min_hops == 2 && t[0].max_hops == 2));
  CHECK((t[1].kinds.empty() && t[1].min_hops == 1 && t[1].max_hops == 4 && t[1].dir == Step::Dir::kBoth));
  CHECK(t[2].kinds == std::vector<EdgeKind>{EdgeKind::kAffiliated, EdgeKind::kMentions});
  CHECK((t[3].repeated && t[3].max_hops == 0));
  CHECK_FALSE(PatternOf(q).nodes[2].kind.has_value());
}

TEST_CASE("stages") {
  Query q = Parse("org:bytedance - paper - topic | count by topic | top 10");
  REQUIRE(q.stages.size() == 2);
  CHECK(q.stages[0].type == Stage::Type::kCount);
  CHECK(q.stages[0].by->var == "topic");
  CHECK(q.stages[1].type == Stage::Type::kTop);
  CHECK(q.stages[1].n == 10);

  q = Parse("p=paper | sort p.date desc, p | select p, p.date | distinct | limit 5 | count");
  REQUIRE(q.stages.size() == 5);
  CHECK(q.stages[0].sort.size() == 2);
  CHECK(q.stages[0].sort[0].ref.Name() == "p.date");
  CHECK(q.stages[0].sort[0].desc);
  CHECK_FALSE(q.stages[0].sort[1].desc);
  CHECK(q.stages[1].select.size() == 2);
  CHECK(q.stages[2].type == Stage::Type::kDistinct);
  CHECK(q.stages[3].n == 5);
  CHECK_FALSE(q.stages[4].by.has_value());

  q = Parse("p=paper | select p.section:goal, p.date");
  REQUIRE(q.stages[0].select.size() == 2);
  CHECK(q.stages[0].select[0].prop == "section:goal");
  CHECK(q.stages[0].select[0].Name() == "p.section:goal");
}

TEST_CASE("commands") {
  Query q = Parse("path paper:2510.25741 to paper:2510.18672 via mentions,topic max 4 all");
  REQUIRE(std::holds_alternative<PathCommand>(q.body));
  const auto& p = std::get<PathCommand>(q.body);
  CHECK(p.from.key == "2510.25741");
  CHECK(p.to.key == "2510.18672");
  CHECK(p.via.edges == std::vector<EdgeKind>{EdgeKind::kMentions});
  CHECK(p.via.nodes == std::vector<NodeKind>{NodeKind::kTopic});
  CHECK(p.max_hops == 4);
  CHECK(p.all);

  q = Parse("neighbors topic:\"speculative decoding\" depth 2 via mentions");
  const auto& n = std::get<NeighborsCommand>(q.body);
  CHECK(n.depth == 2);
  CHECK(n.via.edges.size() == 1);

  // An edge kind qualified by the kind of node at its other end: topic mentions, not lab mentions.
  q = Parse("neighbors paper:2510.25741 depth 2 via reviews, mentions:topic");
  const auto& qn = std::get<NeighborsCommand>(q.body);
  CHECK(qn.via.edges == std::vector<EdgeKind>{EdgeKind::kReviews});
  CHECK(qn.via.qualified ==
        std::vector<std::pair<EdgeKind, NodeKind>>{{EdgeKind::kMentions, NodeKind::kTopic}});

  q = Parse("related paper:2510.25741 by topics, links | top 10");
  const auto& r = std::get<RelatedCommand>(q.body);
  CHECK(r.components == (RelatedCommand::kTopics | RelatedCommand::kLinks));
  CHECK(q.stages.size() == 1);
  CHECK(std::get<RelatedCommand>(Parse("related paper:1").body).components == RelatedCommand::kAll);

  q = Parse("why paper:2510.1 org:google");
  CHECK(std::get<WhyCommand>(q.body).b.key == "google");
}

TEST_CASE("an empty query") {
  Query q;
  QueryError e;
  REQUIRE_FALSE(ParseQuery("", &q, &e));
  CHECK(FormatQueryError("", e) ==
        "query:1:1: expected a node selector or a command (path, neighbors, related, why), got end of query\n\n^");
  REQUIRE_FALSE(ParseQuery("paper -mentions->\n  | count", &q, &e));
  CHECK(FormatQueryError("paper -mentions->\n  | count", e) ==
        "query:2:3: expected a node selector after the step, got '|'\n  | count\n  ^");
}

TEST_CASE("Korean names and spans") {
  Query q = Parse("topic:\"루프 트랜스포머\" - paper");
  CHECK(PatternOf(q).nodes[0].key == "루프 트랜스포머");
  CHECK(PatternOf(q).nodes[1].span.offset == std::string("topic:\"루프 트랜스포머\" - ").size());
}
