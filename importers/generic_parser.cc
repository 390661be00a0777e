#include "importers/generic_parser.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/arxiv_id.h"
#include "core/text.h"
#include "importers/front_matter.h"
#include "importers/markdown_outline.h"
#include "importers/review_text.h"

// What counts as a paper entry in a blog of unknown layout, in order:
//  - a heading that holds a paper link, or whose next block is just a paper
//    link ("## Title" + "[arXiv](url)"); the blocks under it are its notes;
//  - a list item that holds a paper link (the title is the link text, or the
//    item's bold or plain text when the link text is only "arXiv"/"PDF");
//  - a paragraph that starts with a bold title or with a titled paper link.
// A paper link is one ArxivIdFromUrl understands, or a page on a venue that
// hosts papers (OpenReview, ACL Anthology, NeurIPS, PMLR, CVF, ACM, IEEE,
// doi.org). Links to code, blogs or model cards do not make a paper.
// A plain-text "arXiv:ID" in a heading, list item, paragraph or quote with no
// paper link of its own counts as a link to that paper: the rules above then
// decide whether the block is an entry, so an id cited in a body sentence
// makes no paper, exactly as a link there would not.

namespace pg {
namespace {

using Kind = MdBlock::Kind;

bool IsPaperUrl(std::string_view url) {
  if (ArxivIdFromUrl(url)) return true;
  std::string u = AsciiLower(url);
  if (!u.starts_with("http://") && !u.starts_with("https://")) return false;
  for (std::string_view host : {"openreview.net/forum", "openreview.net/pdf", "aclanthology.org/", "papers.nips.cc/paper",
                                "proceedings.neurips.cc/paper", "proceedings.mlr.press/", "openaccess.thecvf.com/content",
                                "dl.acm.org/doi/", "ieeexplore.ieee.org/document/", "doi.org/10."})
    if (u.find(host) != std::string::npos) return true;
  return false;
}

// Link text that names where the paper is rather than what it is called.
bool IsGenericLinkText(std::string_view text) {
  std::string n = NormalizeName(text);
  if (n.empty() || n.starts_with("http") || n.starts_with("www")) return true;
  if (IsArxivId(Trim(text)) || AsciiLower(Trim(text)).starts_with("arxiv:")) return true;
  static const std::string_view kGeneric[] = {
      "arxiv", "paper", "pdf", "link", "abs", "html", "openreview", "acl anthology", "anthology", "proceedings",
      "here", "project page", "code", "github", "huggingface", "hugging face", "hf", "doi", "arxiv pdf",
      "paper link", "read", "read more", "논문", "논문 링크", "링크", "원문", "논문 보기", "여기", "바로가기"};
  for (std::string_view g : kGeneric)
    if (n == g) return true;
  size_t words = 1;
  for (char c : n) words += c == ' ';
  if (words <= 2)
    for (std::string_view g : {"arxiv", "pdf", "paper", "논문", "링크", "link"})
      if (n.find(g) != std::string::npos) return true;
  return false;
}

// "3. Title" -> "Title".
std::string_view StripNumber(std::string_view s) {
  s = Trim(s);
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > 0 && i <= 4 && i < s.size() && (s[i] == '.' || s[i] == ')')) return Trim(s.substr(i + 1));
  return s;
}

// Trims separators left around a title once a link is cut out of it.
std::string TrimSeparators(std::string_view s) {
  std::string c = CollapseSpaces(s);
  std::string_view v = c;
  auto is_sep = [](std::string_view x, bool front) {
    for (std::string_view sep : {"—", "–", "-", ":", "|", "(", ")", "[", "]", ",", "·", "🔗", "📄"})
      if (front ? x.starts_with(sep) : x.ends_with(sep)) return sep.size();
    return size_t{0};
  };
  for (bool changed = true; changed;) {
    changed = false;
    v = Trim(v);
    if (size_t n = is_sep(v, true)) v.remove_prefix(n), changed = true;
    v = Trim(v);
    if (size_t n = is_sep(v, false)) v.remove_suffix(n), changed = true;
  }
  return std::string(v);
}

// `s` with the first occurrence of each link text removed.
std::string WithoutLinkTexts(std::string_view s, const std::vector<MdLink>& links) {
  std::string out(s);
  for (const MdLink& l : links) {
    if (l.text.empty()) continue;
    size_t at = out.find(l.text);
    if (at != std::string::npos) out.erase(at, l.text.size());
  }
  return out;
}

// What is left of a link line once its links are cut out may only be
// labels ("Paper:", "논문:"), separators and `label: value` fields
// ("기관: Google | 추천수: 34"); a sentence means the link is cited in prose.
bool IsLinkLineResidue(std::string_view residue) {
  size_t start = 0;
  std::string r(residue);
  for (size_t i = 0; i <= r.size(); ++i) {
    bool cut = i == r.size() || r[i] == '|' || r[i] == '\n' || r.compare(i, 2, "·") == 0;
    if (!cut) continue;
    std::string seg = TrimSeparators(std::string_view(r).substr(start, i - start));
    start = i + (i < r.size() && r.compare(i, 2, "·") == 0 ? 2 : 1);
    if (seg.empty() || IsGenericLinkText(seg)) continue;
    size_t colon = seg.find(':');
    if (colon != std::string::npos && colon <= 24 && seg.size() <= 80) continue;  // "기관: Google"
    return false;
  }
  return true;
}

// Plain-text arXiv references in `text` ("arXiv:2312.00752", "ARXIV: 2302.10866v2"),
// each as a link whose text and href are the reference as written, so that
// cutting the link text out of a title cuts the reference. ArxivIdFromUrl
// decides what an id is; this only finds where one may start and end.
std::vector<MdLink> PlainArxivRefs(std::string_view text, int first_line) {
  std::vector<MdLink> out;
  std::string lower = AsciiLower(text);
  auto id_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '/' || c == '-';
  };
  for (size_t at = lower.find("arxiv:"); at != std::string::npos; at = lower.find("arxiv:", at + 6)) {
    if (at > 0 && std::isalnum(static_cast<unsigned char>(lower[at - 1]))) continue;  // "myarxiv:"
    size_t end = at + 6;
    while (end < text.size() && text[end] == ' ') ++end;
    size_t id_start = end;
    while (end < text.size() && id_char(text[end])) ++end;
    while (end > id_start && text[end - 1] == '.') --end;  // a sentence's full stop
    std::string_view ref = text.substr(at, end - at);
    if (end == id_start || !ArxivIdFromUrl(ref)) continue;
    int line = first_line + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    out.push_back(MdLink{std::string(ref), std::string(ref), line});
  }
  return out;
}

// Org values after `Lab:`, `Affiliation:`, `기관:`, `Org:` in one line.
void FindOrgFields(std::string_view line, int lineno, std::vector<LocatedText>* out) {
  static const std::string_view kLabels[] = {"affiliations", "affiliation", "organizations", "organization",
                                             "organisation", "labs", "lab", "orgs", "org", "기관", "소속"};
  std::string lower = AsciiLower(line);
  for (size_t i = 0; i < lower.size(); ++i) {
    if (i > 0) {
      unsigned char p = static_cast<unsigned char>(lower[i - 1]);
      if (std::isalnum(p) || p >= 0x80) continue;  // inside a word ("Collab:")
    }
    for (std::string_view label : kLabels) {
      if (lower.compare(i, label.size(), label) != 0) continue;
      size_t j = i + label.size();
      while (j < lower.size() && lower[j] == ' ') ++j;
      if (lower.compare(j, 1, ":") == 0) {
        j += 1;
      } else if (lower.compare(j, 3, "：") == 0) {
        j += 3;
      } else {
        continue;
      }
      size_t end = line.find_first_of("|)\n", j);
      if (end == std::string_view::npos) end = line.size();
      std::string_view value = line.substr(j, end - j);
      i = end;  // the value is read; go on after it
      if (value.size() > 200) break;  // a sentence, not a list of labs
      size_t start = 0;
      for (size_t k = 0; k <= value.size(); ++k) {
        bool cut = k == value.size() || value[k] == ',' || value[k] == ';' || value[k] == '/' || value[k] == '&';
        if (!cut && value.compare(k, 2, "·") == 0) cut = true;
        if (!cut) continue;
        std::string v = CollapseSpaces(value.substr(start, k - start));
        std::string lv = AsciiLower(v);
        if (!v.empty() && lv != "unknown" && lv != "n/a" && lv != "-" && v != "미확인" && v != "없음")
          out->push_back(LocatedText{v, lineno});
        start = k + (value.compare(k, 2, "·") == 0 ? 2 : 1);
      }
      break;
    }
  }
}

// A `<h2>...</h2>` inside an HTML block, as if it were a markdown heading.
std::vector<MdBlock> HtmlHeadings(const MdBlock& html) {
  std::vector<MdBlock> out;
  std::string_view s = html.text;
  std::string lower = AsciiLower(s);
  size_t pos = 0, rest_from = 0;
  std::string rest;
  std::vector<MdLink> rest_links;
  // `<a href="...">text</a>` between `from` and `to`. Each look is bounded
  // to a window, so text full of "<a " stays linear.
  auto links_in = [&](size_t from, size_t to, int line, std::vector<MdLink>* links) {
    std::string_view region = std::string_view(lower).substr(0, to);
    for (size_t a = region.find("<a ", from); a != std::string_view::npos; a = region.find("<a ", a + 3)) {
      std::string_view tag = region.substr(a, 2000);
      size_t gt = tag.find('>');
      if (gt == std::string_view::npos) continue;
      tag = tag.substr(0, gt);
      size_t href = tag.find("href=");
      if (href == std::string_view::npos || href + 5 >= tag.size()) continue;
      char q = tag[href + 5];
      if (q != '"' && q != '\'') continue;
      size_t vend = tag.find(q, href + 6);
      if (vend == std::string_view::npos) continue;
      size_t text_start = a + gt + 1;
      size_t close = region.substr(text_start, 2000).find("</a>");
      size_t text_len = close == std::string_view::npos ? 0 : close;
      links->push_back(MdLink{CollapseSpaces(StripInlineTags(s.substr(text_start, text_len))),
                              std::string(s.substr(a + href + 6, vend - href - 6)), line});
    }
  };
  while ((pos = lower.find("<h", pos)) != std::string::npos) {
    if (pos + 2 >= lower.size() || lower[pos + 2] < '1' || lower[pos + 2] > '6') {
      pos += 2;
      continue;
    }
    int level = lower[pos + 2] - '0';
    size_t open_end = lower.find('>', pos);
    std::string close_tag = "</h" + std::string(1, lower[pos + 2]) + ">";
    size_t close = lower.find(close_tag, open_end == std::string::npos ? pos : open_end);
    if (open_end == std::string::npos || close == std::string::npos) break;
    rest += s.substr(rest_from, pos - rest_from);
    MdBlock h;
    h.kind = Kind::kHeading;
    h.level = level;
    h.line = html.line + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<long>(pos), '\n'));
    h.end_line = h.line;
    h.text = CollapseSpaces(StripInlineTags(s.substr(open_end + 1, close - open_end - 1)));
    links_in(open_end, close, h.line, &h.links);
    out.push_back(std::move(h));
    pos = rest_from = close + close_tag.size();
  }
  if (out.empty()) return out;
  rest += s.substr(rest_from);
  std::string text = CleanText(rest);
  if (!text.empty()) {
    MdBlock p;
    p.kind = Kind::kParagraph;
    p.line = out.back().line + 1;
    p.end_line = html.end_line;
    p.text = text;
    links_in(rest_from, lower.size(), p.line, &p.links);
    out.push_back(std::move(p));
  }
  return out;
}

class GenericParser {
 public:
  GenericParser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Result<ParsedPost> Parse() {
    Result<SplitPost> split = SplitFrontMatter(text_, file_);
    if (!split.ok()) return split.status();
    post_.format = "generic";
    post_.title = split->front.title;
    post_.title_line = split->front.title_line;
    post_.date = !split->front.date.empty() ? split->front.date : DateFromFileName(file_);
    post_.tags = split->front.tags;
    post_.warnings = std::move(split->warnings);
    body_ = split->body;
    body_line_ = split->body_line;
    IndexLines();

    MdOutline outline = OutlineMarkdown(body_, body_line_);
    if (outline.parse_failed) return Status::InvalidArgument(file_ + ": the markdown parser gave up on this file");
    for (MdBlock& b : outline.blocks) {
      // md4c makes some `<h2>` lines HTML blocks and others paragraphs of
      // raw inline HTML; both hold the tags as text.
      bool html = b.kind == Kind::kHtml ||
                  (b.kind == Kind::kParagraph && b.text.size() > 3 && b.text[0] == '<' &&
                   (b.text[1] == 'h' || b.text[1] == 'H') && b.text[2] >= '1' && b.text[2] <= '6');
      std::vector<MdBlock> hs = html ? HtmlHeadings(b) : std::vector<MdBlock>{};
      if (hs.empty()) {
        blocks_.push_back(std::move(b));
      } else {
        for (MdBlock& h : hs) blocks_.push_back(std::move(h));
      }
    }
    for (MdBlock& b : blocks_) {
      own_links_.push_back(b.links.size());
      bool prose = b.kind == Kind::kHeading || b.kind == Kind::kParagraph || b.kind == Kind::kListItem ||
                   b.kind == Kind::kQuote;
      if (!prose || FirstPaperLink(b)) continue;  // a paper link says more than a bare id
      for (MdLink& l : PlainArxivRefs(b.text, b.line)) b.links.push_back(std::move(l));
    }
    Walk();
    if (post_.title.empty())
      for (const MdBlock& b : blocks_)
        if (b.kind == Kind::kHeading && b.level == 1) {
          post_.title = CollapseSpaces(b.text);
          post_.title_line = b.line;
          break;
        }
    return std::move(post_);
  }

 private:
  enum class EntryKind { kNone, kHeading, kListItem, kParagraph };

  void IndexLines() {
    size_t start = 0;
    while (start <= body_.size()) {
      size_t nl = body_.find('\n', start);
      if (nl == std::string_view::npos) nl = body_.size();
      lines_.push_back(body_.substr(start, nl - start));
      start = nl + 1;
    }
  }

  std::string_view SourceLine(int line) const {
    int i = line - body_line_;
    return i >= 0 && static_cast<size_t>(i) < lines_.size() ? lines_[static_cast<size_t>(i)] : std::string_view();
  }

  // `**Title**` (or `__Title__`) opening the block's first source line,
  // after any list marker or quote marks. md4c drops emphasis from the text,
  // so the source line is read; a bounded scan, not a regex.
  std::optional<std::string> BoldPrefix(const MdBlock& b) const {
    std::string_view s = SourceLine(b.line);
    size_t i = 0;
    auto skip_spaces = [&] {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    };
    skip_spaces();
    while (i < s.size() && s[i] == '>') ++i, skip_spaces();
    if (i < s.size() && (s[i] == '-' || s[i] == '*' || s[i] == '+') && i + 1 < s.size() && s[i + 1] == ' ') {
      i += 2;
    } else {
      size_t d = i;
      while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
      if (d > i && d + 1 < s.size() && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') i = d + 2;
    }
    skip_spaces();
    if (s.compare(i, 2, "**") != 0 && s.compare(i, 2, "__") != 0) return std::nullopt;
    std::string_view mark = s.substr(i, 2);
    size_t end = s.find(mark, i + 2);
    if (end == std::string_view::npos || end == i + 2) return std::nullopt;
    // A bold link "**[Title](url)**" is a titled link, handled elsewhere.
    std::string_view inner = s.substr(i + 2, end - i - 2);
    if (inner.starts_with("[")) return std::nullopt;
    std::string t = TrimSeparators(inner);
    if (t.empty()) return std::nullopt;
    return t;
  }

  static const MdLink* FirstPaperLink(const MdBlock& b) {
    for (const MdLink& l : b.links)
      if (IsPaperUrl(l.href)) return &l;
    return nullptr;
  }

  // A block that is little more than a paper link: "[arXiv](url)",
  // "Paper: https://...", "**기관:** Google | [논문 링크](url)".
  static const MdLink* LinkLine(const MdBlock& b, const std::string& title) {
    if (b.kind != Kind::kParagraph && b.kind != Kind::kListItem && b.kind != Kind::kQuote) return nullptr;
    const MdLink* l = FirstPaperLink(b);
    if (!l) return nullptr;
    if (!IsGenericLinkText(l->text) && NormalizeName(l->text) != NormalizeName(title)) return nullptr;
    if (!IsLinkLineResidue(WithoutLinkTexts(b.text, b.links))) return nullptr;
    return l;
  }

  void Walk() {
    EntryKind kind = EntryKind::kNone;
    int entry_level = 0;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const MdBlock& b = blocks_[i];
      if (b.kind == Kind::kHeading) {
        if (kind == EntryKind::kHeading && b.level > entry_level) {
          AddNotes(i);
          continue;
        }
        kind = EntryKind::kNone;
        if (TryHeading(i)) {
          kind = EntryKind::kHeading;
          entry_level = b.level;
        }
        continue;
      }
      if (consumed_ == i) continue;
      if (kind == EntryKind::kHeading) {
        AddNotes(i);
        continue;
      }
      if (kind == EntryKind::kListItem && b.kind == Kind::kListItem && b.level > entry_level) {
        AddNotes(i);
        continue;
      }
      if (b.kind == Kind::kListItem || b.kind == Kind::kParagraph) {
        if (TryBlockEntry(i)) {
          kind = b.kind == Kind::kListItem ? EntryKind::kListItem : EntryKind::kParagraph;
          entry_level = b.level;
          continue;
        }
      }
      if (kind == EntryKind::kParagraph && b.kind != Kind::kCode) {
        AddNotes(i);
        continue;
      }
      if (kind == EntryKind::kListItem) kind = EntryKind::kNone;
    }
  }

  ParsedPaper& NewPaper(const MdBlock& b) {
    ParsedPaper p;
    p.position = static_cast<int>(post_.papers.size()) + 1;
    p.line = b.line;
    p.heading = CollapseSpaces(b.text);
    post_.papers.push_back(std::move(p));
    return post_.papers.back();
  }

  static void AddUrl(ParsedPaper* p, const MdLink& l) {
    for (const LinkRef& u : p->urls)
      if (u.url == l.href) return;
    p->urls.push_back(LinkRef{l.href, l.text, l.line});
    if (p->arxiv_id.empty())
      if (auto id = ArxivIdFromUrl(l.href)) p->arxiv_id = *id;
  }

  // The entry's own block: paper links to urls, others to links, org fields.
  static void ReadEntryBlock(const MdBlock& b, ParsedPaper* p) {
    for (const MdLink& l : b.links) {
      if (IsPaperUrl(l.href))
        AddUrl(p, l);
      else
        p->links.push_back(LinkRef{l.href, l.text, l.line});
    }
    ReadOrgs(b, p);
  }

  static void ReadOrgs(const MdBlock& b, ParsedPaper* p) {
    std::string stripped = StripInlineTags(b.text);
    std::string_view t = stripped;
    int line = b.line;
    size_t start = 0;
    while (start <= t.size()) {
      size_t nl = t.find('\n', start);
      if (nl == std::string_view::npos) nl = t.size();
      FindOrgFields(t.substr(start, nl - start), line, &p->org_tags);
      start = nl + 1;
      ++line;
    }
  }

  bool TryHeading(size_t i) {
    const MdBlock& h = blocks_[i];
    std::string text(StripNumber(h.text));
    // Trailing `code` spans are lab tags, as Docusaurus posts write them.
    std::vector<LocatedText> tags;
    for (auto it = h.code_spans.rbegin(); it != h.code_spans.rend(); ++it) {
      std::string_view t = Trim(text);
      std::string span = CollapseSpaces(*it);
      if (span.empty() || !t.ends_with(span)) break;
      tags.insert(tags.begin(), LocatedText{span, h.line});
      text = std::string(Trim(t.substr(0, t.size() - span.size())));
    }
    const MdLink* link = FirstPaperLink(h);
    const MdLink* next_link = nullptr;
    std::string title;
    if (link) {
      title = IsGenericLinkText(link->text) ? TrimSeparators(WithoutLinkTexts(text, {*link})) : link->text;
      if (title.empty()) title = link->text;
    } else {
      title = TrimSeparators(text);
      if (i + 1 < blocks_.size()) next_link = LinkLine(blocks_[i + 1], title);
      // "## 논문 링크" + "[arXiv](url)" is a label, not a title.
      if (!next_link || title.empty() || IsGenericLinkText(title)) return false;
    }
    ParsedPaper& p = NewPaper(h);
    p.title = CollapseSpaces(title);
    p.org_tags = std::move(tags);
    ReadEntryBlock(h, &p);
    if (next_link) {
      AddUrl(&p, *next_link);
      ReadEntryBlock(blocks_[i + 1], &p);
      consumed_ = i + 1;
    }
    return true;
  }

  // A list item or paragraph that names a paper.
  bool TryBlockEntry(size_t i) {
    const MdBlock& b = blocks_[i];
    const MdLink* link = FirstPaperLink(b);
    std::optional<std::string> bold = BoldPrefix(b);
    std::string title;
    const MdLink* next_link = nullptr;
    if (link && !IsGenericLinkText(link->text)) {
      // A paragraph names a paper only when it opens with the link (or a bold
      // title); a sentence citing a paper in passing is review text.
      std::string_view first = Trim(b.text);
      if (b.kind == Kind::kParagraph && !bold && !first.starts_with(link->text)) return false;
      title = bold && b.kind == Kind::kParagraph && !first.starts_with(link->text) ? *bold : link->text;
    } else if (link) {
      if (bold) {
        title = *bold;
      } else {
        std::string_view first = b.text;
        first = first.substr(0, first.find('\n'));
        title = TrimSeparators(WithoutLinkTexts(first, b.links));
        if (b.kind == Kind::kParagraph || title.size() > 300) return false;
      }
    } else if (bold && i + 1 < blocks_.size()) {
      title = *bold;
      next_link = LinkLine(blocks_[i + 1], title);
      if (!next_link) return false;
    } else {
      return false;
    }
    if (title.empty()) return false;
    ParsedPaper& p = NewPaper(b);
    p.title = CollapseSpaces(title);
    ReadEntryBlock(b, &p);
    if (next_link) {
      AddUrl(&p, *next_link);
      ReadEntryBlock(blocks_[i + 1], &p);
      consumed_ = i + 1;
    }
    // The rest of the entry's own text (not its link lines) is its first note.
    std::string rest = CleanText(b.text), note;
    size_t start = rest.find('\n');
    while (start != std::string::npos && start < rest.size()) {
      size_t nl = rest.find('\n', start + 1);
      std::string_view line = std::string_view(rest).substr(start + 1, nl == std::string::npos ? nl : nl - start - 1);
      std::string residue = TrimSeparators(WithoutLinkTexts(line, b.links));
      if (!residue.empty() && !IsGenericLinkText(residue)) {
        if (!note.empty()) note += '\n';
        note += line;
      }
      start = nl;
    }
    AddNoteText(b.line + 1, note);
    return true;
  }

  void AddNoteText(int line, std::string text) {
    if (text.empty() || post_.papers.empty()) return;
    ParsedPaper& p = post_.papers.back();
    if (p.sections.empty()) p.sections.push_back(Section{"notes", line, {}});
    p.sections.back().blocks.push_back(TextBlock{line, std::move(text)});
  }

  void AddNotes(size_t i) {
    const MdBlock& b = blocks_[i];
    if (post_.papers.empty() || b.kind == Kind::kCode || b.kind == Kind::kRule) return;
    ParsedPaper& p = post_.papers.back();
    // Only the links md4c found: a note's plain-text arXiv references are
    // prose, not links.
    for (size_t k = 0; k < own_links_[i]; ++k) {
      const MdLink& l = b.links[k];
      p.links.push_back(LinkRef{l.href, l.text, l.line});
    }
    ReadOrgs(b, &p);
    AddNoteText(b.line, CleanText(b.text));
  }

  std::string_view text_;
  const std::string& file_;
  std::string_view body_;
  int body_line_ = 1;
  std::vector<std::string_view> lines_;
  std::vector<MdBlock> blocks_;
  // Per block, how many of its links md4c found; the rest are plain-text
  // arXiv references (PlainArxivRefs), which count only for entries.
  std::vector<size_t> own_links_;
  size_t consumed_ = static_cast<size_t>(-1);  // a link line already read with its entry
  ParsedPost post_;
};

}  // namespace

Result<ParsedPost> ParseGeneric(std::string_view text, const std::string& file) {
  return GenericParser(text, file).Parse();
}

}  // namespace pg
