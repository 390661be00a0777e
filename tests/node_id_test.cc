#include <doctest/doctest.h>

#include "core/hash.h"
#include "core/node_id.h"
#include "core/provenance.h"
#include "core/text.h"

TEST_CASE("node ids and kinds") {
  CHECK(pg::PaperIdFromArxiv("2510.24035") == "arxiv:2510.24035");
  CHECK(pg::PaperIdFromTitle("Efficient  Speculative Decoders!") == "title:efficient speculative decoders");
  CHECK(pg::KindOfId("arxiv:2510.24035") == pg::NodeKind::kPaper);
  CHECK(pg::KindOfId("title:x") == pg::NodeKind::kPaper);
  CHECK(pg::KindOfId("org:bytedance") == pg::NodeKind::kOrg);
  CHECK(pg::KindOfId("topic:kv-cache") == pg::NodeKind::kTopic);
  CHECK(pg::KindOfId("post:docs/a.md") == pg::NodeKind::kPost);
  CHECK_FALSE(pg::KindOfId("paper"));
  CHECK_FALSE(pg::KindOfId("user:x"));
  CHECK(pg::IdKey("post:docs/a.md") == "docs/a.md");
  CHECK(pg::Slugify("Stability AI") == "stability-ai");
  CHECK(pg::Slugify("  Huawei Noah's Ark ") == "huawei-noah-s-ark");
}

TEST_CASE("kind names round-trip") {
  for (pg::NodeKind k : pg::kAllNodeKinds) CHECK(pg::ParseNodeKind(pg::NodeKindName(k)) == k);
  for (pg::EdgeKind k : pg::kAllEdgeKinds) CHECK(pg::ParseEdgeKind(pg::EdgeKindName(k)) == k);
  CHECK_FALSE(pg::ParseEdgeKind("cites"));
}

TEST_CASE("content hash and snippets") {
  CHECK(pg::ContentHash("abc") == pg::ContentHash("abc"));
  CHECK(pg::ContentHash("abc") != pg::ContentHash("abd"));
  CHECK(pg::ContentHash("abc").size() == 16);
  std::string s = pg::MakeSnippet("양자화는 모델을 작게 만든다", 10);
  CHECK(s == "양자화…");  // cut on a character boundary
  // A long section: the first 160 bytes of its collapsed text.
  std::string section;
  for (int i = 0; i < 100; ++i) section += "Speculative   decoding\n drafts 양자화 ";
  std::string expected = pg::CollapseSpaces(section).substr(0, 160) + "…";  // byte 160 is ASCII
  CHECK(pg::MakeSnippet(section) == expected);
}
