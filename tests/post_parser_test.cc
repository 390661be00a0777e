#include "importers/post_parser.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_util.h"

namespace pg {
namespace {

using std::string_literals::operator""s;

std::string ErrorOf(const std::string& text, const std::string& file = "posts/a.md") {
  Result<ParsedPost> r = ParsePost(text, file);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
  return r.status().message();
}

ParsedPost Parse(const std::string& text, const std::string& file = "posts/a.md") {
  Result<ParsedPost> r = ParsePost(text, file);
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  return std::move(r).value();
}

const std::string kJekyll =
    "---\n"
    "layout: post\n"
    "title: \"Daily Papers — 2025-10-24\"\n"
    "date: 2025-10-24 08:15:00\n"
    "---\n"
    "\n"
    "# 1. [AdaSPEC: Efficient Speculative   Decoders](https://arxiv.org/abs/2510.19779)\n"  // 7
    "\n"
    "## Introduction\n"
    "- Goal: 목표.\n"
    "\n"
    "# 2. [Loopholing Discrete Diffusion](https://arxiv.org/abs/2510.19304)\n"  // 12
    "\n"
    "## Method\n"
    "방법.\n";

TEST_CASE("PostFormatName") {
  CHECK(PostFormatName(PostFormat::kDocusaurus) == "docusaurus");
  CHECK(PostFormatName(PostFormat::kJekyll) == "jekyll");
  CHECK(PostFormatName(PostFormat::kDigest) == "digest");
  CHECK(PostFormatName(PostFormat::kGeneric) == "generic");
}

TEST_CASE("DetectFormat reads the content, not the name") {
  CHECK(DetectFormat(kJekyll) == PostFormat::kJekyll);
  CHECK(DetectFormat("---\ntitle: \"[Paper Review] DDIM\"\n---\n# DDIM\n") == PostFormat::kJekyll);
  CHECK(DetectFormat("# 1. [T](https://arxiv.org/abs/2510.00001)\n\n## Method\n") == PostFormat::kJekyll);
  CHECK(DetectFormat("### 1. [Broken title\n\nrest](https://arxiv.org/abs/2508.20751)\n") == PostFormat::kJekyll);

  CHECK(DetectFormat("import a from './asset/a.png';\n\n# 2025-10-27 papers review\n") == PostFormat::kDocusaurus);
  CHECK(DetectFormat("\n# 09-18 Papers Summary\n\n## Title `nvidia`\n") == PostFormat::kDocusaurus);
  CHECK(DetectFormat("# 10-18 papers summary - big tech\n") == PostFormat::kDocusaurus);
  CHECK(DetectFormat("# oct.2025\n\n## Microsoft\n") == PostFormat::kDocusaurus);
  CHECK(DetectFormat("# Notes\n\n:::tip\nhello\n:::\n") == PostFormat::kDocusaurus);
  CHECK(DetectFormat("## 1. [T](https://huggingface.co/papers/2510.24035) `google`\n") == PostFormat::kDocusaurus);
  CHECK(DetectFormat("---\ntitle: GShard\nsidebar_position: 2\n---\n\n# GShard\n") == PostFormat::kDocusaurus);

  CHECK(DetectFormat("[2025/06/16 ~ 22] 이번 주에 살펴볼 만한 AI/ML 논문 모음\n") == PostFormat::kDigest);
  CHECK(DetectFormat("\n\n[2021/11/29 ~ 12/05] 논문 모음\n") == PostFormat::kDigest);
  CHECK(DetectFormat("Weekly\n\n가 / A\n\n논문 소개\n\n소개\n\n논문 초록(Abstract)\n") == PostFormat::kDigest);

  CHECK(DetectFormat("# My blog\n\n- [Paper](https://arxiv.org/abs/2501.00001)\n") == PostFormat::kGeneric);
  CHECK(DetectFormat("just text\n") == PostFormat::kGeneric);
  CHECK(DetectFormat("\xEF\xBB\xBF[2025/06/16 ~ 22] 논문 모음\n") == PostFormat::kDigest);
}

TEST_CASE("ParsePost dispatches by format") {
  CHECK(Parse(kJekyll).format == "jekyll");
  CHECK(Parse("[2025/06/16 ~ 22] 논문 모음\n\n가 / A\n\n논문 소개\n\n소개.\n").format == "digest");
  CHECK(Parse("# Blog\n\n- [Paper A](https://arxiv.org/abs/2501.00001)\n").format == "generic");
  CHECK(Parse("import a from './a.png';\n\n# 2025-10-27 papers review\n").format == "docusaurus");
  ParsedPost post = Parse(kJekyll);
  REQUIRE(post.papers.size() == 2);
  CHECK(post.papers[0].title == "AdaSPEC: Efficient Speculative Decoders");
  CHECK(post.papers[1].line == 12);
}

// ---------------------------------------------------------------------------
// Bad input: each is rejected with a message naming the file (and line).

TEST_CASE("empty files are posts with no papers, and a warning") {
  for (const std::string text : {"", "\xEF\xBB\xBF"}) {
    Result<ParsedPost> post = ParsePost(text, "posts/a.md");
    REQUIRE(post.ok());
    CHECK(post->papers.empty());
    CHECK(post->warnings == std::vector<std::string>{"posts/a.md: empty file; imported as a post with no papers"});
  }
  Result<ParsedPost> blank = ParsePost(" \n\r\n\t\n", "posts/a.md");
  REQUIRE(blank.ok());
  CHECK(blank->warnings ==
        std::vector<std::string>{"posts/a.md: empty file (white space only); imported as a post with no papers"});
}

TEST_CASE("a NUL byte names its line and column") {
  CHECK(ErrorOf("# Title\nab\0cd\n"s) == "posts/a.md:2: NUL byte at column 3");
  // Columns count code points, not bytes.
  CHECK(ErrorOf("한국어\0\n"s) == "posts/a.md:1: NUL byte at column 4");
}

TEST_CASE("binary data") {
  std::string png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0"s;
  for (int i = 0; i < 200; ++i) png += static_cast<char>(i % 256);
  CHECK(ErrorOf(png, "img.md") == "img.md: binary file, not a text post");
  CHECK(ErrorOf("\xFF\xFE#\0 \0T\0"s, "w.md") == "w.md: UTF-16 text, not UTF-8; save it as UTF-8");
}

TEST_CASE("invalid UTF-8 names line, column and byte") {
  CHECK(ErrorOf("# ok\n가나\xFF\n") == "posts/a.md:2:3: invalid UTF-8 (byte 0xFF)");
  CHECK(ErrorOf("abc\xC3(\n") == "posts/a.md:1:4: invalid UTF-8 (byte 0xC3)");
  // The earlier problem is reported first.
  CHECK(ErrorOf("\xC0\n\0\n"s) == "posts/a.md:1:1: invalid UTF-8 (byte 0xC0)");
}

TEST_CASE("a UTF-8 BOM is fine") {
  ParsedPost post = Parse("\xEF\xBB\xBF" + kJekyll);
  CHECK(post.format == "jekyll");
  REQUIRE(post.papers.size() == 2);
  CHECK(post.papers[0].line == 7);
}

TEST_CASE("CRLF and lone CR line ends are read as LF; lines still count") {
  std::string crlf, cr;
  for (char c : kJekyll) {
    if (c == '\n') {
      crlf += "\r\n";
      cr += '\r';
    } else {
      crlf += c;
      cr += c;
    }
  }
  for (const std::string& text : {crlf, cr}) {
    ParsedPost post = Parse(text);
    CHECK(post.title == "Daily Papers — 2025-10-24");
    REQUIRE(post.papers.size() == 2);
    CHECK(post.papers[0].line == 7);
    CHECK(post.papers[1].line == 12);
    CHECK(post.papers[1].sections[0].blocks[0].text == "방법.");
  }
}

TEST_CASE("a line longer than 1 MB is rejected, quickly") {
  std::string ok = "# T\n\n" + std::string(size_t{1} << 20, 'a') + "\n";
  CHECK(ParsePost(ok, "a.md").ok());
  CHECK(ErrorOf("# T\n" + std::string((size_t{1} << 20) + 1, 'a')) == "posts/a.md:2: line is 1.0 MB long; longest allowed is 1 MB");
  CHECK(ErrorOf("x\n\n" + std::string(size_t{50} << 20, '[')) == "posts/a.md:3: line is 50.0 MB long; longest allowed is 1 MB");
}

TEST_CASE("unterminated front matter") {
  CHECK(ErrorOf("---\nlayout: post\ntitle: x\n\n# 1. [T](https://arxiv.org/abs/2501.00001)\n") ==
        "posts/a.md:1: front matter opened here is never closed (no '---' line ends it)");
}

TEST_CASE("an unclosed code fence is reported where it opens") {
  ParsedPost post = Parse(
      "---\nlayout: post\ntitle: T\n---\n"
      "# 1. [A](https://arxiv.org/abs/2501.00001)\n"
      "\n"
      "## Method\n"
      "```python\n"  // 8
      "x = 1\n"
      "\n"
      "# 2. [B](https://arxiv.org/abs/2501.00002)\n");
  CHECK(post.papers.size() == 1);  // CommonMark: B is inside the code block
  REQUIRE(post.warnings.size() == 1);
  CHECK(post.warnings[0] == "posts/a.md:8: code fence opened here is never closed");

  CHECK(Parse("# T\n\n```\ncode\n```\n\n~~~~\nmore\n~~~~~\n").warnings.empty());
  CHECK(Parse("# T\n\n``` not `a` fence\ntext\n").warnings.empty());
  CHECK(Parse("# T\n\n    ```\n    indented code\n").warnings.empty());
  CHECK(Parse("# T\n\n~~~\n```\n~~~\n").warnings.empty());
  ParsedPost tilde = Parse("# T\n\n~~~\n```\n");
  REQUIRE(tilde.warnings.size() == 1);
  CHECK(tilde.warnings[0] == "posts/a.md:3: code fence opened here is never closed");
}

// Found by fuzz_post (fuzz/regressions/post/): Materialize skips a paper with no id, and
// these were skipped without a word.
TEST_CASE("an entry with neither a title nor an arXiv id is dropped with a warning") {
  ParsedPost generic = Parse("1. *http://aclanthology.org/\n");
  CHECK(generic.papers.empty());
  REQUIRE(generic.warnings.size() == 1);
  CHECK(generic.warnings[0] == "posts/a.md:1: entry has neither a title nor an arXiv id; skipped");

  ParsedPost docusaurus = Parse(
      "# 2025-10-27 papers review\n\n## )\n\nnotes\n\n## [Real](https://arxiv.org/abs/2510.00001)\n",
      "docs/papers/y2025/oct/20251027.md");
  REQUIRE(docusaurus.papers.size() == 1);
  CHECK(docusaurus.papers[0].title == "Real");
  CHECK(docusaurus.papers[0].position == 1);
  REQUIRE(docusaurus.warnings.size() == 1);
  CHECK(docusaurus.warnings[0] ==
        "docs/papers/y2025/oct/20251027.md:3: entry has neither a title nor an arXiv id; skipped");
}

// Found by fuzz_post: md4c gives such a link no text to take a line from; it had line 0.
TEST_CASE("a link with no text that opens a block is on the block's line") {
  ParsedPost post = Parse("Intro.\n\n- [](https://arxiv.org/pdf/2510.21057) Title\n");
  REQUIRE(post.papers.size() == 1);
  REQUIRE(post.papers[0].urls.size() == 1);
  CHECK(post.papers[0].urls[0].line == 3);
}

TEST_CASE("deep nesting of quotes and lists is linear, not recursive") {
  std::string quotes, dashes, indented;
  for (int i = 0; i < 10000; ++i) quotes += "> ";
  quotes += "[Deep](https://arxiv.org/abs/2501.00003)\n";
  for (int i = 0; i < 10000; ++i) dashes += "- ";
  dashes += "[Deep](https://arxiv.org/abs/2501.00003)\n";
  for (int i = 0; i < 3000; ++i) indented += std::string(2 * static_cast<size_t>(i), ' ') + "- item\n";
  indented += std::string(6000, ' ') + "- [Deep](https://arxiv.org/abs/2501.00003)\n";
  for (const std::string& text : {quotes, dashes, indented, "---\nlayout: post\n---\n" + quotes}) {
    Result<ParsedPost> r = ParsePost(text, "deep.md");
    CHECK(r.ok());
  }
  ParsedPost list = Parse(dashes);
  REQUIRE(list.papers.size() == 1);
  CHECK(list.papers[0].arxiv_id == "2501.00003");
}

TEST_CASE("hostile text stays linear: tag floods, label floods, URL floods") {
  auto repeat = [](const std::string& unit, size_t bytes) {
    std::string out;
    while (out.size() + unit.size() < bytes) out += unit;
    return out;
  };
  const size_t kMb = 1000 * 1000;
  CHECK(ParsePost("<h2>" + repeat("<a ", kMb) + "</h2>\n", "a.md").ok());
  CHECK(ParsePost("# T\n\n- [A](https://arxiv.org/abs/2501.00001)\n\n  " + repeat("<x", kMb) + "\n", "a.md").ok());
  CHECK(ParsePost("---\ntitle: \"[Paper Review] X\"\n---\n# X 논문 리뷰\n\n" + repeat("<x", kMb) + "\n", "a.md").ok());
  Result<ParsedPost> labs = ParsePost("- [A](https://arxiv.org/abs/2501.00001) " + repeat("lab: ", kMb) + "\n", "a.md");
  REQUIRE(labs.ok());
  CHECK(labs->papers.at(0).org_tags.empty());
  CHECK(ParsePost("[2025/06/16 ~ 22] 논문 모음\n\n가 / A\n\n논문 소개\n\n소개\n\n논문 링크\n\n" +
                      repeat("https://a.b/c ", kMb) + "\n",
                  "a.txt")
            .ok());
  CHECK(ParsePost("## Title\n\n" + repeat("[arXiv](https://arxiv.org/abs/2501.00001) ", kMb) + "\n", "a.md").ok());
}

// ---------------------------------------------------------------------------
// The real corpus, when ../shared is there.

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("the seeds are detected as their formats") {
  std::string shared = testing::SharedDir();
  if (shared.empty()) {
    MESSAGE("skipped: ../shared is absent");
    return;
  }
  std::string seeds = shared + "/corpus/seeds/";
  CHECK(DetectFormat(ReadFile(seeds + "000_e4b73c0768bb6ad1.txt")) == PostFormat::kDocusaurus);
  CHECK(DetectFormat(ReadFile(seeds + "001_0e6e98b671394273.txt")) == PostFormat::kDocusaurus);
  CHECK(DetectFormat(ReadFile(seeds + "002_757ac137fe7764bc.txt")) == PostFormat::kJekyll);
  CHECK(DetectFormat(ReadFile(seeds + "003_135f57eff4839651.txt")) == PostFormat::kDigest);
  CHECK(DetectFormat(ReadFile(seeds + "004_0cdf18d804467430.txt")) == PostFormat::kJekyll);
}

TEST_CASE("hahngt: every post is Jekyll and there are 787 entries") {
  std::string shared = testing::SharedDir();
  if (shared.empty()) {
    MESSAGE("skipped: ../shared is absent");
    return;
  }
  size_t papers = 0, posts = 0, with_id = 0;
  for (const auto& e : std::filesystem::directory_iterator(shared + "/corpus/hahngt/_posts")) {
    std::string text = ReadFile(e.path());
    Result<ParsedPost> r = ParsePost(text, e.path().filename().string());
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    CHECK(r->format == "jekyll");
    CHECK_FALSE(r->date.empty());
    ++posts;
    papers += r->papers.size();
    for (const ParsedPaper& p : r->papers) {
      with_id += p.arxiv_id.empty() ? 0 : 1;
      CHECK(p.title.find("  ") == std::string::npos);
    }
  }
  CHECK(posts == 93);
  CHECK(papers == 787);
  CHECK(with_id == 787);
}

TEST_CASE("hahngt history: single-paper reviews give one paper, concept notes none") {
  std::string shared = testing::SharedDir();
  if (shared.empty()) {
    MESSAGE("skipped: ../shared is absent");
    return;
  }
  std::string dir = shared + "/corpus/hahngt-history/";
  auto papers = [&](const std::string& name) {
    Result<ParsedPost> r = ParsePost(ReadFile(dir + name), name);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->papers;
  };
  CHECK(papers("2025-08-29-daily-papers__c93bd8ad.md").size() == 10);
  CHECK(papers("2025-08-29-daily-papers_20250829__ec2ad41f.md").size() == 10);
  CHECK(papers("old-2023-07-12-VAE__715f80f2.md").empty());
  CHECK(papers("old-2023-01-29-wGAN__715f80f2.md").empty());
  auto ddpm = papers("2024-01-14-DDPM__715f80f2.md");
  REQUIRE(ddpm.size() == 1);
  CHECK(ddpm[0].title == "Denosing Diffusion Probability Model(DDPM)");
  auto dcgan = papers("2024-01-20-DCGAN__715f80f2.md");
  REQUIRE(dcgan.size() == 1);
  CHECK(dcgan[0].arxiv_id == "1511.06434");
  auto tada = papers("2024-04-04-TADA__715f80f2.md");
  REQUIRE(tada.size() == 1);
  CHECK(tada[0].urls.at(0).url == "https://openreview.net/forum?id=U6Mb3CRuj8");
}

}  // namespace
}  // namespace pg
