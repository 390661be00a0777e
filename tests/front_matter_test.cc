#include "importers/front_matter.h"

#include <doctest/doctest.h>

#include <string>

namespace pg {
namespace {

SplitPost Split(const std::string& text, const std::string& file = "f.md") {
  Result<SplitPost> r = SplitFrontMatter(text, file);
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("no front matter: the whole text is the body") {
  std::string text = "# Title\n\nText.\n";
  SplitPost s = Split(text);
  CHECK_FALSE(s.front.present);
  CHECK(s.body == text);
  CHECK(s.body_line == 1);
  CHECK(s.warnings.empty());
}

TEST_CASE("Jekyll front matter: title, date, tags, layout and where the body starts") {
  std::string text =
      "---\n"
      "layout: post\n"
      "title: \"Daily Papers — 2025-10-08\"\n"
      "date: 2025-10-08 08:15:00\n"
      "tags: [papers, hugginface]\n"
      "categories: []\n"
      "---\n"
      "\n"
      "# 1. Body\n";
  SplitPost s = Split(text);
  CHECK(s.front.present);
  CHECK(s.front.layout == "post");
  CHECK(s.front.title == "Daily Papers — 2025-10-08");
  CHECK(s.front.title_line == 3);
  CHECK(s.front.date == "2025-10-08");
  CHECK(s.front.date_line == 4);
  CHECK(s.front.tags == std::vector<std::string>{"papers", "hugginface"});
  CHECK(s.front.keys == std::vector<std::string>{"layout", "title", "date", "tags", "categories"});
  CHECK(s.body_line == 8);
  CHECK(s.body == "\n# 1. Body\n");
  CHECK(s.warnings.empty());
}

TEST_CASE("hahngt's early title with a trailing quote is recovered with a warning") {
  SplitPost s = Split(
      "---\n"
      "layout: post\n"
      "title: Daily Papers — 2025-08-29\"\n"
      "date: 2025-08-29 08:15:00\n"
      "tags: [papers, arxiv, ai]\n"
      "---\n");
  CHECK(s.front.title == "Daily Papers — 2025-08-29");
  CHECK(s.front.date == "2025-08-29");
  CHECK(s.front.tags.size() == 3);
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0] == "f.md:3: title has an unmatched quote; dropped it");
}

TEST_CASE("invalid YAML falls back to reading key: value lines") {
  SplitPost s = Split(
      "---\n"
      "layout: post\n"
      "title: \"Daily\" Papers\n"
      "date: 2025-08-29 08:15:00\n"
      "tags: [papers, arxiv]\n"
      "---\n"
      "body\n");
  CHECK(s.front.present);
  CHECK(s.front.layout == "post");
  CHECK(s.front.title == "Daily\" Papers");
  CHECK(s.front.date == "2025-08-29");
  CHECK(s.front.tags == std::vector<std::string>{"papers", "arxiv"});
  CHECK(s.body_line == 7);
  REQUIRE(s.warnings.size() == 2);
  CHECK(s.warnings[0] == "f.md:3: front matter is not valid YAML (end of map not found); read it line by line");
  CHECK(s.warnings[1] == "f.md:3: title has an unmatched quote; dropped it");
}

TEST_CASE("line-by-line reading takes tags as a list under the key") {
  SplitPost s = Split(
      "---\n"
      "title: x: y\n"
      "tags:\n"
      "  - one\n"
      "  - \"two\"\n"
      "---\n");
  CHECK(s.front.title == "x: y");
  CHECK(s.front.tags == std::vector<std::string>{"one", "two"});
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0] == "f.md:2: front matter is not valid YAML (illegal map value); read it line by line");
}

TEST_CASE("tags as a comma string or a space string") {
  CHECK(Split("---\ntags: a, b ,c\n---\n").front.tags == std::vector<std::string>{"a", "b", "c"});
  CHECK(Split("---\ntags: math gan ai\n---\n").front.tags == std::vector<std::string>{"math", "gan", "ai"});
  CHECK(Split("---\ntags: [GAN, AI, generative]   \n---\n").front.tags.size() == 3);
}

TEST_CASE("unterminated front matter is an error naming line 1") {
  Result<SplitPost> r = SplitFrontMatter("---\ntitle: x\ndate: 2025-01-01\n\n# 1. Entry\n", "posts/a.md");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsInvalidArgument());
  CHECK(r.status().message() == "posts/a.md:1: front matter opened here is never closed (no '---' line ends it)");
}

TEST_CASE("a first-line thematic break is not front matter") {
  std::string text = "---\n\nSome text.\n\n---\n";
  SplitPost s = Split(text);
  CHECK_FALSE(s.front.present);
  CHECK(s.body == text);
  CHECK_FALSE(StartsWithFrontMatter(text));
}

TEST_CASE("empty front matter and the YAML '...' end marker") {
  std::string text = "---\n---\nbody\n";  // the body points into it
  SplitPost empty = Split(text);
  CHECK(empty.front.present);
  CHECK(empty.body == "body\n");
  CHECK(empty.body_line == 3);
  SplitPost dots = Split("---\ntitle: T\n...\nbody\n");
  CHECK(dots.front.title == "T");
  CHECK(dots.body_line == 4);
}

TEST_CASE("a date that is not a date is ignored with a warning") {
  SplitPost s = Split("---\ndate: someday\n---\n");
  CHECK(s.front.date.empty());
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0] == "f.md:2: date 'someday' is not a YYYY-MM-DD date; ignored it");
}

// Found by fuzz_front_matter (fuzz/regressions/front_matter/): the warning named line 0.
TEST_CASE("a quoted or tagged key still has its line") {
  for (const char* key : {"\"title\"", "! title"}) {
    SplitPost s = Split(std::string("---\nlayout: post\n") + key + ": T'\n---\n");
    CHECK(s.front.title == "T");
    CHECK(s.front.title_line == 3);
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0] == "f.md:3: title has an unmatched quote; dropped it");
  }
}

TEST_CASE("deeply nested YAML does not crash; it is read line by line") {
  std::string text = "---\ntitle: T\nx: " + std::string(100000, '[') + "\n---\n";
  SplitPost s = Split(text);
  CHECK(s.front.title == "T");
  CHECK(s.warnings.size() == 1);
}

TEST_CASE("DateFromValue") {
  CHECK(DateFromValue("2025-10-08 08:15:00") == "2025-10-08");
  CHECK(DateFromValue("2023-04-30 14:45:11 +/-0000") == "2023-04-30");
  CHECK(DateFromValue("2025/6/1") == "2025-06-01");
  CHECK(DateFromValue("\"2025-10-08\"") == "2025-10-08");
  CHECK(DateFromValue("2025-13-01").empty());
  CHECK(DateFromValue("2025-10").empty());
  CHECK(DateFromValue("20251008").empty());
}

TEST_CASE("DateFromFileName") {
  CHECK(DateFromFileName("_posts/2025-10-08-daily-papers-20251008.md") == "2025-10-08");
  CHECK(DateFromFileName("2024-02-08-Diffusion Models Beat GANs__715f80f2.md") == "2024-02-08");
  CHECK(DateFromFileName("old-2023-01-29-wGAN.md").empty());
  CHECK(DateFromFileName("docs/20251027.md").empty());
}

}  // namespace
}  // namespace pg
