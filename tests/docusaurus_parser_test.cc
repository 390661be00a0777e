#include "importers/docusaurus_parser.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "tests/test_util.h"

namespace pg {
namespace {

constexpr const char* kDaily = "docs/papers/y2025/oct/20251027.md";

ParsedPost Parse(const std::string& text, const std::string& file = kDaily) {
  Result<ParsedPost> r = ParseDocusaurus(text, file);
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::vector<std::string> Tags(const ParsedPaper& p) {
  std::vector<std::string> out;
  for (const LocatedText& t : p.org_tags) out.push_back(t.value);
  return out;
}

const Section& Notes(const ParsedPaper& p) {
  REQUIRE(p.sections.size() == 1);
  REQUIRE(p.sections[0].name == "notes");
  return p.sections[0];
}

// ---------------------------------------------------------------------------
// Entry headings.

TEST_CASE("the common form: numbered link, tag, ### subtitle") {
  ParsedPost post = Parse(
      "import blog_20251030_img0 from './asset/blog_20251030_img0.png';\n"
      "\n"
      "# 2025-10-30 papers review\n"
      "\n"
      "## 1. [GraphNet](https://huggingface.co/papers/2510.24035) `paddle paddle` \n"
      "### A Large-Scale Computational Graph Dataset for Tensor Compiler Research\n"
      "\n"
      "Review text.\n",
      "docs/papers/y2025/oct/20251030.md");
  CHECK(post.format == "docusaurus");
  CHECK(post.title == "2025-10-30 papers review");
  CHECK(post.title_line == 3);
  CHECK(post.date == "2025-10-30");
  REQUIRE(post.papers.size() == 1);
  const ParsedPaper& p = post.papers[0];
  CHECK(p.position == 1);
  CHECK(p.line == 5);
  CHECK(p.heading == "1. GraphNet paddle paddle");
  CHECK(p.anchor == "1-graphnet-paddle-paddle");
  CHECK(p.title == "GraphNet");
  CHECK(p.subtitle == "A Large-Scale Computational Graph Dataset for Tensor Compiler Research");
  CHECK(p.subtitle_line == 6);  // the ### line, not the ## line
  CHECK(p.arxiv_id == "2510.24035");
  REQUIRE(p.urls.size() == 1);
  CHECK(p.urls[0].url == "https://huggingface.co/papers/2510.24035");
  CHECK(p.urls[0].text == "GraphNet");
  CHECK(p.urls[0].line == 5);
  REQUIRE(p.org_tags.size() == 1);
  CHECK(p.org_tags[0].value == "paddle paddle");
  CHECK(p.org_tags[0].line == 5);
  REQUIRE(Notes(p).blocks.size() == 1);
  CHECK(Notes(p).blocks[0].text == "Review text.");
  CHECK(Notes(p).blocks[0].line == 8);
  CHECK(Notes(p).line == 8);
}

TEST_CASE("arXiv pdf and abs links give the canonical id") {
  ParsedPost post = Parse(
      "# 10-21 papers summary\n"
      "## 1. [DISTRACTOR INJECTION ATTACKS ON LARGE REASONING MODELS](https://arxiv.org/pdf/2510.16259) "
      "`amazon`\n"
      "### CHARACTERIZATION AND DEFENSE\n"
      "## 2. [Black-Box On-Policy Distillation](https://arxiv.org/abs/2511.10643v2) `microsoft`\n",
      "docs/papers/y2025/oct/20251021.md");
  REQUIRE(post.papers.size() == 2);
  CHECK(post.papers[0].arxiv_id == "2510.16259");
  CHECK(post.papers[0].anchor == "1-distractor-injection-attacks-on-large-reasoning-models-amazon");
  CHECK(post.papers[0].subtitle == "CHARACTERIZATION AND DEFENSE");
  CHECK(post.papers[1].arxiv_id == "2511.10643");
  CHECK(post.date == "2025-10-21");
}

TEST_CASE("headings without a number, without a link, or both") {
  ParsedPost post = Parse(
      "# 10-07 papers summary\n"
      "\n"
      "## [Stabilizing MoE RL](https://huggingface.co/papers/2510.11370) `shaomi`\n"
      "## Judging with Confidence `google`\n"
      "### Calibrating Autoraters to Preference Distributions\n"
      "## 1. Measuring Epistemic Humility in Multimodal Large Language Models\n"
      "## THE DRAGON HATCHLING\n",
      "docs/papers/y2025/oct/20251007.md");
  REQUIRE(post.papers.size() == 4);
  CHECK(post.papers[0].title == "Stabilizing MoE RL");
  CHECK(post.papers[0].anchor == "stabilizing-moe-rl-shaomi");
  CHECK(Tags(post.papers[0]) == std::vector<std::string>{"shaomi"});

  CHECK(post.papers[1].title == "Judging with Confidence");
  CHECK(post.papers[1].subtitle == "Calibrating Autoraters to Preference Distributions");
  CHECK(post.papers[1].anchor == "judging-with-confidence-google");
  CHECK(post.papers[1].arxiv_id.empty());
  CHECK(post.papers[1].urls.empty());
  CHECK(Tags(post.papers[1]) == std::vector<std::string>{"google"});

  CHECK(post.papers[2].title == "Measuring Epistemic Humility in Multimodal Large Language Models");
  CHECK(post.papers[2].anchor == "1-measuring-epistemic-humility-in-multimodal-large-language-models");
  CHECK(post.papers[2].org_tags.empty());

  CHECK(post.papers[3].title == "THE DRAGON HATCHLING");
  CHECK(post.papers[3].anchor == "the-dragon-hatchling");
}

TEST_CASE("odd numbering: double space, no space, extra spaces, decimals in titles") {
  ParsedPost post = Parse(
      "# 2025-10-27 papers review\n"
      "##  1. [Video-As-Prompt](https://huggingface.co/papers/2510.20888) `bytedance`  \n"
      "## 2.Lost in Embeddings: Information Loss in Vision\u2013Language Models\n"
      "## 3.   What Does It Take to Be a Good AI Research Agent? `meta`\n"
      "## 1.58-bit Models Explained\n"
      "## 10. [Robot Learning](https://huggingface.co/papers/2511.07416) `deepmind`\n");
  REQUIRE(post.papers.size() == 5);
  CHECK(post.papers[0].title == "Video-As-Prompt");
  CHECK(post.papers[0].heading == "1. Video-As-Prompt bytedance");
  CHECK(post.papers[0].anchor == "1-video-as-prompt-bytedance");
  CHECK(post.papers[1].title == "Lost in Embeddings: Information Loss in Vision\u2013Language Models");
  CHECK(post.papers[1].anchor == "2lost-in-embeddings-information-loss-in-visionlanguage-models");
  CHECK(post.papers[2].title == "What Does It Take to Be a Good AI Research Agent?");
  CHECK(post.papers[2].heading == "3.   What Does It Take to Be a Good AI Research Agent? meta");
  CHECK(post.papers[2].anchor == "3---what-does-it-take-to-be-a-good-ai-research-agent-meta");
  CHECK(post.papers[3].title == "1.58-bit Models Explained");  // a decimal is not a number prefix
  CHECK(post.papers[4].anchor == "10-robot-learning-deepmind");
}

TEST_CASE("positions follow the order in the post, not the written numbers") {
  ParsedPost post = Parse(
      "# 2025-10-27 papers review\n"
      "## 1. [A](https://huggingface.co/papers/2510.18212)\n"
      "## 1. [B](https://huggingface.co/papers/2510.14901) `harvard`\n"
      "## 3. [C](https://huggingface.co/papers/2510.18245)\n"
      "## 2. [D](https://arxiv.org/pdf/2510.21553)\n"
      "## [E](https://huggingface.co/papers/2510.11370)\n"
      "## 1. [F](https://huggingface.co/papers/2510.20888)\n");
  REQUIRE(post.papers.size() == 6);
  for (int i = 0; i < 6; ++i) {
    CHECK(post.papers[static_cast<size_t>(i)].position == i + 1);
    CHECK(post.papers[static_cast<size_t>(i)].line == i + 2);
  }
  CHECK(post.papers[5].title == "F");
}

// ---------------------------------------------------------------------------
// Subtitles and section headings.

TEST_CASE("a ### right under the H2 is a subtitle; section headings are not") {
  ParsedPost post = Parse(
      "# 2026-03-11 papers review\n"
      "## 1. First Paper Title\n"
      "### 왜 봐야 하는가\n"
      "본문.\n"
      "## 2. [Second](https://huggingface.co/papers/2511.00001)\n"
      "\n"
      "Body first.\n"
      "\n"
      "### Not A Subtitle Because Text Came First\n"
      "## 3. [Third](https://huggingface.co/papers/2511.00002)\n"
      "### Method\n"
      "## 4. [MiMo-Embodied] `xiaomi`\n"
      "### : X-Embodied Foundation Model Technical Report\n",
      "docs/papers/y2026/mar/20260311.md");
  REQUIRE(post.papers.size() == 4);
  CHECK(post.papers[0].subtitle.empty());
  REQUIRE(Notes(post.papers[0]).blocks.size() == 2);
  CHECK(Notes(post.papers[0]).blocks[0].text == "왜 봐야 하는가");  // section heading kept as text
  CHECK(Notes(post.papers[0]).blocks[0].line == 3);
  CHECK(post.papers[1].subtitle.empty());
  CHECK(Notes(post.papers[1]).blocks.size() == 2);
  CHECK(post.papers[2].subtitle.empty());
  // "[MiMo-Embodied]" is a link whose URL was never written: plain text.
  CHECK(post.papers[3].title == "MiMo-Embodied");
  CHECK(post.papers[3].subtitle == "X-Embodied Foundation Model Technical Report");
  CHECK(post.papers[3].anchor == "4-mimo-embodied-xiaomi");
}

TEST_CASE("the title keeps its colon form when a subtitle line follows") {
  ParsedPost post = Parse(
      "# 2025-11-07 papers review\n"
      "## 1. [V-Thinker: Interactive Thinking with Images](https://huggingface.co/papers/2511.04460)\n"
      "### Extra Line\n");
  REQUIRE(post.papers.size() == 1);
  CHECK(post.papers[0].title == "V-Thinker: Interactive Thinking with Images");
  CHECK(post.papers[0].subtitle == "Extra Line");
  CHECK(post.papers[0].subtitle_line == 3);
}

// ---------------------------------------------------------------------------
// Org tags.

TEST_CASE("org tags on the ### line, on both lines, several, empty") {
  ParsedPost post = Parse(
      "# 10-05 papers summary\n"
      "\n"
      "## Winning the Pruning Gamble\n"
      "### A Unified Approach to Joint Sample and Token Pruning  `alibaba`\n"
      "## 1. [X](https://huggingface.co/papers/2510.00001) `google` `deepmind`   \n"
      "### Sub `tsinghua`\n"
      "## 2. [Y](https://huggingface.co/papers/2510.00002) ``\n"
      "## 3. [Z](https://huggingface.co/papers/2510.00003) ` ` `meta`\n"
      "## 4. Serving with `vllm` at scale\n"
      "## 5. Title `stability ai` ##\n",
      "docs/papers/y2025/oct/20251005.md");
  REQUIRE(post.papers.size() == 6);
  const ParsedPaper& a = post.papers[0];
  CHECK(a.title == "Winning the Pruning Gamble");
  CHECK(a.subtitle == "A Unified Approach to Joint Sample and Token Pruning");
  REQUIRE(a.org_tags.size() == 1);
  CHECK(a.org_tags[0].value == "alibaba");
  CHECK(a.org_tags[0].line == 4);  // where it was written
  CHECK(a.anchor == "winning-the-pruning-gamble");

  const ParsedPaper& b = post.papers[1];
  CHECK(Tags(b) == std::vector<std::string>{"google", "deepmind", "tsinghua"});
  CHECK(b.org_tags[0].line == 5);
  CHECK(b.org_tags[2].line == 6);
  CHECK(b.subtitle == "Sub");
  CHECK(b.anchor == "1-x-google-deepmind");

  const ParsedPaper& c = post.papers[2];
  CHECK(c.org_tags.empty());
  CHECK(c.title == "Y");
  CHECK(c.heading == "2. Y ``");

  CHECK(Tags(post.papers[3]) == std::vector<std::string>{"meta"});
  CHECK(post.papers[3].title == "Z");

  // A code span inside the title is not a tag.
  CHECK(post.papers[4].org_tags.empty());
  CHECK(post.papers[4].title == "Serving with vllm at scale");

  // An ATX closing sequence does not hide the tag.
  CHECK(Tags(post.papers[5]) == std::vector<std::string>{"stability ai"});
  CHECK(post.papers[5].title == "Title");
}

TEST_CASE("기관 lines of the 2026 posts: lab, paper link, 미확인") {
  ParsedPost post = Parse(
      "# 2026-03-09 papers review\n"
      "\n"
      "## 1. Penguin-VL: Exploring the Efficiency Limits of VLM\n"
      "\n"
      "**기관:** Tencent | [논문 링크](https://huggingface.co/papers/2603.06569)\n"
      "\n"
      "본문 첫 문단.\n"
      "\n"
      "---\n"
      "\n"
      "## 2. Planning in 8 Tokens\n"
      "\n"
      "**기관:** 미확인 | [논문 링크](https://huggingface.co/papers/2603.05438)\n"
      "\n"
      "## 3. Geometry-Guided RL\n"
      "\n"
      "**기관:** Google, NVIDIA | **추천수:** 34 | **논문:** "
      "[HuggingFace](https://huggingface.co/papers/2603.09906)\n",
      "docs/papers/y2026/mar/20260309.md");
  REQUIRE(post.papers.size() == 3);
  const ParsedPaper& a = post.papers[0];
  CHECK(a.title == "Penguin-VL: Exploring the Efficiency Limits of VLM");
  CHECK(a.arxiv_id == "2603.06569");
  REQUIRE(a.org_tags.size() == 1);
  CHECK(a.org_tags[0].value == "Tencent");
  CHECK(a.org_tags[0].line == 5);
  REQUIRE(a.urls.size() == 1);
  CHECK(a.urls[0].text == "논문 링크");
  CHECK(a.urls[0].line == 5);
  REQUIRE(Notes(a).blocks.size() == 1);  // the 기관 line is metadata, the rule is layout
  CHECK(Notes(a).blocks[0].text == "본문 첫 문단.");
  CHECK(a.links.empty());

  CHECK(post.papers[1].org_tags.empty());
  CHECK(post.papers[1].arxiv_id == "2603.05438");

  CHECK(Tags(post.papers[2]) == std::vector<std::string>{"Google", "NVIDIA"});
  CHECK(post.papers[2].arxiv_id == "2603.09906");
}

// ---------------------------------------------------------------------------
// Paper URLs.

TEST_CASE("a bare URL under a linkless heading is the paper's; a model page is not a paper") {
  ParsedPost post = Parse(
      "# 09-18 Papers Summary\n"
      "## 1. Measuring Epistemic Humility\n"
      "\n"
      "https://arxiv.org/abs/2509.09658\n"
      "\n"
      "See also [Prior Work](https://arxiv.org/abs/2401.00001).\n"
      "## 2. [PaddleOCR-VL](https://huggingface.co/PaddlePaddle/PaddleOCR-VL)\n"
      "### Boosting Multilingual Document Parsing\n"
      "## 3. Another Linkless Entry\n"
      "\n"
      "Compare [Some Other Paper](https://arxiv.org/abs/2401.00002).\n",
      "docs/papers/y2025/oct/20250918.md");
  REQUIRE(post.papers.size() == 3);
  const ParsedPaper& a = post.papers[0];
  CHECK(a.arxiv_id == "2509.09658");
  REQUIRE(a.urls.size() == 1);
  CHECK(a.urls[0].line == 4);
  REQUIRE(Notes(a).blocks.size() == 1);  // the URL paragraph is not review text
  REQUIRE(a.links.size() == 1);
  CHECK(a.links[0].url == "https://arxiv.org/abs/2401.00001");

  const ParsedPaper& b = post.papers[1];
  CHECK(b.arxiv_id.empty());
  REQUIRE(b.urls.size() == 1);
  CHECK(b.urls[0].url == "https://huggingface.co/PaddlePaddle/PaddleOCR-VL");

  // A titled link to another paper is a citation, not the entry's own URL.
  CHECK(post.papers[2].arxiv_id.empty());
  CHECK(post.papers[2].links.size() == 1);
}

// ---------------------------------------------------------------------------
// Body text.

TEST_CASE("notes: admonitions kept, JSX images dropped, tables, LaTeX, code, backslashes, placeholders") {
  ParsedPost post = Parse(
      "import blog_x_img0 from './asset/x.png';\n"
      "\n"
      "# 2025-10-27 papers review\n"
      "\n"
      "## 1. [A](https://huggingface.co/papers/2510.00001)\n"
      "\n"
      ":::note\n"
      "**Process Reward Model**\n"
      "\n"
      "PRM scores each step.\n"
      ":::\n"
      "\n"
      "<div style={{textAlign: 'center'}}>\n"
      " <img src={blog_x_img0} style={{width: 500}} />\n"
      "</div>\n"
      "\n"
      "| a | b |\n"
      "|---|---|\n"
      "| $d_{model}$ | 18~51% |\n"
      "\n"
      "- straggler request: 처치량이 감소.\\\n"
      "\n"
      "```\n"
      "We define pretraining as ...\n"
      "```\n"
      "\n"
      "See [beyond log likelihood](/docs/papers/y2025/oct/20251003.md#beyond-log-likelihood) and\n"
      "[논문](/docs/papers/y2025/oct/"
      "20251021#1-distractor-injection-attacks-on-large-reasoning-models-amazon).\n"
      "## 2. [B](https://arxiv.org/pdf/2510.21553)\n"
      "\n"
      "링크\n");
  REQUIRE(post.papers.size() == 2);
  const Section& notes = Notes(post.papers[0]);
  REQUIRE(notes.blocks.size() == 6);
  CHECK(notes.blocks[0].text == "Process Reward Model");
  CHECK(notes.blocks[0].line == 8);
  CHECK(notes.blocks[1].text == "PRM scores each step.");
  CHECK(notes.blocks[1].line == 10);
  CHECK(notes.blocks[2].text == "a | b\nd_{model} | 18~51%");
  CHECK(notes.blocks[2].line == 17);
  CHECK(notes.blocks[3].text == "straggler request: 처치량이 감소.");
  CHECK(notes.blocks[4].text == "We define pretraining as ...");
  CHECK(notes.blocks[5].line == 27);
  const auto& links = post.papers[0].links;
  REQUIRE(links.size() == 2);
  CHECK(links[0].url == "/docs/papers/y2025/oct/20251003.md#beyond-log-likelihood");
  CHECK(links[0].text == "beyond log likelihood");
  CHECK(links[0].line == 27);
  CHECK(links[1].text == "논문");
  CHECK(links[1].line == 28);
  // The draft's "링크" placeholder is no review.
  CHECK(Notes(post.papers[1]).blocks.empty());
  CHECK(Notes(post.papers[1]).line == post.papers[1].line);
}

// ---------------------------------------------------------------------------
// Anchors.

TEST_CASE("duplicate headings get -1, -2 like github-slugger") {
  ParsedPost post = Parse(
      "# 2026-03-11 papers review\n"
      "## 1. Foo\n"
      "### 왜 봐야 하는가\n"
      "text\n"
      "## 1. Foo\n"
      "### 왜 봐야 하는가\n"
      "text\n"
      "## 1-foo-1\n"
      "## 1. Foo\n");
  REQUIRE(post.papers.size() == 4);
  CHECK(post.papers[0].anchor == "1-foo");
  CHECK(post.papers[1].anchor == "1-foo-1");
  CHECK(post.papers[2].anchor == "1-foo-1-1");  // its own slug was taken by a generated one
  CHECK(post.papers[3].anchor == "1-foo-2");
  CHECK(post.heading_anchors == std::vector<std::string>{"2026-03-11-papers-review", "1-foo",
                                                         "왜-봐야-하는가", "1-foo-1", "왜-봐야-하는가-1",
                                                         "1-foo-1-1", "1-foo-2"});
}

TEST_CASE("explicit heading ids {#id} are used as they are") {
  ParsedPost post = Parse(
      "# Hello\n"
      "## Active Team {#active-team}\n"
      "## Active Team\n",
      "docs/community/hello.mdx");
  CHECK(post.papers.empty());
  CHECK(post.heading_anchors == std::vector<std::string>{"hello", "active-team", "active-team"});
}

// ---------------------------------------------------------------------------
// Titles and dates.

TEST_CASE("H1 variants give the title and the date") {
  CHECK(Parse("# 09-18 Papers Summary\n", "docs/papers/y2025/oct/20250918.md").date == "2025-09-18");
  CHECK(Parse("# 10-07 papers summary\n", "blog/2025-10-07.md").date == "2025-10-07");
  CHECK(Parse("# 10-03 논문\n", "tomatosaurus-history/blog-2025-10-03__48b55176.mdx").date == "2025-10-03");
  CHECK(Parse("# 10-18 papers summary - big tech\n", "docs/papers/y2025/oct/20251018_bigtech.md").date ==
        "2025-10-18");
  CHECK(Parse("# 2025-10-26 papers review\n", "tomatosaurus-history/docs-papers-y2025-20251026__6f87a67d.md")
            .date == "2025-10-26");
  CHECK(Parse("# 2025-10-30 papers review\n", "seeds/000_e4b73c0768bb6ad1.txt").date == "2025-10-30");
  // MM-DD with the year from a folder name only.
  CHECK(Parse("# 10-04 papers summary\n", "docs/papers/y2025/notes.md").date == "2025-10-04");
  // No date in the title: the file name's.
  CHECK(Parse("# Some Title\n", "blog/2023-11-09.md").date == "2023-11-09");
  ParsedPost month = Parse("# oct.2025\n", "docs/papers/bigtech/2025-10.md");
  CHECK(month.title == "oct.2025");
  CHECK(month.date.empty());  // a month is not a day
}

TEST_CASE("a file name date wins over a title date that disagrees, with a warning") {
  ParsedPost post = Parse("\n\n\n# 10-23 Papers Summary\n", "docs/papers/y2025/oct/20251003.md");
  CHECK(post.title == "10-23 Papers Summary");
  CHECK(post.title_line == 4);
  CHECK(post.date == "2025-10-03");
  REQUIRE(post.warnings.size() == 1);
  CHECK(post.warnings[0] ==
        "docs/papers/y2025/oct/20251003.md:4: title date 2025-10-23 differs from file name date 2025-10-03; "
        "using the file name's");
}

// ---------------------------------------------------------------------------
// The monthly big-tech list.

TEST_CASE("big-tech list: each bullet is an entry, the H2 its lab") {
  ParsedPost post = Parse(
      "# oct.2025\n"
      "\n"
      "25년 10월달 관심 가는 회사들에서 낸 논문.\n"
      "\n"
      "## Microsoft\n"
      "\n"
      "마이크로소프트 논문은 주제가 다양한 편.\n"
      "\n"
      "- [BitNet Distillation](https://huggingface.co/papers/2510.13998) (10-18)\n"
      "- [LOONGRL: REINFORCEMENT LEARNING](https://huggingface.co/papers/2510.19363) (10-23)\n"
      "\n"
      "## Adobe\n"
      "\n"
      "- [UniFusion](https://huggingface.co/papers/2510.17790) (10-17)\n"
      "\n"
      "- [PI-FLOW](https://huggingface.co/papers/2510.14974) (10-18)\n"
      "## Tencent\n"
      "- [LaSeR](https://huggingface.co/papers/2510.14943) (10-18)\n",
      "docs/papers/bigtech/2025-10.md");
  REQUIRE(post.papers.size() == 5);
  const ParsedPaper& a = post.papers[0];
  CHECK(a.position == 1);
  CHECK(a.line == 9);
  CHECK(a.title == "BitNet Distillation");
  CHECK(a.arxiv_id == "2510.13998");
  CHECK(a.anchor.empty());
  REQUIRE(a.org_tags.size() == 1);
  CHECK(a.org_tags[0].value == "Microsoft");
  CHECK(a.org_tags[0].line == 5);
  CHECK(post.papers[1].title == "LOONGRL: REINFORCEMENT LEARNING");
  CHECK(post.papers[3].title == "PI-FLOW");
  CHECK(post.papers[3].line == 16);
  CHECK(Tags(post.papers[3]) == std::vector<std::string>{"Adobe"});
  CHECK(post.papers[4].position == 5);
  CHECK(Tags(post.papers[4]) == std::vector<std::string>{"Tencent"});
  CHECK(post.heading_anchors == std::vector<std::string>{"oct2025", "microsoft", "adobe", "tencent"});
}

TEST_CASE("one company-like section does not make a daily post a list") {
  ParsedPost post = Parse(
      "# 2025-11-25 papers review\n"
      "## General Agentic Memory Via Deep Research\n"
      "- [the paper](https://huggingface.co/papers/2511.18423)\n"
      "## [Budget-Aware Tool-Use](https://huggingface.co/papers/2511.17006) `google`\n");
  REQUIRE(post.papers.size() == 2);
  CHECK(post.papers[0].title == "General Agentic Memory Via Deep Research");
  CHECK(post.papers[0].arxiv_id.empty());  // "the paper" is not a label we trust
}

// ---------------------------------------------------------------------------
// Pages that are not reviews.

TEST_CASE("non-review pages yield no papers and no error") {
  ParsedPost tmux = Parse(
      "# tmux 수동 설치\n"
      "\n"
      "## Libevent 빌드\n"
      "\n"
      "```bash\n"
      "# not a heading\n"
      "```\n"
      "## ncurses 빌드\n",
      "blog/2023-11-09.md");
  CHECK(tmux.papers.empty());
  CHECK(tmux.warnings.empty());
  CHECK(tmux.heading_anchors == std::vector<std::string>{"tmux-수동-설치", "libevent-빌드", "ncurses-빌드"});

  ParsedPost page = Parse(
      "---\n"
      "title: GShard\n"
      "sidebar_position: 2\n"
      "tags: [MOE, Transformer]\n"
      "---\n"
      "\n"
      "# GShard\n"
      "\n"
      "## Motivation\n"
      "\n"
      "[paper](https://arxiv.org/abs/2006.16668)\n"
      "## [torchserve](https://pytorch.org/serve/server.html) and configuration.\n",
      "docs/tasks/efficienttrain/MOE/gshard.md");
  CHECK(page.papers.empty());
  CHECK(page.title == "GShard");
  CHECK(page.title_line == 7);
  CHECK(page.tags == std::vector<std::string>{"MOE", "Transformer"});
  CHECK(page.heading_anchors.size() == 3);
}

TEST_CASE("on a non-review page an H2 holding a paper link is an entry") {
  ParsedPost post = Parse(
      "# Reading list\n"
      "## Setup\n"
      "## [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
      "Notes.\n",
      "blog/2024-01-01.md");
  REQUIRE(post.papers.size() == 1);
  CHECK(post.papers[0].position == 1);
  CHECK(post.papers[0].arxiv_id == "1706.03762");
  CHECK(post.papers[0].line == 3);
}

TEST_CASE("front matter: lines stay right, title and date fall back to it") {
  ParsedPost post = Parse(
      "---\n"
      "title: Efficient Train\n"
      "date: 2024-05-06\n"
      "---\n"
      "## Efficient Training\n",
      "docs/tasks/efficienttrain/introduction.md");
  CHECK(post.title == "Efficient Train");
  CHECK(post.title_line == 2);
  CHECK(post.date == "2024-05-06");
  CHECK(post.heading_anchors == std::vector<std::string>{"efficient-training"});

  ParsedPost broken = Parse("---\ntitle: [unclosed\n---\n# T\n", "docs/x.md");
  CHECK(broken.title == "T");
  CHECK(broken.title_line == 4);
  REQUIRE(broken.warnings.size() == 1);
  CHECK(broken.warnings[0].rfind("docs/x.md:", 0) == 0);
}

TEST_CASE("an entry heading with no title is skipped with a warning") {
  ParsedPost post = Parse("# 2025-10-27 papers review\n## 1.\n## 2. Real\n");
  REQUIRE(post.papers.size() == 1);
  CHECK(post.papers[0].title == "Real");
  CHECK(post.papers[0].position == 1);
  REQUIRE(post.warnings.size() == 1);
  CHECK(post.warnings[0] == "docs/papers/y2025/oct/20251027.md:2: entry heading has no title; skipped");
}

TEST_CASE("empty and heading-less input parse to an empty post") {
  ParsedPost empty = Parse("", "blog/x.md");
  CHECK(empty.papers.empty());
  CHECK(empty.title.empty());
  ParsedPost plain = Parse("just text\n", "blog/x.md");
  CHECK(plain.papers.empty());
}

// ---------------------------------------------------------------------------
// The real posts (skipped when ../shared is absent).

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("corpus: every review entry in tomatosaurus/docs/papers, and every cross-link anchor") {
  std::string shared = testing::SharedDir();
  if (shared.empty()) return;
  std::filesystem::path root = std::filesystem::path(shared) / "corpus" / "tomatosaurus";
  std::map<std::string, ParsedPost> posts;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string rel = std::filesystem::relative(e.path(), root).generic_string();
    Result<ParsedPost> r = ParseDocusaurus(ReadAll(e.path()), rel);
    REQUIRE_MESSAGE(r.ok(), rel);
    posts.emplace(rel, std::move(r).value());
  }
  size_t in_papers = 0, elsewhere = 0;
  for (const auto& [rel, post] : posts)
    (rel.rfind("docs/papers/", 0) == 0 ? in_papers : elsewhere) += post.papers.size();
  // 216 H2 entries in the daily posts + 53 bullets of the big-tech list.
  CHECK(in_papers == 269);
  CHECK(elsewhere == 0);  // concept pages and blog posts review no papers
  CHECK(posts.at("docs/papers/bigtech/2025-10.md").papers.size() == 53);

  // Every "/docs/papers/...#anchor" in a review names a heading of its target.
  int checked = 0;
  for (const auto& [rel, post] : posts) {
    for (const ParsedPaper& p : post.papers) {
      for (const LinkRef& l : p.links) {
        size_t hash = l.url.find('#');
        if (l.url.rfind("/docs/papers/", 0) != 0 || hash == std::string::npos) continue;
        std::string target = l.url.substr(1, hash - 1);
        if (target.size() < 3 || target.compare(target.size() - 3, 3, ".md") != 0) target += ".md";
        auto it = posts.find(target);
        REQUIRE_MESSAGE(it != posts.end(), target);
        std::string anchor = l.url.substr(hash + 1);
        bool names_paper = false;
        for (const ParsedPaper& q : it->second.papers) names_paper |= q.anchor == anchor;
        CHECK_MESSAGE(names_paper, rel << ":" << l.line << " " << l.url);
        ++checked;
      }
    }
  }
  CHECK(checked == 9);
}

}  // namespace
}  // namespace pg
