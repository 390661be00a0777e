#include "importers/digest_parser.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_util.h"

namespace pg {
namespace {

ParsedPost Parse(const std::string& text, const std::string& file = "digest.txt") {
  Result<ParsedPost> r = ParseDigest(text, file);
  REQUIRE(r.ok());
  return std::move(r).value();
}

const Section* Find(const ParsedPaper& p, const std::string& name) {
  for (const Section& s : p.sections)
    if (s.name == name) return &s;
  return nullptr;
}

const std::string kDigest =
    "[2025/06/16 ~ 22] 이번 주에 살펴볼 만한 AI/ML 논문 모음\n"                           // 1
    "\n"                                                                                  // 2
    "[2025/06/16 ~ 22] 이번 주에 살펴볼 만한 AI/ML 논문 모음\n"                           // 3
    "\n"                                                                                  // 4
    "PyTorchKR:fire::south_korea: :thinking::thought_balloon:\n"                          // 5
    "\n"                                                                                  // 6
    "이번 주 선정된 논문들을 살펴보면, 효율성에 관한 연구가 중심입니다.\n"                // 7
    "\n"                                                                                  // 8
    "\n"                                                                                  // 9
    "Text-to-LoRA: 즉시 트랜스포머 적응 기술 / Text-to-LoRA:  Instant Transformer Adaption\n"  // 10
    "\n"                                                                                  // 11
    "논문 소개\n"                                                                         // 12
    "\n"                                                                                  // 13
    "Text-to-LoRA (T2L)은 하이퍼네트워크입니다.\n"                                        // 14
    "\n"                                                                                  // 15
    "두 번째 소개 문단입니다.\n"                                                          // 16
    "\n"                                                                                  // 17
    "논문 초록(Abstract)\n"                                                               // 18
    "\n"                                                                                  // 19
    "파운데이션 모델은 LoRA 어댑터와 GSM8K, Arc 등 작업별 적응이 필요합니다.\n"          // 20
    "\n"                                                                                  // 21
    "While Foundation Models provide a general tool, they require adaptation.\n"         // 22
    "Code: https://github.com/SakanaAI/text-to-lora\n"                                   // 23
    "\n"                                                                                  // 24
    "논문 링크\n"                                                                         // 25
    "\n"                                                                                  // 26
    "https://arxiv.org/abs/2506.06105\n"                                                  // 27
    "\n"                                                                                  // 28
    "더 읽어보기\n"                                                                       // 29
    "\n"                                                                                  // 30
    "https://github.com/SakanaAI/text-to-lora\n"                                          // 31
    "\n"                                                                                  // 32
    "\n"                                                                                  // 33
    "강화 학습 기반 사전 학습 (Reinforcement Pre-Training) / Reinforcement Pre-Training\n"  // 34
    "\n"                                                                                  // 35
    "논문 소개\n"                                                                         // 36
    "\n"                                                                                  // 37
    "RPT는 새로운 패러다임입니다.\n"                                                      // 38
    "\n"                                                                                  // 39
    "논문 초록(Abstract)\n"                                                               // 40
    "\n"                                                                                  // 41
    "이 연구에서는 강화 학습을 사전 학습에 씁니다.\n"                                     // 42
    "\n"                                                                                  // 43
    "In this work, we introduce Reinforcement Pre-Training (RPT).\n"                      // 44
    "\n"                                                                                  // 45
    "논문 링크\n"                                                                         // 46
    "\n"                                                                                  // 47
    "\n"                                                                                  // 48
    ":fire:파이토치 한국 사용자 모임:south_korea:이 정리한 이 글이 유용하셨나요?\n"       // 49
    "\n"                                                                                  // 50
    ":wrapped_gift: 아래:down_right_arrow:쪽에 좋아요:heart:를 눌러주시면 힘이 됩니다~\n"  // 51
    "\n"                                                                                  // 52
    "1개의 좋아요\n";                                                                     // 53

TEST_CASE("digest: title, date, entries, sections by script, URLs, footer") {
  ParsedPost post = Parse(kDigest);
  CHECK(post.format == "digest");
  CHECK(post.title == "[2025/06/16 ~ 22] 이번 주에 살펴볼 만한 AI/ML 논문 모음");
  CHECK(post.title_line == 1);
  CHECK(post.date == "2025-06-16");
  CHECK(post.warnings.empty());
  REQUIRE(post.papers.size() == 2);

  const ParsedPaper& p = post.papers[0];
  CHECK(p.position == 1);
  CHECK(p.line == 10);
  CHECK(p.title == "Text-to-LoRA: Instant Transformer Adaption");
  CHECK(p.title_ko == "Text-to-LoRA: 즉시 트랜스포머 적응 기술");
  CHECK(p.heading == "Text-to-LoRA: 즉시 트랜스포머 적응 기술 / Text-to-LoRA: Instant Transformer Adaption");
  const Section* intro = Find(p, "intro_ko");
  REQUIRE(intro);
  CHECK(intro->line == 12);
  REQUIRE(intro->blocks.size() == 2);
  CHECK(intro->blocks[0].line == 14);
  CHECK(intro->blocks[1].line == 16);
  const Section* ko = Find(p, "abstract_ko");
  REQUIRE(ko);
  CHECK(ko->line == 18);
  REQUIRE(ko->blocks.size() == 1);
  CHECK(ko->blocks[0].line == 20);
  const Section* en = Find(p, "abstract_en");
  REQUIRE(en);
  CHECK(en->line == 22);
  REQUIRE(en->blocks.size() == 1);
  CHECK(en->blocks[0].text ==
        "While Foundation Models provide a general tool, they require adaptation.\n"
        "Code: https://github.com/SakanaAI/text-to-lora");
  CHECK(p.arxiv_id == "2506.06105");
  REQUIRE(p.urls.size() == 2);
  CHECK(p.urls[0].url == "https://arxiv.org/abs/2506.06105");
  CHECK(p.urls[0].line == 27);
  CHECK(p.urls[1].url == "https://github.com/SakanaAI/text-to-lora");
  CHECK(p.urls[1].line == 31);
  REQUIRE(p.links.size() == 1);  // the URL in the abstract
  CHECK(p.links[0].line == 22);

  const ParsedPaper& q = post.papers[1];
  CHECK(q.line == 34);
  CHECK(q.title == "Reinforcement Pre-Training");
  CHECK(q.title_ko == "강화 학습 기반 사전 학습 (Reinforcement Pre-Training)");
  CHECK(q.arxiv_id.empty());
  CHECK(q.urls.empty());
  CHECK(q.sections.size() == 3);
  // The footer belongs to no section.
  for (const Section& s : q.sections)
    for (const TextBlock& b : s.blocks) CHECK(b.line < 49);
}

TEST_CASE("title splits where the script changes, whatever ' / ' the titles hold") {
  ParsedPost post = Parse(
      "[2021/11/29 ~ 12/05] 이번 주에 살펴볼 만한 AI/ML 논문 모음\n\n"
      "입력 / 출력 정렬 연구 / Input / Output Alignment for LLMs\n\n논문 소개\n\n소개.\n\n"
      "Mamba / Mamba\n\n논문 소개\n\n소개.\n\n"
      "한국어만 있는 제목\n\n논문 소개\n\n소개.\n");
  CHECK(post.date == "2021-11-29");
  REQUIRE(post.papers.size() == 3);
  CHECK(post.papers[0].title_ko == "입력 / 출력 정렬 연구");
  CHECK(post.papers[0].title == "Input / Output Alignment for LLMs");
  CHECK(post.papers[1].title_ko == "Mamba");
  CHECK(post.papers[1].title == "Mamba");
  CHECK(post.papers[2].title_ko == "한국어만 있는 제목");
  CHECK(post.papers[2].title.empty());
  REQUIRE(post.warnings.size() == 1);
  CHECK(post.warnings[0] == "digest.txt:15: digest entry has no English title (expected 'Korean title / English title')");
}

TEST_CASE("논문 소개 with no title line before it is skipped with a warning") {
  ParsedPost post = Parse("[2025/06/16 ~ 22] 논문 모음\n\n논문 소개\n\n소개.\n");
  CHECK(post.papers.empty());
  REQUIRE(post.warnings.size() == 1);
  CHECK(post.warnings[0] == "digest.txt:3: '논문 소개' has no paper title line before it; skipped the entry");
}

TEST_CASE("an entry with no 논문 소개 starts at its abstract") {
  ParsedPost post = Parse(
      "[2025/06/16 ~ 22] 논문 모음\n\n"
      "가 / Paper A\n\n논문 소개\n\n소개.\n\n논문 초록(Abstract)\n\n초록입니다.\n\nAbstract A.\n\n논문 링크\n\n"
      "나 / Paper B\n\n논문 초록(Abstract)\n\n초록입니다.\n\nAbstract B.\n\n논문 링크: https://huggingface.co/papers/2506.00001\n");
  REQUIRE(post.papers.size() == 2);
  CHECK(post.papers[1].title == "Paper B");
  CHECK(post.papers[1].line == 17);
  CHECK(post.papers[1].arxiv_id == "2506.00001");
  REQUIRE(Find(post.papers[1], "abstract_en"));
  CHECK(Find(post.papers[1], "intro_ko") == nullptr);
}

TEST_CASE("CRLF line ends keep line numbers") {
  std::string crlf;
  for (char c : kDigest) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  ParsedPost post = Parse(crlf);
  REQUIRE(post.papers.size() == 2);
  CHECK(post.papers[0].line == 10);
  CHECK(post.papers[0].title == "Text-to-LoRA: Instant Transformer Adaption");
  CHECK(post.papers[1].line == 34);
}

// Found by fuzz_post (fuzz/regressions/post/): the date was 2025-33-16.
TEST_CASE("a title date with no such month or day gives no date") {
  CHECK(Parse("[2025/33/16 ~ 22] 논문 모음\n").date.empty());
  CHECK(Parse("[2025/10/32 ~ 22] 논문 모음\n").date.empty());
  CHECK(Parse("[2025/10/20 ~ 26] 논문 모음\n").date == "2025-10-20");
}

TEST_CASE("a text with no entries gives no papers") {
  ParsedPost post = Parse("[2025/06/16 ~ 22] 논문 모음\n\n소개 문단.\n\n1개의 좋아요\n");
  CHECK(post.papers.empty());
  CHECK(post.warnings.empty());
}

TEST_CASE("the real digest seed") {
  std::string shared = testing::SharedDir();
  if (shared.empty()) {
    MESSAGE("skipped: ../shared is absent");
    return;
  }
  std::ifstream in(shared + "/corpus/seeds/003_135f57eff4839651.txt", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  ParsedPost post = Parse(ss.str(), "seeds/003.txt");
  CHECK(post.date == "2025-06-16");
  REQUIRE(post.papers.size() == 10);
  CHECK(post.papers[0].title == "Text-to-LoRA: Instant Transformer Adaption");
  CHECK(post.papers[0].line == 14);
  CHECK(post.papers[9].title == "Reasoning by Superposition: A Theoretical Perspective on Chain of Continuous Thought");
  for (const ParsedPaper& p : post.papers) {
    CHECK(Find(p, "intro_ko"));
    CHECK(Find(p, "abstract_ko"));
    CHECK(Find(p, "abstract_en"));
    CHECK_FALSE(p.title_ko.empty());
  }
  CHECK(post.warnings.empty());
}

}  // namespace
}  // namespace pg
