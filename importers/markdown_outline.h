// A flat outline of a markdown document, produced with md4c (CommonMark +
// tables, permissive URL autolinks, LaTeX spans; "~" stays text). Format
// parsers walk this list instead of matching lines with regular expressions.
// Every block knows its 1-based source line. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct MdLink {
  std::string text;  // the link's visible text, white space collapsed
  std::string href;  // destination as written (entities decoded)
  int line = 0;
};

struct MdBlock {
  enum class Kind { kHeading, kParagraph, kListItem, kQuote, kCode, kTable, kHtml, kRule };
  Kind kind = Kind::kParagraph;
  int level = 0;  // heading level 1-6; list nesting depth (1 = top) for list items
  int line = 0;   // first source line of the block's text
  int end_line = 0;
  // Visible text as rendered: emphasis dropped, code spans and link texts kept
  // (without backticks or URLs), soft and hard breaks as '\n'. For kCode, the
  // code; for kHtml, the raw HTML.
  std::string text;
  std::vector<MdLink> links;
  std::vector<std::string> code_spans;  // contents of `code` spans, in order
  bool in_quote = false;                // inside a block quote (at any depth)
};

struct MdOutline {
  std::vector<MdBlock> blocks;
  bool parse_failed = false;  // md4c gave up (it reports no reason)
};

// `text` must not contain front matter (strip it first); `first_line` is the
// source line of text[0], so lines stay right after stripping.
MdOutline OutlineMarkdown(std::string_view text, int first_line = 1);

}  // namespace pg
