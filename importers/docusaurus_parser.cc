#include "importers/docusaurus_parser.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/arxiv_id.h"
#include "core/text.h"
#include "importers/markdown_outline.h"
#include "importers/slug.h"

namespace pg {
namespace {

using Kind = MdBlock::Kind;

// ---------------------------------------------------------------------------
// Small string helpers (ASCII only where it says so).

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }


std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Hangul jamo (U+1100-11FF), compatibility jamo (U+3130-318F) and syllables
// (U+AC00-D7A3) are all three-byte sequences in UTF-8.
bool ContainsHangul(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    auto b0 = static_cast<unsigned char>(s[i]);
    if ((b0 & 0xF0) != 0xE0) continue;
    char32_t cp = (static_cast<char32_t>(b0 & 0x0F) << 12) |
                  (static_cast<char32_t>(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                  static_cast<char32_t>(static_cast<unsigned char>(s[i + 2]) & 0x3F);
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xAC00 && cp <= 0xD7A3))
      return true;
  }
  return false;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string_view line = text.substr(start, i - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.push_back(line);
      start = i + 1;
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Dates.

struct Ymd {
  int y = 0, m = 0, d = 0;
};

std::string FormatDate(const Ymd& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.y, date.m, date.d);
  return buf;
}

bool ValidMonthDay(int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= 31; }

int ParseInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Reads `n` digits at s[*i], advancing; false (and *i unchanged) otherwise.
bool Digits(std::string_view s, size_t* i, size_t n, int* out) {
  if (*i + n > s.size()) return false;
  for (size_t k = 0; k < n; ++k)
    if (!IsDigit(s[*i + k])) return false;
  *out = ParseInt(s.substr(*i, n));
  *i += n;
  return true;
}

// The first YYYY-MM-DD, YYYY_MM_DD or YYYYMMDD in `s` that is not part of a
// longer run of digits and names a real month and day: file names carry
// dates as "2025-10-05", "20251027", "docs-papers-y2025-20251026__6f87a67d".
std::optional<Ymd> FindDate(std::string_view s) {
  for (size_t start = 0; start + 8 <= s.size(); ++start) {
    if (start > 0 && IsDigit(s[start - 1])) continue;
    size_t i = start;
    Ymd date;
    if (!Digits(s, &i, 4, &date.y) || date.y < 1900 || date.y > 2099) continue;
    bool sep = i < s.size() && (s[i] == '-' || s[i] == '_');
    if (sep) ++i;
    if (!Digits(s, &i, 2, &date.m)) continue;
    if (sep) {
      if (i >= s.size() || s[i] != s[i - 3]) continue;  // same separator twice
      ++i;
    }
    if (!Digits(s, &i, 2, &date.d)) continue;
    if (i < s.size() && IsDigit(s[i])) continue;
    if (ValidMonthDay(date.m, date.d)) return date;
  }
  return std::nullopt;
}

// A year in a path: "y2025", "2025-10.md" (four digits 19xx/20xx on their own).
int FindYear(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (i > 0 && IsDigit(s[i - 1])) continue;
    size_t k = i;
    int y;
    if (!Digits(s, &k, 4, &y)) continue;
    if (k < s.size() && IsDigit(s[k])) continue;
    if (y >= 1900 && y <= 2099) return y;
  }
  return 0;
}

// "09-18 Papers Summary", "10-03 논문": a month-day at the very start of an H1.
std::optional<std::pair<int, int>> LeadingMonthDay(std::string_view h1) {
  size_t i = 0;
  int m = 0, d = 0;
  size_t digits = 0;
  while (i < h1.size() && IsDigit(h1[i]) && digits < 2) m = m * 10 + (h1[i++] - '0'), ++digits;
  if (digits == 0 || i >= h1.size() || h1[i] != '-') return std::nullopt;
  ++i;
  digits = 0;
  while (i < h1.size() && IsDigit(h1[i]) && digits < 2) d = d * 10 + (h1[i++] - '0'), ++digits;
  if (digits == 0 || (i < h1.size() && (IsDigit(h1[i]) || h1[i] == '-'))) return std::nullopt;
  if (!ValidMonthDay(m, d)) return std::nullopt;
  return std::make_pair(m, d);
}

// "oct.2025", "Oct 2025": a month name and a year, which is all the monthly
// big-tech list says about its date.
bool IsMonthYear(std::string_view h1) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = AsciiLower(Trim(h1));
  std::string_view s = lower;
  for (std::string_view m : kMonths) {
    if (!StartsWith(s, m)) continue;
    size_t i = m.size();
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    while (i < s.size() && (s[i] == '.' || s[i] == ' ' || s[i] == ',')) ++i;
    size_t k = i;
    int y;
    return Digits(s, &k, 4, &y) && k == s.size();
  }
  return false;
}

// ---------------------------------------------------------------------------
// Front matter (rare in review posts, common on concept pages). Skipping it
// matters: md4c would read "title: x\n---" as a setext heading.

struct FrontMatter {
  size_t body_offset = 0;
  int body_line = 1;
  std::string title;
  int title_line = 0;
  std::string date;
  std::vector<std::string> tags;
  std::string error;  // YAML problem, "line: message"
};

FrontMatter ReadFrontMatter(std::string_view text) {
  FrontMatter fm;
  size_t offset = StartsWith(text, "\xEF\xBB\xBF") ? 3 : 0;  // BOM
  std::vector<std::string_view> lines = SplitLines(text.substr(offset));
  if (lines.empty() || TrimRight(lines[0]) != "---") return fm;
  size_t close = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view l = TrimRight(lines[i]);
    if (l == "---" || l == "...") {
      close = i;
      break;
    }
  }
  if (close == 0) return fm;  // an opening rule with no closing one: plain markdown
  size_t yaml_begin = static_cast<size_t>(lines[1].data() - text.data());
  size_t yaml_end = static_cast<size_t>(lines[close].data() - text.data());
  size_t pos = yaml_end + lines[close].size();
  while (pos < text.size() && text[pos] != '\n') ++pos;  // a '\r' that SplitLines dropped
  if (pos < text.size()) ++pos;
  fm.body_offset = pos;
  fm.body_line = static_cast<int>(close) + 2;
  std::string yaml(text.substr(yaml_begin, yaml_end - yaml_begin));
  // yaml-cpp reports errors by throwing; this is where it enters.
  try {
    YAML::Node root = YAML::Load(yaml);
    if (!root.IsMap()) return fm;
    auto scalar = [&](const char* key) -> std::string {
      YAML::Node n = root[key];
      return n && n.IsScalar() ? n.as<std::string>() : std::string();
    };
    fm.title = CollapseSpaces(scalar("title"));
    if (!fm.title.empty()) fm.title_line = root["title"].Mark().line + 2;
    // "date: 2025-10-05" or "date: 2025-10-05T10:00:00" (yaml-cpp keeps it a string).
    std::string date = scalar("date");
    if (auto d = FindDate(std::string_view(date).substr(0, 10)); d && StartsWith(date, FormatDate(*d)))
      fm.date = FormatDate(*d);
    YAML::Node tags = root["tags"];
    if (tags && tags.IsSequence()) {
      for (const auto& t : tags)
        if (t.IsScalar()) fm.tags.push_back(t.as<std::string>());
    } else if (tags && tags.IsScalar()) {
      fm.tags.push_back(tags.as<std::string>());
    }
  } catch (const YAML::Exception& e) {
    fm.error = std::to_string(e.mark.line + 2) + ": front matter is not valid YAML (" + e.msg + ")";
  }
  return fm;
}

// ---------------------------------------------------------------------------
// Headings.

// A backtick group at the end of a heading line: an org tag. `literal` marks
// the "``" that authors leave as an empty tag (CommonMark renders it as two
// literal backticks, not as a code span).
struct TagToken {
  bool literal = false;
};

// Trailing backtick groups of a raw ATX heading line, last first.
std::vector<TagToken> ScanTrailingTags(std::string_view raw) {
  std::vector<TagToken> out;
  std::string_view s = TrimRight(raw);
  // Optional ATX closing sequence: "## Title `org` ##".
  size_t hashes = s.size();
  while (hashes > 0 && s[hashes - 1] == '#') --hashes;
  if (hashes < s.size() && hashes > 0 && (s[hashes - 1] == ' ' || s[hashes - 1] == '\t'))
    s = TrimRight(s.substr(0, hashes));
  while (!s.empty() && s.back() == '`') {
    size_t run_end = s.size();
    size_t run_start = run_end;
    while (run_start > 0 && s[run_start - 1] == '`') --run_start;
    size_t n = run_end - run_start;
    // Look back for the opening run of exactly n backticks.
    size_t j = run_start;
    bool found = false;
    while (j > 0) {
      if (s[j - 1] != '`') {
        --j;
        continue;
      }
      size_t e = j;
      while (j > 0 && s[j - 1] == '`') --j;
      if (e - j == n) {
        found = true;
        break;
      }
    }
    if (found) {
      out.push_back(TagToken{false});
      s = TrimRight(s.substr(0, j));
    } else if (n == 2) {
      out.push_back(TagToken{true});
      s = TrimRight(s.substr(0, run_start));
    } else {
      break;
    }
  }
  return out;
}

struct HeadingInfo {
  std::string visible;  // as rendered (explicit {#id} removed): what the slug is made from
  std::string anchor;
  std::string bare;  // visible without the trailing tags, trimmed
  std::vector<LocatedText> tags;
  bool has_tag_tokens = false;  // trailing tags were written, even empty ones
};

// Splits "Title {#custom-id}" (Docusaurus explicit heading ids).
std::string_view CustomId(std::string* visible) {
  std::string_view v = TrimRight(*visible);
  if (!EndsWith(v, "}")) return {};
  size_t open = v.rfind("{#");
  if (open == std::string_view::npos || v.find('}', open) != v.size() - 1) return {};
  return std::string_view(*visible).substr(open + 2, v.size() - open - 3);
}

HeadingInfo DescribeHeading(const MdBlock& b, const std::vector<std::string_view>& lines) {
  HeadingInfo h;
  h.visible = b.text;
  std::string_view raw = b.end_line >= 1 && static_cast<size_t>(b.end_line) <= lines.size()
                             ? lines[static_cast<size_t>(b.end_line) - 1]
                             : std::string_view();
  std::vector<TagToken> tokens = ScanTrailingTags(raw);
  std::string_view v = Trim(h.visible);
  int span = static_cast<int>(b.code_spans.size()) - 1;
  std::vector<LocatedText> tags;  // last first
  for (const TagToken& t : tokens) {
    v = TrimRight(v);
    if (t.literal) {
      if (!EndsWith(v, "``")) break;
      v.remove_suffix(2);
    } else {
      if (span < 0 || !EndsWith(v, b.code_spans[static_cast<size_t>(span)])) break;
      v.remove_suffix(b.code_spans[static_cast<size_t>(span)].size());
      std::string value = CollapseSpaces(b.code_spans[static_cast<size_t>(span)]);
      if (!value.empty()) tags.push_back(LocatedText{value, b.line});
      --span;
    }
    h.has_tag_tokens = true;
  }
  h.tags.assign(tags.rbegin(), tags.rend());
  h.bare = std::string(Trim(v));
  return h;
}

// "3.   What Does It Take", "2.Lost in Embeddings" -> the text after the
// number; "1.58-bit LLMs" is a title, not a number.
std::string_view StripNumber(std::string_view s, bool* had_number) {
  s = Trim(s);
  size_t i = 0;
  while (i < s.size() && i < 3 && IsDigit(s[i])) ++i;
  *had_number = false;
  if (i == 0 || i >= s.size() || s[i] != '.') return s;
  if (i + 1 < s.size() && IsDigit(s[i + 1])) return s;
  *had_number = true;
  return Trim(s.substr(i + 1));
}

std::string CleanTitle(std::string_view s) {
  std::string t = CollapseSpaces(s);
  // "[MiMo-Embodied]": a link whose URL the author never filled in.
  if (t.size() >= 2 && t.front() == '[' && t.back() == ']' && t.find('[', 1) == std::string::npos)
    t = CollapseSpaces(std::string_view(t).substr(1, t.size() - 2));
  return t;
}

// Generic section names that can sit right under an entry heading without
// being its subtitle.
bool IsSectionName(std::string_view text) {
  static constexpr std::array<std::string_view, 34> kNames = {
      "abstract",     "analysis",      "approach",   "background",  "conclusion",   "conclusions",
      "contribution", "contributions", "discussion", "evaluation",  "experiment",   "experiments",
      "goal",         "goals",         "idea",       "insights",    "introduction", "intro",
      "key idea",     "key ideas",     "limitation", "limitations", "method",       "methods",
      "methodology",  "motivation",    "notes",      "overview",    "references",   "result",
      "results",      "summary",       "takeaways",  "tl;dr"};
  std::string t = AsciiLower(Trim(text));
  while (!t.empty() && (t.back() == ':' || t.back() == '.')) t.pop_back();
  for (std::string_view n : kNames)
    if (t == n) return true;
  return false;
}

// A "### ..." right under an entry heading continues the title (the part after
// a colon, written on its own line). Korean-only headings there are the
// section headings of the 2026 posts ("### 왜 봐야 하는가"): titles in this
// format are English.
bool LooksLikeSubtitle(const HeadingInfo& h) {
  std::string_view t = Trim(h.bare);
  while (!t.empty() && t.front() == ':') t = Trim(t.substr(1));
  return !t.empty() && !ContainsHangul(t) && !IsSectionName(t);
}

// ---------------------------------------------------------------------------
// Entries.

bool IsPaperUrl(std::string_view href) { return ArxivIdFromUrl(href).has_value(); }

bool HasPaperLink(const MdBlock& b) {
  for (const MdLink& l : b.links)
    if (IsPaperUrl(l.href)) return true;
  return false;
}

// "- [Title](https://huggingface.co/papers/ID) (MM-DD)": an item that is a
// paper link first of all.
bool StartsWithPaperLink(const MdBlock& b) {
  if (b.links.empty() || !IsPaperUrl(b.links[0].href)) return false;
  return StartsWith(CollapseSpaces(b.text), b.links[0].text);
}

// Link labels that say "this is the paper" without naming it.
bool IsPaperLabel(std::string_view text, const std::string& title) {
  std::string t = AsciiLower(Trim(text));
  static constexpr std::array<std::string_view, 12> kLabels = {"논문", "논문 링크", "링크", "paper",
                                                               "link", "arxiv",     "pdf",  "huggingface",
                                                               "hf",   "alphaxiv",  "abs",  "hugging face"};
  for (std::string_view l : kLabels)
    if (t == l) return true;
  return !title.empty() && NormalizeName(text) == NormalizeName(title);
}

// Body text as the site shows it, without the MDX and Docusaurus syntax that
// md4c passes through as text. Empty when nothing is left.
TextBlock CleanBlock(const MdBlock& b) {
  TextBlock out;
  out.line = b.line;
  // Code blocks in these reviews are prose: quoted abstracts and tab-indented
  // "•" bullets (which CommonMark reads as indented code). Kept as written.
  if (b.kind == Kind::kCode) {
    out.text = std::string(Trim(b.text));
    return out;
  }
  if (b.kind == Kind::kParagraph) {
    std::string_view t = Trim(b.text);
    // MDX import/export statements (`import blog_x_img0 from './asset/...';`).
    if ((StartsWith(t, "import ") || StartsWith(t, "export ")) &&
        (t.find(" from ") != std::string_view::npos || EndsWith(t, ";")))
      return out;
  }
  std::vector<std::string_view> lines = SplitLines(b.text);
  std::string text;
  int leading_dropped = 0;
  bool any = false;
  for (std::string_view line : lines) {
    std::string_view l = line;
    // Admonition fences ":::tip", ":::note Title", ":::": the marker goes, a title stays.
    if (StartsWith(Trim(l), ":::")) {
      l = Trim(l).substr(3);
      while (!l.empty() && std::isalpha(static_cast<unsigned char>(l.front()))) l.remove_prefix(1);
      l = Trim(l);
      if (l.empty()) {
        if (!any) ++leading_dropped;
        continue;
      }
    }
    if (any) text += '\n';
    text += l;
    any = true;
  }
  // A backslash at the end of a paragraph is not a hard break; it shows literally.
  std::string_view trimmed = TrimRight(text);
  while (!trimmed.empty() && trimmed.back() == '\\')
    trimmed = TrimRight(trimmed.substr(0, trimmed.size() - 1));
  trimmed = Trim(trimmed);
  // Drafts hold "링크" (link) where the notes will go.
  if (trimmed == "링크") return out;
  out.text = std::string(trimmed);
  out.line = b.line + leading_dropped;
  return out;
}

// "**기관:** Google | **추천수:** 34 | **논문:** [HuggingFace](...)" and
// "**기관:** X | [논문 링크](...)" (2026 posts). Returns false when `b` is not
// such a line.
bool ReadOrgLine(const MdBlock& b, ParsedPaper* p, std::vector<LinkRef>* links) {
  if (b.kind != Kind::kParagraph) return false;
  std::string_view text = Trim(b.text);
  std::string_view first = text.substr(0, text.find('|'));
  first = Trim(first);
  static constexpr std::string_view kKey = "기관";
  if (!StartsWith(first, kKey)) return false;
  std::string_view value = Trim(first.substr(kKey.size()));
  if (StartsWith(value, ":")) {
    value.remove_prefix(1);
  } else if (StartsWith(value, "\xEF\xBC\x9A")) {  // full-width colon
    value.remove_prefix(3);
  } else {
    return false;
  }
  // Several labs may share one line: "Google, DeepMind", "A · B".
  std::string list(value);
  for (size_t pos; (pos = list.find("\xC2\xB7")) != std::string::npos;) list.replace(pos, 2, ",");
  size_t start = 0;
  for (size_t i = 0; i <= list.size(); ++i) {
    if (i < list.size() && list[i] != ',' && list[i] != ';') continue;
    std::string org = CollapseSpaces(std::string_view(list).substr(start, i - start));
    start = i + 1;
    // "미확인" (unconfirmed): the post's agent did not find the lab.
    if (!org.empty() && org != "미확인" && AsciiLower(org) != "unknown")
      p->org_tags.push_back(LocatedText{org, b.line});
  }
  for (const MdLink& l : b.links) {
    LinkRef ref{l.href, l.text, l.line};
    if (IsPaperUrl(l.href))
      p->urls.push_back(std::move(ref));
    else
      links->push_back(std::move(ref));
  }
  return true;
}

void SetArxivId(ParsedPaper* p) {
  for (const LinkRef& u : p->urls)
    if (auto id = ArxivIdFromUrl(u.url)) {
      p->arxiv_id = *id;
      return;
    }
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Result<ParsedPost> Run();

 private:
  std::string Where(int line) const { return file_ + ":" + std::to_string(line) + ": "; }
  void Warn(int line, const std::string& msg) { post_.warnings.push_back(Where(line) + msg); }

  void ComputeAnchors();
  void ReadTitleAndDate(const FrontMatter& fm);
  bool IsReview() const;
  size_t SectionEnd(size_t h) const;
  bool IsGroupSection(size_t h) const;
  void AddEntry(size_t h);
  void AddGroup(size_t h);

  std::string_view text_;
  const std::string& file_;
  std::vector<std::string_view> lines_;
  std::vector<MdBlock> blocks_;
  std::vector<HeadingInfo> headings_;  // parallel to blocks_; set for headings
  ParsedPost post_;
  int position_ = 0;
};

void Parser::ComputeAnchors() {
  // github-slugger's occurrence counting, as Docusaurus runs it over every
  // heading of a document in order: the first "x" is "x", later ones "x-1",
  // "x-2"; a generated "x-1" that is taken moves on to "x-1-1".
  std::map<std::string, int> occurrences;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (blocks_[i].kind != Kind::kHeading) continue;
    HeadingInfo& h = headings_[i];
    std::string_view custom = CustomId(&h.visible);
    if (!custom.empty()) {
      h.anchor = std::string(custom);
      h.visible = std::string(TrimRight(std::string_view(h.visible).substr(0, h.visible.rfind("{#"))));
      h.bare = std::string(TrimRight(std::string_view(h.bare).substr(0, h.bare.rfind("{#"))));
    } else {
      std::string slug = DocusaurusSlug(h.visible);
      std::string unique = slug;
      while (occurrences.count(unique)) unique = slug + "-" + std::to_string(++occurrences[slug]);
      occurrences[unique] = 0;
      h.anchor = unique;
    }
    if (!h.anchor.empty()) post_.heading_anchors.push_back(h.anchor);
  }
}

void Parser::ReadTitleAndDate(const FrontMatter& fm) {
  // The title is the H1 (tags dropped: "# [Paper](url) `google`" on a
  // single-paper page); without one, the front matter's, then the first heading.
  std::string h1, first_heading;
  int h1_line = 0, first_heading_line = 0;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (blocks_[i].kind != Kind::kHeading) continue;
    std::string text = CollapseSpaces(headings_[i].bare);
    if (first_heading.empty() && !text.empty()) {
      first_heading = text;
      first_heading_line = blocks_[i].line;
    }
    if (blocks_[i].level == 1 && !text.empty()) {
      h1 = text;
      h1_line = blocks_[i].line;
      break;
    }
  }
  if (!h1.empty()) {
    post_.title = h1;
    post_.title_line = h1_line;
  } else if (!fm.title.empty()) {
    post_.title = fm.title;
    post_.title_line = fm.title_line;
  } else {
    post_.title = first_heading;
    post_.title_line = first_heading_line;
  }
  post_.tags = fm.tags;

  std::string_view base = file_;
  if (size_t slash = base.find_last_of('/'); slash != std::string_view::npos) base.remove_prefix(slash + 1);
  std::optional<Ymd> from_name = FindDate(base);
  std::optional<Ymd> from_title = FindDate(h1);
  if (!from_title) {
    if (auto md = LeadingMonthDay(h1)) {
      // "# 10-07 papers summary": the year comes from the file's path.
      int year = from_name ? from_name->y : FindYear(file_);
      if (year) from_title = Ymd{year, md->first, md->second};
    }
  }
  // The file name wins over the H1: the real posts' H1 dates that disagree
  // are copy-paste slips (20260111.md says "# 2026-01-01 papers review").
  if (!fm.date.empty()) {
    post_.date = fm.date;
  } else if (from_name) {
    post_.date = FormatDate(*from_name);
  } else if (from_title) {
    post_.date = FormatDate(*from_title);
  }
  if (from_title && from_name && FormatDate(*from_title) != FormatDate(*from_name))
    Warn(h1_line, "title date " + FormatDate(*from_title) + " differs from file name date " +
                      FormatDate(*from_name) + "; using the file name's");
}

// A review post lists papers under its H2 headings whatever they hold; other
// pages (concept pages, blog posts about tools) have H2 sections, and only an
// H2 that links a paper is an entry there.
bool Parser::IsReview() const {
  std::string_view path = file_;
  std::string_view base =
      path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
  if (StartsWith(path, "docs/papers/") || path.find("/docs/papers/") != std::string_view::npos ||
      StartsWith(base, "docs-papers-"))
    return true;
  std::string title = AsciiLower(post_.title);
  for (std::string_view key : {"papers summary", "paper summary", "papers review", "paper review", "big tech",
                               "bigtech", "daily papers"})
    if (title.find(key) != std::string::npos) return true;
  if (IsMonthYear(post_.title)) return true;  // "# oct.2025"
  // "# 10-03 논문": a dated title about papers. A dated title alone is not
  // enough: blog posts are dated too.
  std::optional<Ymd> full = FindDate(title);
  bool dated = LeadingMonthDay(title).has_value() || (full && StartsWith(title, FormatDate(*full)));
  return dated && (title.find("paper") != std::string::npos || title.find("논문") != std::string::npos);
}

size_t Parser::SectionEnd(size_t h) const {
  size_t e = h + 1;
  while (e < blocks_.size() && !(blocks_[e].kind == Kind::kHeading && blocks_[e].level <= 2)) ++e;
  return e;
}

// `## Company` over a list of paper links (the monthly big-tech list).
bool Parser::IsGroupSection(size_t h) const {
  const MdBlock& b = blocks_[h];
  const HeadingInfo& info = headings_[h];
  bool numbered = false;
  StripNumber(info.bare, &numbered);
  if (!b.links.empty() || info.has_tag_tokens || numbered || Trim(info.bare).empty()) return false;
  int items = 0;
  for (size_t j = h + 1, e = SectionEnd(h); j < e; ++j) {
    const MdBlock& x = blocks_[j];
    if (x.kind != Kind::kListItem || x.level != 1) continue;
    if (!StartsWithPaperLink(x)) return false;
    ++items;
  }
  return items > 0;
}

void Parser::AddGroup(size_t h) {
  const MdBlock& company = blocks_[h];
  std::string org = CollapseSpaces(headings_[h].bare);
  size_t e = SectionEnd(h);
  for (size_t j = h + 1; j < e; ++j) {
    const MdBlock& item = blocks_[j];
    if (item.kind != Kind::kListItem || item.level != 1) continue;
    ParsedPaper p;
    p.position = ++position_;
    p.line = item.line;
    p.heading = CollapseSpaces(item.text);
    p.title = CleanTitle(item.links[0].text);
    p.urls.push_back(LinkRef{item.links[0].href, item.links[0].text, item.links[0].line});
    p.org_tags.push_back(LocatedText{org, company.line});
    Section notes;
    notes.name = "notes";
    for (size_t k = 1; k < item.links.size(); ++k)
      p.links.push_back(LinkRef{item.links[k].href, item.links[k].text, item.links[k].line});
    // Nested items under the bullet are remarks about that paper.
    for (size_t k = j + 1; k < e && blocks_[k].kind == Kind::kListItem && blocks_[k].level > 1; ++k) {
      TextBlock tb = CleanBlock(blocks_[k]);
      if (!tb.text.empty()) notes.blocks.push_back(std::move(tb));
      for (const MdLink& l : blocks_[k].links) p.links.push_back(LinkRef{l.href, l.text, l.line});
    }
    notes.line = notes.blocks.empty() ? p.line : notes.blocks.front().line;
    p.sections.push_back(std::move(notes));
    SetArxivId(&p);
    post_.papers.push_back(std::move(p));
  }
}

void Parser::AddEntry(size_t h) {
  const MdBlock& b = blocks_[h];
  const HeadingInfo& info = headings_[h];
  bool numbered = false;
  std::string title = CleanTitle(StripNumber(info.bare, &numbered));
  if (title.empty()) {
    Warn(b.line, "entry heading has no title; skipped");
    return;
  }
  ParsedPaper p;
  p.position = ++position_;
  p.line = b.line;
  p.heading = info.visible;
  p.anchor = info.anchor;
  p.org_tags = info.tags;
  for (const MdLink& l : b.links) p.urls.push_back(LinkRef{l.href, l.text, l.line});

  size_t j = h + 1;
  size_t e = SectionEnd(h);
  if (j < e && blocks_[j].kind == Kind::kHeading && LooksLikeSubtitle(headings_[j])) {
    std::string_view sub = Trim(headings_[j].bare);
    while (!sub.empty() && sub.front() == ':') sub = Trim(sub.substr(1));
    p.subtitle = CollapseSpaces(sub);
    p.subtitle_line = blocks_[j].line;
    for (const LocatedText& t : headings_[j].tags) p.org_tags.push_back(t);
    for (const MdLink& l : blocks_[j].links) p.urls.push_back(LinkRef{l.href, l.text, l.line});
    // "## [Name:](url)" over "### rest": the colon belongs to the split.
    if (!title.empty() && title.back() == ':')
      title = CollapseSpaces(std::string_view(title).substr(0, title.size() - 1));
    ++j;
  }
  p.title = title;

  Section notes;
  notes.name = "notes";
  bool org_line_seen = false;
  std::vector<LinkRef> body_links;
  for (; j < e; ++j) {
    const MdBlock& x = blocks_[j];
    if (x.kind == Kind::kHtml || x.kind == Kind::kRule) continue;  // JSX image blocks, separators
    if (!org_line_seen && ReadOrgLine(x, &p, &body_links)) {
      org_line_seen = true;
      continue;
    }
    TextBlock tb =
        x.kind == Kind::kHeading ? TextBlock{x.line, CollapseSpaces(headings_[j].visible)} : CleanBlock(x);
    if (!tb.text.empty()) notes.blocks.push_back(std::move(tb));
    for (const MdLink& l : x.links) body_links.push_back(LinkRef{l.href, l.text, l.line});
  }

  SetArxivId(&p);
  if (p.arxiv_id.empty()) {
    // No paper URL at the heading: a bare URL or a "논문" link under it is the
    // paper's own; a titled link to another paper stays a link.
    for (size_t k = 0; k < body_links.size(); ++k) {
      const LinkRef& l = body_links[k];
      if (!IsPaperUrl(l.url)) continue;
      if (l.text.empty() || l.text == l.url || IsPaperLabel(l.text, p.title)) {
        // A paragraph that is nothing but that URL is not review text.
        std::erase_if(notes.blocks, [&](const TextBlock& tb) { return tb.text == l.url; });
        p.urls.push_back(l);
        body_links.erase(body_links.begin() + static_cast<std::ptrdiff_t>(k));
        SetArxivId(&p);
      }
      break;
    }
  }
  notes.line = notes.blocks.empty() ? p.line : notes.blocks.front().line;
  p.sections.push_back(std::move(notes));
  p.links = std::move(body_links);
  post_.papers.push_back(std::move(p));
}

Result<ParsedPost> Parser::Run() {
  post_.format = "docusaurus";
  FrontMatter fm = ReadFrontMatter(text_);
  if (!fm.error.empty()) post_.warnings.push_back(file_ + ":" + fm.error);
  std::string_view body = text_.substr(fm.body_offset);
  lines_ = SplitLines(body);
  MdOutline outline = OutlineMarkdown(body, fm.body_line);
  if (outline.parse_failed) return Status::InvalidArgument(Where(fm.body_line) + "markdown parser failed");
  blocks_ = std::move(outline.blocks);
  // Raw heading lines are indexed from the body's first line.
  std::vector<std::string_view> padded(static_cast<size_t>(fm.body_line - 1));
  padded.insert(padded.end(), lines_.begin(), lines_.end());
  lines_ = std::move(padded);

  headings_.resize(blocks_.size());
  for (size_t i = 0; i < blocks_.size(); ++i)
    if (blocks_[i].kind == Kind::kHeading) headings_[i] = DescribeHeading(blocks_[i], lines_);
  ComputeAnchors();
  ReadTitleAndDate(fm);

  std::vector<size_t> h2s;
  for (size_t i = 0; i < blocks_.size(); ++i)
    if (blocks_[i].kind == Kind::kHeading && blocks_[i].level == 2) h2s.push_back(i);

  // A grouped list (## Company over bullets of paper links) is recognised by
  // its shape, not by its name: two or more such groups, and no H2 that looks
  // like an entry of its own.
  int groups = 0;
  bool entry_like = false;
  for (size_t h : h2s) {
    if (IsGroupSection(h)) {
      ++groups;
    } else {
      bool numbered = false;
      StripNumber(headings_[h].bare, &numbered);
      if (!blocks_[h].links.empty() || headings_[h].has_tag_tokens || numbered) entry_like = true;
    }
  }
  if (groups >= 2 && !entry_like) {
    for (size_t h : h2s)
      if (IsGroupSection(h)) AddGroup(h);
    return std::move(post_);
  }

  bool review = IsReview();
  for (size_t h : h2s)
    if (review || HasPaperLink(blocks_[h])) AddEntry(h);
  return std::move(post_);
}

}  // namespace

Result<ParsedPost> ParseDocusaurus(std::string_view text, const std::string& file) {
  Parser parser(text, file);
  return parser.Run();
}

}  // namespace pg
