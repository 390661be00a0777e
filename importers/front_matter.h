// YAML front matter of a markdown post: the `---` ... `---` block at the very
// start of a Jekyll (or Docusaurus, Hugo...) file. SplitFrontMatter separates
// it from the body and reads the fields papergraph uses (title, date, tags,
// layout) with yaml-cpp. Hand-written front matter is often not strict YAML
// (hahngt's early `title: Daily Papers — 2025-08-29"`), so a YAML error is
// recovered by reading `key: value` lines one by one, with a warning.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace pg {

struct FrontMatter {
  bool present = false;  // the text opened with a front matter block
  std::string title;     // trimmed; a stray unmatched quote removed
  int title_line = 0;
  std::string date;  // YYYY-MM-DD; empty when absent or not a date
  int date_line = 0;
  std::string layout;
  std::vector<std::string> tags;  // from a YAML list, "a, b" or "a b"
  std::vector<std::string> keys;  // top-level keys in order (format detection)
};

struct SplitPost {
  FrontMatter front;
  std::string_view body;  // points into the text given to SplitFrontMatter
  int body_line = 1;      // source line of body[0]
  // "file:line: message" for what was recovered (invalid YAML, bad date).
  std::vector<std::string> warnings;
};

// REQUIRES: `text` has '\n' line ends (ParsePost normalizes CRLF) and no BOM.
// A text without front matter gives present == false and the whole text as
// body. A first line `---` followed by `key:` lines but no closing `---` (or
// `...`) line is an error: InvalidArgument("file:1: front matter opened here
// is never closed ..."). Guessing where it ends would turn YAML into review
// text or swallow the post, and the fix (add the line) is easy for the author.
// A `---` line NOT followed by a `key:` line is a markdown thematic break, not
// front matter.
Result<SplitPost> SplitFrontMatter(std::string_view text, const std::string& file);

// True when `text` starts with a front matter block (closed or not).
bool StartsWithFrontMatter(std::string_view text);

// "2025-10-08" from a front matter date ("2025-10-08 08:15:00",
// "2023-04-30 14:45:11 +/-0000", "2025/10/08"); empty when it is not a date.
std::string DateFromValue(std::string_view value);

// "2025-10-08" from a file name that starts with a date, as Jekyll names
// posts ("_posts/2025-10-08-daily-papers.md"); empty otherwise.
std::string DateFromFileName(std::string_view path);

}  // namespace pg
