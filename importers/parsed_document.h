// What a format parser extracts from one post, before anything is resolved
// against the rest of the graph: papers are still known by arXiv id or title,
// cross-links are still URLs. The importer stores this form with the document
// so that it can resolve it again when other documents arrive (a pending
// cross-link target, an arXiv paper matching a title-only digest entry).
// Plain data; thread-compatible.
#pragma once

#include <string>
#include <vector>

namespace pg {

// A piece of text and the source line it starts on.
struct TextBlock {
  int line = 0;
  std::string text;
};

// A named part of a review. Names used: "goal", "motivation", "contribution",
// "introduction", "method", "results", "limitations", "conclusion" (Jekyll);
// "abstract_ko", "abstract_en", "intro_ko" (digest); "notes" (free review
// text of Docusaurus and generic posts).
struct Section {
  std::string name;
  int line = 0;
  std::vector<TextBlock> blocks;
};

// A link as written, with its visible text.
struct LinkRef {
  std::string url;
  std::string text;
  int line = 0;
};

// A string value and where it was written (an org tag, a subtitle).
struct LocatedText {
  std::string value;
  int line = 0;
};

struct ParsedPaper {
  int position = 0;      // 1-based order of the entry in the post
  int line = 0;          // line of the entry heading (or title line)
  std::string heading;   // the entry heading's visible text, as rendered
  std::string anchor;    // Docusaurus slug of `heading`; empty when the format has none
  std::string title;     // English title, white space collapsed
  std::string subtitle;  // "### Subtitle" line or the part after a colon moved there
  int subtitle_line = 0;  // line of the "### Subtitle" heading
  std::string title_ko;  // Korean title (digest)
  std::string arxiv_id;  // canonical arXiv id from the first URL that names one; may be empty
  std::vector<LinkRef> urls;          // paper URLs: heading link, Alphaxiv, 논문 링크, ...
  std::vector<LocatedText> org_tags;  // lab tags exactly as written (`paddle paddle`, 기관: X)
  std::vector<Section> sections;
  std::vector<LinkRef> links;  // links inside the review text (cross-links and others)
};

struct ParsedPost {
  std::string format;  // "docusaurus", "jekyll", "digest", "generic"
  std::string title;   // post title (H1, front matter or first line)
  int title_line = 0;
  std::string date;    // YYYY-MM-DD when known (front matter, title or file name)
  std::vector<std::string> tags;
  std::vector<ParsedPaper> papers;
  // Slugs of all headings of the post (Docusaurus anchors), so a link to a
  // heading that is not a paper still resolves to the post.
  std::vector<std::string> heading_anchors;
  // Problems that did not stop the import (recovered front matter, an entry
  // without a title), each already formatted as "file:line: message".
  std::vector<std::string> warnings;
};

}  // namespace pg
