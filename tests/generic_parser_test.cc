#include "importers/generic_parser.h"

#include <doctest/doctest.h>

#include <string>

// The blogs below are invented; each shows one way other people list papers.

namespace pg {
namespace {

ParsedPost Parse(const std::string& text, const std::string& file = "blog/post.md") {
  Result<ParsedPost> r = ParseGeneric(text, file);
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::vector<std::string> Orgs(const ParsedPaper& p) {
  std::vector<std::string> out;
  for (const LocatedText& t : p.org_tags) out.push_back(t.value);
  return out;
}

TEST_CASE("headings that hold a paper link, or are followed by one; lab fields; notes") {
  ParsedPost post = Parse(
      "# Weekly ML Notes — 2025-03-10\n"                                             // 1
      "\n"                                                                           // 2
      "Some intro text with [a link](https://example.com).\n"                        // 3
      "\n"                                                                           // 4
      "## 1. [Scaling Laws for Loop Transformers](https://arxiv.org/abs/2503.01234v2) `google`\n"  // 5
      "\n"                                                                           // 6
      "Lab: Google DeepMind\n"                                                       // 7
      "\n"                                                                           // 8
      "They loop the same block. See [our earlier note](/posts/loops.md).\n"         // 9
      "\n"                                                                           // 10
      "### Why it matters\n"                                                         // 11
      "\n"                                                                           // 12
      "- cheaper inference\n"                                                        // 13
      "\n"                                                                           // 14
      "## 2. Sparse Mixture of Depths\n"                                             // 15
      "\n"                                                                           // 16
      "[arXiv](https://arxiv.org/pdf/2503.04321.pdf) · Affiliation: MIT, Stanford\n"  // 17
      "\n"                                                                           // 18
      "Short note.\n"                                                                // 19
      "\n"                                                                           // 20
      "## Closing thoughts\n"                                                        // 21
      "\n"                                                                           // 22
      "- [A related blog post](https://example.com/blog)\n");                        // 23
  CHECK(post.format == "generic");
  CHECK(post.title == "Weekly ML Notes — 2025-03-10");
  CHECK(post.title_line == 1);
  REQUIRE(post.papers.size() == 2);

  const ParsedPaper& a = post.papers[0];
  CHECK(a.position == 1);
  CHECK(a.line == 5);
  CHECK(a.title == "Scaling Laws for Loop Transformers");
  CHECK(a.arxiv_id == "2503.01234");
  CHECK(Orgs(a) == std::vector<std::string>{"google", "Google DeepMind"});
  CHECK(a.org_tags[1].line == 7);
  REQUIRE(a.sections.size() == 1);
  CHECK(a.sections[0].name == "notes");
  CHECK(a.sections[0].line == 7);
  CHECK(a.sections[0].blocks.size() == 4);  // lab line, text, ### heading, bullet
  REQUIRE(a.links.size() == 1);
  CHECK(a.links[0].url == "/posts/loops.md");
  CHECK(a.links[0].line == 9);

  const ParsedPaper& b = post.papers[1];
  CHECK(b.line == 15);
  CHECK(b.title == "Sparse Mixture of Depths");
  CHECK(b.arxiv_id == "2503.04321");
  CHECK(Orgs(b) == std::vector<std::string>{"MIT", "Stanford"});
  REQUIRE(b.sections.size() == 1);
  CHECK(b.sections[0].blocks.size() == 1);  // the link line is not a note
  CHECK(b.sections[0].blocks[0].line == 19);
}

TEST_CASE("list items: titled links, 'arXiv' links after a title, venue links, nested notes") {
  ParsedPost post = Parse(
      "---\n"                                                                         // 1
      "title: Papers I liked in March\n"                                              // 2
      "date: 2025-03-31\n"                                                            // 3
      "---\n"                                                                         // 4
      "\n"                                                                            // 5
      "- [Mixture of Experts Made Easy](https://huggingface.co/papers/2503.11111) (Org: Meta)\n"  // 6
      "  - routes tokens by [this trick](https://example.com/trick)\n"               // 7
      "- Retrieval Heads Revisited — [PDF](https://openreview.net/forum?id=AbC123)\n"  // 8
      "- A tool I use: [lazygit](https://github.com/jesseduffield/lazygit)\n"         // 9
      "- **Speculative Decoding at Scale** ([arXiv](https://arxiv.org/abs/2503.22222))\n");  // 10
  CHECK(post.title == "Papers I liked in March");
  CHECK(post.date == "2025-03-31");
  REQUIRE(post.papers.size() == 3);
  CHECK(post.papers[0].title == "Mixture of Experts Made Easy");
  CHECK(post.papers[0].line == 6);
  CHECK(post.papers[0].arxiv_id == "2503.11111");
  CHECK(Orgs(post.papers[0]) == std::vector<std::string>{"Meta"});
  REQUIRE(post.papers[0].sections.size() == 1);
  CHECK(post.papers[0].sections[0].blocks[0].line == 7);
  REQUIRE(post.papers[0].links.size() == 1);
  CHECK(post.papers[0].links[0].line == 7);
  CHECK(post.papers[1].title == "Retrieval Heads Revisited");
  CHECK(post.papers[1].arxiv_id.empty());
  REQUIRE(post.papers[1].urls.size() == 1);
  CHECK(post.papers[1].urls[0].url == "https://openreview.net/forum?id=AbC123");
  CHECK(post.papers[2].title == "Speculative Decoding at Scale");
  CHECK(post.papers[2].line == 10);
  CHECK(post.papers[2].arxiv_id == "2503.22222");
}

TEST_CASE("bold titles followed by a link line (a Korean blog)") {
  ParsedPost post = Parse(
      "# 이번 주 논문\n"                                                              // 1
      "\n"                                                                            // 2
      "**Looped Transformers Are Better at Reasoning**\n"                            // 3
      "[논문](https://arxiv.org/abs/2502.17416)\n"                                    // 4
      "\n"                                                                            // 5
      "기관: 네이버 / KAIST\n"                                                        // 6
      "\n"                                                                            // 7
      "루프 구조가 추론에 유리하다는 주장입니다.\n"                                   // 8
      "\n"                                                                            // 9
      "**Diffusion Forcing** — [arXiv](https://arxiv.org/abs/2407.01392)\n"          // 10
      "\n"                                                                            // 11
      "짧은 메모.\n");                                                                // 12
  REQUIRE(post.papers.size() == 2);
  const ParsedPaper& a = post.papers[0];
  CHECK(a.title == "Looped Transformers Are Better at Reasoning");
  CHECK(a.line == 3);
  CHECK(a.arxiv_id == "2502.17416");
  CHECK(Orgs(a) == std::vector<std::string>{"네이버", "KAIST"});
  CHECK(a.org_tags[0].line == 6);
  REQUIRE(a.sections.size() == 1);
  CHECK(a.sections[0].blocks.size() == 2);
  const ParsedPaper& b = post.papers[1];
  CHECK(b.title == "Diffusion Forcing");
  CHECK(b.line == 10);
  CHECK(b.arxiv_id == "2407.01392");
  REQUIRE(b.sections.size() == 1);
  CHECK(b.sections[0].blocks[0].text == "짧은 메모.");
}

TEST_CASE("numbered headings with a 🔗 arXiv line (a blog re-curating weekly lists)") {
  ParsedPost post = Parse(
      "---\nlayout: post\ntitle: \"AI 논문 모음 2025-06-23\"\ndate: 2025-06-23\n---\n"
      "\n"
      "## 1. Text-to-LoRA: Instant Transformer Adaption\n"  // 7
      "\n"
      "🔗 [arXiv](https://arxiv.org/abs/2506.06105)\n"
      "\n"
      "하이퍼네트워크로 LoRA를 만든다.\n"
      "\n"
      "## 2. Reinforcement Pre-Training\n"  // 13
      "\n"
      "🔗 [arXiv](https://arxiv.org/abs/2506.08007) | 🏢 Org: Microsoft Research\n");
  CHECK(post.date == "2025-06-23");
  REQUIRE(post.papers.size() == 2);
  CHECK(post.papers[0].title == "Text-to-LoRA: Instant Transformer Adaption");
  CHECK(post.papers[0].line == 7);
  CHECK(post.papers[0].arxiv_id == "2506.06105");
  REQUIRE(post.papers[0].sections.size() == 1);
  CHECK(post.papers[0].sections[0].blocks.size() == 1);
  CHECK(post.papers[1].line == 13);
  CHECK(post.papers[1].arxiv_id == "2506.08007");
  CHECK(Orgs(post.papers[1]) == std::vector<std::string>{"Microsoft Research"});
}

TEST_CASE("HTML headings") {
  ParsedPost post = Parse(
      "<h1>Reading group</h1>\n"
      "\n"
      "<h2><a href=\"https://arxiv.org/abs/2501.00001\">Test-Time Scaling with Verifiers</a></h2>\n"
      "<p>Lab: KAIST</p>\n"
      "\n"
      "We discussed verifier quality.\n"
      "\n"
      "<h2>Not a paper</h2>\n"
      "\n"
      "Just text.\n");
  CHECK(post.title == "Reading group");
  REQUIRE(post.papers.size() == 1);
  const ParsedPaper& p = post.papers[0];
  CHECK(p.title == "Test-Time Scaling with Verifiers");
  CHECK(p.line == 3);
  CHECK(p.arxiv_id == "2501.00001");
  CHECK(Orgs(p) == std::vector<std::string>{"KAIST"});
  REQUIRE(p.sections.size() == 1);
  CHECK(p.sections[0].blocks.size() == 2);
}

TEST_CASE("pages without paper links, and papers cited in passing, give no papers") {
  CHECK(Parse("# tmux tips\n\n- split: `C-b %`\n- [docs](https://github.com/tmux/tmux)\n").papers.empty());
  CHECK(Parse("# GShard\n\nThe paper ([arXiv](https://arxiv.org/abs/2006.16668)) scales MoE.\n\n"
              "Like [Switch](https://arxiv.org/abs/2101.03961), it routes.\n")
            .papers.empty());
  CHECK(Parse("## 논문 링크\n\n[arXiv](https://arxiv.org/abs/2006.16668)\n").papers.empty());
  CHECK(Parse("").papers.empty());
}

TEST_CASE("a plain-text arXiv:ID in a heading or list item counts like a paper link") {
  ParsedPost post = Parse(
      "# Notes\n"                                              // 1
      "\n"                                                     // 2
      "- Retentive Network https://arxiv.org/abs/2307.08621\n"  // 3
      "- Mamba (arXiv:2312.00752)\n"                           // 4
      "\n"                                                     // 5
      "## Hyena Hierarchy (arXiv:2302.10866)\n"                // 6
      "\n"                                                     // 7
      "text\n");                                               // 8
  REQUIRE(post.papers.size() == 3);
  CHECK(post.papers[0].title == "Retentive Network");
  CHECK(post.papers[0].arxiv_id == "2307.08621");
  const ParsedPaper& mamba = post.papers[1];
  CHECK(mamba.title == "Mamba");
  CHECK(mamba.line == 4);
  CHECK(mamba.arxiv_id == "2312.00752");
  REQUIRE(mamba.urls.size() == 1);
  CHECK(mamba.urls[0].url == "arXiv:2312.00752");
  CHECK(mamba.urls[0].line == 4);
  const ParsedPaper& hyena = post.papers[2];
  CHECK(hyena.title == "Hyena Hierarchy");
  CHECK(hyena.line == 6);
  CHECK(hyena.arxiv_id == "2302.10866");
  REQUIRE(hyena.sections.size() == 1);
  CHECK(hyena.sections[0].blocks[0].text == "text");
}

TEST_CASE("plain-text arXiv references: spellings, bold titles, link lines") {
  ParsedPost post = Parse(
      "- Linear Transformers — ARXIV: 2006.16236v3\n"           // 1
      "- String Theory Notes (arXiv:hep-th/9901001)\n"          // 2
      "- [FlashAttention](https://arxiv.org/abs/2205.14135) (arXiv:2205.14135)\n"  // 3
      "\n"                                                      // 4
      "**RWKV** arXiv:2305.13048.\n"                            // 5
      "\n"                                                      // 6
      "## Griffin\n"                                            // 7
      "\n"                                                      // 8
      "arXiv:2402.19427\n");                                    // 9
  REQUIRE(post.papers.size() == 5);
  CHECK(post.papers[0].title == "Linear Transformers");
  CHECK(post.papers[0].arxiv_id == "2006.16236");
  CHECK(post.papers[1].title == "String Theory Notes");
  CHECK(post.papers[1].arxiv_id == "hep-th/9901001");
  // A paper link says more than the bare id beside it: one URL, the link's.
  CHECK(post.papers[2].title == "FlashAttention");
  REQUIRE(post.papers[2].urls.size() == 1);
  CHECK(post.papers[2].urls[0].url == "https://arxiv.org/abs/2205.14135");
  CHECK(post.papers[3].title == "RWKV");
  CHECK(post.papers[3].arxiv_id == "2305.13048");
  CHECK(post.papers[4].title == "Griffin");
  CHECK(post.papers[4].line == 7);
  CHECK(post.papers[4].arxiv_id == "2402.19427");
  CHECK(post.papers[4].sections.empty());  // the reference line is not a note
}

TEST_CASE("an arXiv id cited in body text, a table or a malformed reference makes no paper") {
  CHECK(Parse("# Notes\n\nWe build on arXiv:2401.00001 and it works.\n").papers.empty());
  CHECK(Parse("## Results\n\nThe baseline (arXiv:2401.00001) loses.\n").papers.empty());
  // Tables are not entries in this format, with links or without.
  CHECK(Parse("| paper | id |\n|---|---|\n| Mamba | arXiv:2312.00752 |\n").papers.empty());
  CHECK(Parse("- Not an id arXiv:12345\n- Not a reference myarxiv:2312.00752\n").papers.empty());

  // Under an entry, a cited id is prose: no second paper, no link.
  ParsedPost post = Parse(
      "## [Mamba](https://arxiv.org/abs/2312.00752)\n"
      "\n"
      "It improves on S4 (arXiv:2111.00396).\n");
  REQUIRE(post.papers.size() == 1);
  CHECK(post.papers[0].links.empty());
  REQUIRE(post.papers[0].urls.size() == 1);
}

TEST_CASE("a collaborator is not a lab field; unknown labs are dropped") {
  ParsedPost post = Parse(
      "- [Paper One](https://arxiv.org/abs/2501.00002) Collab: nobody, Lab: 미확인\n");
  REQUIRE(post.papers.size() == 1);
  CHECK(post.papers[0].org_tags.empty());
}

}  // namespace
}  // namespace pg
