#include "importers/jekyll_parser.h"

#include <doctest/doctest.h>

#include <string>

namespace pg {
namespace {

constexpr const char* kFile = "_posts/2025-10-08-daily-papers-20251008.md";

ParsedPost Parse(const std::string& text, const std::string& file = kFile) {
  Result<ParsedPost> r = ParseJekyll(text, file);
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::vector<std::string> Names(const ParsedPaper& p) {
  std::vector<std::string> out;
  for (const Section& s : p.sections) out.push_back(s.name);
  return out;
}

const Section& Named(const ParsedPaper& p, const std::string& name) {
  for (const Section& s : p.sections)
    if (s.name == name) return s;
  FAIL("no section " << name);
  static Section none;
  return none;
}

const std::string kDaily =
    "---\n"                                                                        // 1
    "layout: post\n"                                                               // 2
    "title: \"Daily Papers — 2025-10-08\"\n"                                       // 3
    "date: 2025-10-08 08:15:00\n"                                                  // 4
    "tags: [papers, hugginface]\n"                                                 // 5
    "categories: []\n"                                                             // 6
    "---\n"                                                                        // 7
    "\n"                                                                           // 8
    "\n"                                                                           // 9
    "# 1. [Fast-dLLM v2: Efficient   Block-Diffusion LLM](https://arxiv.org/abs/2509.26328)\n"  // 10
    "\n"                                                                           // 11
    "> [Alphaxiv](https://www.alphaxiv.org/ko/overview/2509.26328)\n"             // 12
    "\n"                                                                           // 13
    "## Introduction\n"                                                            // 14
    "- Goal: 블록 확산 모델로 변환한다.  \n"                                       // 15
    "- Motivation: AR 모델은 느리다.  \n"                                          // 16
    "- Contribution: 2.5배 빠르다.  \n"                                            // 17
    "\n"                                                                           // 18
    "## Method  \n"                                                                // 19
    "블록 단위로 입력을 분할한다. [DualCache](https://example.com/dual)  \n"      // 20
    "\n"                                                                           // 21
    "## Results  \n"                                                               // 22
    "최대 2.5배.  \n"                                                              // 23
    "\n"                                                                           // 24
    "## Limitations  \n"                                                           // 25
    "정보 부족.  \n"                                                               // 26
    "\n"                                                                           // 27
    "## Conclusion  \n"                                                            // 28
    "실용적이다.\n"                                                                // 29
    "\n"                                                                           // 30
    "# 2. [ShapeGen4D: Towards High Quality 4D Shape Generation](https://arxiv.org/abs/2510.06208)\n"  // 31
    "\n"                                                                           // 32
    "## Introduction\n"                                                            // 33
    "- 본 연구의 목표는 4D 형상 생성이다.  \n"                                     // 34
    "- 기존 방법은 비싸다.  \n"                                                    // 35
    "\n"                                                                           // 36
    "## Method  \n"                                                                // 37
    "- 시공간 어텐션.  \n"                                                         // 38
    "- 4D 잠재앙커.  \n";                                                          // 39

TEST_CASE("Daily Papers: entries, URLs, labeled introduction, sections, lines") {
  ParsedPost post = Parse(kDaily);
  CHECK(post.format == "jekyll");
  CHECK(post.title == "Daily Papers — 2025-10-08");
  CHECK(post.title_line == 3);
  CHECK(post.date == "2025-10-08");
  CHECK(post.tags == std::vector<std::string>{"papers", "hugginface"});
  CHECK(post.warnings.empty());
  REQUIRE(post.papers.size() == 2);

  const ParsedPaper& p = post.papers[0];
  CHECK(p.position == 1);
  CHECK(p.line == 10);
  CHECK(p.title == "Fast-dLLM v2: Efficient Block-Diffusion LLM");
  CHECK(p.heading == "1. Fast-dLLM v2: Efficient Block-Diffusion LLM");
  CHECK(p.arxiv_id == "2509.26328");
  REQUIRE(p.urls.size() == 2);
  CHECK(p.urls[0].url == "https://arxiv.org/abs/2509.26328");
  CHECK(p.urls[0].line == 10);
  CHECK(p.urls[1].url == "https://www.alphaxiv.org/ko/overview/2509.26328");
  CHECK(p.urls[1].text == "Alphaxiv");
  CHECK(p.urls[1].line == 12);
  // "정보 부족" (no information) drops the Limitations section.
  CHECK(Names(p) == std::vector<std::string>{"goal", "motivation", "contribution", "method", "results", "conclusion"});
  CHECK(Named(p, "goal").line == 15);
  REQUIRE(Named(p, "goal").blocks.size() == 1);
  CHECK(Named(p, "goal").blocks[0].text == "블록 확산 모델로 변환한다.");
  CHECK(Named(p, "goal").blocks[0].line == 15);
  CHECK(Named(p, "method").line == 19);
  CHECK(Named(p, "method").blocks[0].text == "블록 단위로 입력을 분할한다. DualCache");
  CHECK(Named(p, "conclusion").blocks[0].line == 29);
  REQUIRE(p.links.size() == 1);
  CHECK(p.links[0].url == "https://example.com/dual");
  CHECK(p.links[0].line == 20);

  const ParsedPaper& q = post.papers[1];
  CHECK(q.position == 2);
  CHECK(q.line == 31);
  CHECK(q.arxiv_id == "2510.06208");
  CHECK(q.urls.size() == 1);
  // Unlabeled bullets stay in the introduction.
  CHECK(Names(q) == std::vector<std::string>{"introduction", "method"});
  REQUIRE(Named(q, "introduction").blocks.size() == 2);
  CHECK(Named(q, "introduction").blocks[1].line == 35);
  CHECK(Named(q, "method").blocks.size() == 2);
}

TEST_CASE("Arxiv posts link http://arxiv.org/abs/IDv1; prose introductions") {
  ParsedPost post = Parse(
      "---\n"
      "layout: post\n"
      "title: \"Arxiv - 2025-09-01\"\n"
      "date: 2025-09-01 08:15:00\n"
      "---\n"
      "\n"
      "# 1. [DriveQA: Passing the Driving Knowledge Test](http://arxiv.org/abs/2508.21824v1)\n"
      "\n"
      "## Introduction\n"
      "\n"
      "운전 지식 벤치마크를 제안한다.\n"
      "\n"
      "## Method\n"
      "\n"
      "첫 줄.  \n"
      "둘째 줄.\n",
      "_posts/2025-09-01-Arxiv.md");
  REQUIRE(post.papers.size() == 1);
  const ParsedPaper& p = post.papers[0];
  CHECK(p.arxiv_id == "2508.21824");
  CHECK(p.urls[0].url == "http://arxiv.org/abs/2508.21824v1");
  CHECK(Names(p) == std::vector<std::string>{"introduction", "method"});
  CHECK(Named(p, "method").blocks[0].text == "첫 줄.\n둘째 줄.");
}

TEST_CASE("a post with front matter only has no papers and no error") {
  ParsedPost post = Parse(
      "---\n"
      "layout: post\n"
      "title: \"Daily Papers — 2025-12-26\"\n"
      "date: 2025-12-26 08:15:00\n"
      "tags: [papers, hugginface]\n"
      "categories: []\n"
      "---\n"
      "\n",
      "_posts/2025-12-26-daily-papers-20251226.md");
  CHECK(post.papers.empty());
  CHECK(post.date == "2025-12-26");
  CHECK(post.warnings.empty());
}

TEST_CASE("the date falls back to the file name") {
  ParsedPost post = Parse("---\nlayout: post\ntitle: test\n---\n\n뭐요\n", "_posts/2025-07-01-test.md");
  CHECK(post.date == "2025-07-01");
  CHECK(post.title == "test");
  CHECK(post.papers.empty());
}

TEST_CASE("early variant: ### headings, titles broken inside the link, 제목: and arXiv: lines") {
  ParsedPost post = Parse(
      "---\n"                                                                          // 1
      "layout: post\n"                                                                 // 2
      "title: Daily Papers — 2025-08-29\"\n"                                           // 3
      "date: 2025-08-29 08:15:00\n"                                                    // 4
      "---\n"                                                                          // 5
      "\n"                                                                             // 6
      "### 1. [Pref-GRPO: Pairwise Preference Reward-based GRPO for Stable\n"          // 7
      "\n"                                                                             // 8
      "Text-to-Image Reinforcement Learning](https://arxiv.org/abs/2508.20751)\n"      // 9
      "\n"                                                                             // 10
      "제목: Pref-GRPO: Pairwise Preference Reward-based GRPO for Stable  \n"          // 11
      "Text-to-Image Reinforcement Learning  \n"                                       // 12
      "arXiv: https://arxiv.org/abs/2508.20751\n"                                      // 13
      "\n"                                                                             // 14
      "## Introduction\n"                                                              // 15
      "\n"                                                                             // 16
      "- Goal: 목표.\n"                                                                // 17
      "\n"                                                                             // 18
      "### 2. [rStar2-Agent: Agentic Reasoning Technical Report](https://arxiv.org/abs/2508.20722)\n"  // 19
      "\n"                                                                             // 20
      "제목: rStar2-Agent: Agentic Reasoning Technical Report  \n"                     // 21
      "arXiv: https://arxiv.org/abs/2508.20722\n"                                      // 22
      "\n"                                                                             // 23
      "## Method\n"                                                                    // 24
      "\n"                                                                             // 25
      "방법.\n",                                                                       // 26
      "hahngt-history/2025-08-29-daily-papers__c93bd8ad.md");
  CHECK(post.title == "Daily Papers — 2025-08-29");
  REQUIRE(post.warnings.size() == 1);
  CHECK(post.warnings[0] == "hahngt-history/2025-08-29-daily-papers__c93bd8ad.md:3: title has an unmatched quote; dropped it");
  REQUIRE(post.papers.size() == 2);
  const ParsedPaper& p = post.papers[0];
  CHECK(p.line == 7);
  CHECK(p.title == "Pref-GRPO: Pairwise Preference Reward-based GRPO for Stable Text-to-Image Reinforcement Learning");
  CHECK(p.heading == "1. Pref-GRPO: Pairwise Preference Reward-based GRPO for Stable Text-to-Image Reinforcement Learning");
  CHECK(p.arxiv_id == "2508.20751");
  CHECK(p.urls.size() == 1);
  CHECK(Names(p) == std::vector<std::string>{"goal"});
  const ParsedPaper& q = post.papers[1];
  CHECK(q.line == 19);
  CHECK(q.title == "rStar2-Agent: Agentic Reasoning Technical Report");
  CHECK(q.arxiv_id == "2508.20722");
  CHECK(Names(q) == std::vector<std::string>{"method"});
}

TEST_CASE("free-form single-paper review: one paper from the H1 and the paper link") {
  ParsedPost post = Parse(
      "---\n"                                                                       // 1
      "title: \"[Paper Review] DDIM\"\n"                                            // 2
      "date: 2024-02-01 12:40:11 +/-0000\n"                                         // 3
      "tags: [AI, generative, Diffusion]\n"                                         // 4
      "---\n"                                                                       // 5
      "\n"                                                                          // 6
      "# **Denoising Diffusion Implict Models(DDIM) 논문 리뷰**\n"                  // 7
      "\n"                                                                          // 8
      "논문 링크 [arxiv](https://arxiv.org/abs/2010.02502)\n"                       // 9
      "\n"                                                                          // 10
      "[DDPM](https://hahngyutak.github.io/posts/DDPM/)은 느리다.\n"                // 11
      "\n"                                                                          // 12
      "## Introduction\n"                                                           // 13
      "\n"                                                                          // 14
      "빠른 sampling.\n"                                                            // 15
      "\n"                                                                          // 16
      "### 1. Non-Markovian [Foward](https://example.com/f) process\n"              // 17
      "\n"                                                                          // 18
      "```python\nx = 1\n```\n"                                                     // 19-21
      "\n"                                                                          // 22
      "## Conclusion (정리)\n"                                                      // 23
      "\n"                                                                          // 24
      "끝.\n",                                                                      // 25
      "hahngt-history/2024-01-24-DDIM__715f80f2.md");
  CHECK(post.title == "[Paper Review] DDIM");
  CHECK(post.date == "2024-02-01");
  REQUIRE(post.papers.size() == 1);
  const ParsedPaper& p = post.papers[0];
  CHECK(p.position == 1);
  CHECK(p.line == 7);
  CHECK(p.heading == "Denoising Diffusion Implict Models(DDIM) 논문 리뷰");
  CHECK(p.title == "Denoising Diffusion Implict Models(DDIM)");
  CHECK(p.arxiv_id == "2010.02502");
  CHECK(Names(p) == std::vector<std::string>{"notes", "introduction", "conclusion"});
  CHECK(Named(p, "notes").line == 9);
  CHECK(Named(p, "introduction").blocks.size() == 2);  // the text and the ### heading
  REQUIRE(p.links.size() == 2);
  CHECK(p.links[0].url == "https://hahngyutak.github.io/posts/DDPM/");
  CHECK(p.links[0].line == 11);
}

TEST_CASE("free-form review: the title comes from a 제목 line, a titled link or the text before the link") {
  ParsedPost a = Parse(
      "---\ntitle: \"[Paper Review] PromptStyler\"\n---\n"
      "# **PromptStyler 논문 리뷰**\n\n"
      "> 제목 : **PromptStyler: Prompt-driven Style Generation**\n>\n"
      "> 링크 : [arXiv](https://arxiv.org/abs/2307.15199) [Project Page](https://promptstyler.github.io/)\n\n"
      "## Introduction\n\n텍스트.\n");
  REQUIRE(a.papers.size() == 1);
  CHECK(a.papers[0].title == "PromptStyler: Prompt-driven Style Generation");
  CHECK(a.papers[0].arxiv_id == "2307.15199");
  CHECK(a.papers[0].urls.size() == 1);

  ParsedPost b = Parse(
      "---\ntitle: \"[Paper Review] Score-based Generative model\"\n---\n"
      "# **Score-based model 논문 리뷰**\n\n"
      "[arxiv : Generative Modeling by Estimating Gradients](https://arxiv.org/abs/1907.05600)\n\n"
      "## Introduction\n\n텍스트.\n");
  REQUIRE(b.papers.size() == 1);
  CHECK(b.papers[0].title == "Generative Modeling by Estimating Gradients");

  ParsedPost c = Parse(
      "---\ntitle: \"[Paper Review] DreamBooth\"\n---\n"
      "# **DreamBooth 논문 리뷰**\n\n"
      "DreamBooth: Fine Tuning Text-to-Image Diffusion Models : [arxiv](https://arxiv.org/abs/2208.12242)\n\n"
      "## Introduction\n\n텍스트.\n");
  REQUIRE(c.papers.size() == 1);
  CHECK(c.papers[0].title == "DreamBooth: Fine Tuning Text-to-Image Diffusion Models");

  ParsedPost d = Parse(
      "---\ntitle: \"[Paper Review] DCGAN\"\n---\n"
      "# **Deep Convolution GAN(DCGAN) 논문 리뷰**\n\n"
      "논문 제목은 Unsupervised representation learning with **Deep Convolutional GANs**이다. "
      "([arxiv](https://arxiv.org/abs/1511.06434))\n");
  REQUIRE(d.papers.size() == 1);
  CHECK(d.papers[0].title == "Unsupervised representation learning with Deep Convolutional GANs");
  CHECK(d.papers[0].arxiv_id == "1511.06434");
}

TEST_CASE("free-form review without any link still yields its paper, by title") {
  ParsedPost post = Parse(
      "---\nlayout: distill\ntitle: \"[Paper Review] StarGAN\"\ndate: 2023-04-30 14:45:11 +/-0000\n---\n"
      "\n[About Code](https://github.com/x/StarGAN/Code.md)\n\n"
      "## Abstract\n\n* 요약.\n\n"
      "## Method\n\n### 1. Multi-Domain Image-to-Image Translation\n\n설명.\n");
  REQUIRE(post.papers.size() == 1);
  const ParsedPaper& p = post.papers[0];
  CHECK(p.title == "StarGAN");
  CHECK(p.arxiv_id.empty());
  CHECK(p.line == 3);  // the front matter title
  CHECK(Names(p) == std::vector<std::string>{"notes", "notes", "method"});
}

TEST_CASE("a concept note without a paper gives no papers") {
  ParsedPost post = Parse(
      "---\nlayout: distill\ntitle: \"[개념 정리] VAE\"\ndate: 2023-07-12 14:45:11 +/-0000\n---\n"
      "# VAE\n\n강의영상 : https://youtu.be/rNh2CrTFpm4\n\n* 매니폴드.\n");
  CHECK(post.papers.empty());
  CHECK(post.title == "[개념 정리] VAE");
}

TEST_CASE("another Jekyll blog's list of papers goes through the generic finder") {
  ParsedPost post = Parse(
      "---\nlayout: post\ntitle: Reading list\ndate: 2025-01-02\n---\n\n"
      "Papers I read this week.\n\n"
      "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
      "- [LoRA: Low-Rank Adaptation](https://arxiv.org/abs/2106.09685)\n");
  CHECK(post.format == "jekyll");
  CHECK(post.title == "Reading list");
  REQUIRE(post.papers.size() == 2);
  CHECK(post.papers[0].arxiv_id == "1706.03762");
  CHECK(post.papers[0].line == 9);
  CHECK(post.papers[1].title == "LoRA: Low-Rank Adaptation");
}

TEST_CASE("unterminated front matter is an error") {
  Result<ParsedPost> r = ParseJekyll("---\nlayout: post\ntitle: x\n\n# 1. [T](https://arxiv.org/abs/2501.00001)\n", "a.md");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "a.md:1: front matter opened here is never closed (no '---' line ends it)");
}

}  // namespace
}  // namespace pg
