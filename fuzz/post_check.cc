// The post target's properties (fuzz/checks.h).
#include <algorithm>
#include <array>

#include "core/arxiv_id.h"
#include "core/text.h"
#include "fuzz/checks.h"
#include "fuzz/guarded_copy.h"
#include "fuzz/property.h"
#include "importers/front_matter.h"
#include "importers/post_parser.h"

namespace pg::fuzz {
namespace {

// Parsers take dates and hints from the path, so the path varies with the input.
constexpr std::array<const char*, 4> kFiles = {
    "docs/papers/y2025/oct/20251007.md",
    "_posts/2025-10-08-daily-papers.md",
    "notes/post.md",
    "digest/2025-10-week43.txt",
};

// Every line number of the parse lies in the file, every string is UTF-8 (the input was).
Status CheckParsedStrings(const ParsedPost& post, int lines) {
  Status s = LineIn(post.title_line, 0, lines, "post title");
  if (s.ok()) s = ValidUtf8(post.title, "post title");
  for (const std::string& w : post.warnings)
    if (s.ok()) s = ValidUtf8(w, "warning");
  for (const std::string& t : post.tags)
    if (s.ok()) s = ValidUtf8(t, "tag");
  for (const std::string& a : post.heading_anchors)
    if (s.ok()) s = ValidUtf8(a, "heading anchor");
  for (const ParsedPaper& p : post.papers) {
    if (!s.ok()) break;
    s = LineIn(p.line, 1, lines, "paper");
    for (const std::string* t : {&p.heading, &p.anchor, &p.title, &p.subtitle, &p.title_ko, &p.arxiv_id})
      if (s.ok()) s = ValidUtf8(*t, "paper title, heading or id");
    for (const std::vector<LinkRef>* list : {&p.urls, &p.links})
      for (const LinkRef& l : *list) {
        if (s.ok()) s = LineIn(l.line, 1, lines, "link");
        if (s.ok()) s = ValidUtf8(l.url + l.text, "link");
      }
    for (const LocatedText& t : p.org_tags) {
      if (s.ok()) s = LineIn(t.line, 1, lines, "org tag");
      if (s.ok()) s = ValidUtf8(t.value, "org tag");
    }
    for (const Section& sec : p.sections) {
      if (s.ok()) s = LineIn(sec.line, 1, lines, "section");
      for (const TextBlock& b : sec.blocks) {
        if (s.ok()) s = LineIn(b.line, 1, lines, "text block");
        // Extraction places a hit at block.line + the newlines before it.
        int last = b.line + static_cast<int>(std::count(b.text.begin(), b.text.end(), '\n'));
        if (s.ok()) s = LineIn(last, 1, lines, "end of text block");
        if (s.ok()) s = ValidUtf8(b.text, "text block");
      }
    }
  }
  return s;
}

Status CheckPaperIds(const ParsedPost& post) {
  for (size_t i = 0; i < post.papers.size(); ++i) {
    const ParsedPaper& p = post.papers[i];
    if (p.position != static_cast<int>(i + 1))
      return Broken("paper " + std::to_string(i + 1) + " has position " + std::to_string(p.position));
    if (!p.arxiv_id.empty() && !IsArxivId(p.arxiv_id)) return Broken("arXiv id '" + p.arxiv_id + "' is not canonical");
    // Materialize keys a paper by its arXiv id, else by its normalized title (or heading).
    if (p.arxiv_id.empty() && NormalizeName(p.title.empty() ? p.heading : p.title).empty())
      return Broken("paper at line " + std::to_string(p.line) + " has neither an arXiv id nor a title");
  }
  return Status::OK();
}

Status CheckExtraction(const ExtractedPost& x, size_t papers, int lines) {
  if (x.papers.size() != papers) return Broken("extraction is not aligned with the papers");
  Status s;
  for (const PaperExtraction& e : x.papers) {
    for (const TopicHit& t : e.topics) {
      if (s.ok() && t.topic.empty()) s = Broken("topic hit without a topic");
      if (s.ok()) s = LineIn(t.line, 1, lines, "topic hit");
      if (s.ok()) s = ValidUtf8(t.surface + t.snippet + t.name, "topic hit");
    }
    for (const std::vector<OrgHit>* list : {&e.orgs, &e.link_orgs})
      for (const OrgHit& o : *list) {
        if (s.ok() && o.org.empty()) s = Broken("org hit without an org");
        if (s.ok()) s = LineIn(o.line, 1, lines, "org hit");
        if (s.ok()) s = ValidUtf8(o.surface + o.snippet + o.name, "org hit");
      }
  }
  if (!s.ok()) return s;
  // The stored form decodes to what was encoded.
  std::string bytes = EncodeExtractedPost(x);
  Result<ExtractedPost> back = DecodeExtractedPost(bytes);
  if (!back.ok()) return Broken("stored form does not decode: " + back.status().ToString());
  if (EncodeExtractedPost(*back) != bytes) return Broken("stored form does not round-trip");
  return Status::OK();
}

}  // namespace

Status CheckPost(std::string_view bytes, const Extractor& extractor) {
  const std::string file = kFiles[bytes.size() % kFiles.size()];
  // md4c reads the text in place: a read past its end must fault here, not read whatever
  // lies after libFuzzer's buffer (fuzz/regressions/post/md4c-link-at-end.md).
  GuardedCopy guarded(bytes);
  const std::string_view data = guarded.view();

  // A database record is untrusted on read too (`papergraph check`): any bytes must decode
  // or fail cleanly, and what decodes must encode stably.
  if (Result<ExtractedPost> stored = DecodeExtractedPost(data); stored.ok()) {
    std::string once = EncodeExtractedPost(*stored);
    Result<ExtractedPost> again = DecodeExtractedPost(once);
    if (!again.ok() || EncodeExtractedPost(*again) != once) return Broken("decoded record does not round-trip");
  }

  PostFormat detected = DetectFormat(data);
  Result<ParsedPost> post = ParsePost(data, file);
  if (!post.ok()) {
    if (!post.status().IsInvalidArgument() || post.status().message().rfind(file + ":", 0) != 0)
      return Broken("error does not name the file: " + post.status().ToString());
    return Status::OK();
  }

  std::string_view text = data;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const int lines = LineCount(text);
  const std::string_view format = post->format;
  if (format != "docusaurus" && format != "jekyll" && format != "digest" && format != "generic")
    return Broken("unknown format name '" + post->format + "'");
  // ParsePost detects on the text with normalized line ends; an empty post is generic.
  if (text.find('\r') == std::string_view::npos && !Trim(text).empty() && format != PostFormatName(detected))
    return Broken("parsed as " + post->format + " but detected as " + std::string(PostFormatName(detected)));
  if (!post->date.empty() && DateFromValue(post->date) != post->date)
    return Broken("post date '" + post->date + "' is not YYYY-MM-DD");
  for (const std::string& w : post->warnings)
    if (w.rfind(file + ":", 0) != 0) return Broken("warning does not name the file: " + w);

  Status s = CheckParsedStrings(*post, lines);
  if (s.ok()) s = CheckPaperIds(*post);
  if (!s.ok()) return s;
  size_t papers = post->papers.size();
  return CheckExtraction(extractor.Extract(std::move(post).value()), papers, lines);
}

}  // namespace pg::fuzz
