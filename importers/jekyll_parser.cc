#include "importers/jekyll_parser.h"

#include <cctype>
#include <optional>

#include "core/arxiv_id.h"
#include "core/text.h"
#include "importers/front_matter.h"
#include "importers/generic_parser.h"
#include "importers/markdown_outline.h"
#include "importers/review_text.h"

namespace pg {
namespace {

using Kind = MdBlock::Kind;

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && AsciiLower(s.substr(0, prefix.size())) == AsciiLower(prefix);
}

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool HasHangul(std::string_view s) {
  // Hangul syllables U+AC00..U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8.
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xEA && c <= 0xED) return true;
  }
  return false;
}

// "정보 부족" ("insufficient information") is the summarizer's null value.
bool IsNoInfo(std::string_view text) {
  std::string t = CollapseSpaces(text);
  std::string_view v = t;
  while (!v.empty() && (v.back() == '.' || v.back() == ' ')) v.remove_suffix(1);
  return v == "정보 부족" || v == "정보 부족함" || v == "정보가 부족함" || v == "정보 없음" || v == "N/A";
}

// "12. rest" (or "12) rest", "12.rest"): the rest; nullopt when the text
// does not start with a number.
std::optional<std::string_view> AfterNumber(std::string_view s) {
  s = Trim(s);
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i > 4 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return std::nullopt;
  return Trim(s.substr(i + 1));
}

bool IsPaperUrl(std::string_view url) {
  if (ArxivIdFromUrl(url)) return true;
  std::string u = AsciiLower(url);
  for (std::string_view host : {"openreview.net/", "aclanthology.org/", "papers.nips.cc/", "proceedings.neurips.cc/",
                                "proceedings.mlr.press/", "openaccess.thecvf.com/", "dl.acm.org/doi/",
                                "ieeexplore.ieee.org/document/", "doi.org/"})
    if (Contains(u, host)) return true;
  return false;
}

void AddUrl(ParsedPaper* paper, const std::string& url, const std::string& text, int line) {
  for (const LinkRef& u : paper->urls)
    if (u.url == url) return;
  paper->urls.push_back(LinkRef{url, text, line});
  if (paper->arxiv_id.empty())
    if (auto id = ArxivIdFromUrl(url)) paper->arxiv_id = *id;
}

void AddBlock(Section* section, int line, std::string_view raw) {
  std::string text = CleanText(raw);
  if (text.empty() || IsNoInfo(text)) return;
  section->blocks.push_back(TextBlock{line, std::move(text)});
}

// Canonical name of a Daily Papers section heading ("Method  " -> "method"),
// or of a free-form review's heading ("✏️Conclusion and Code" ->
// "conclusion"); "" when it is none of the five.
std::string SectionName(std::string_view heading) {
  std::string h = AsciiLower(CollapseSpaces(heading));
  std::string_view v = h;
  if (auto rest = AfterNumber(v)) v = *rest;
  while (!v.empty() && !std::isalpha(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  if (v.starts_with("introduction")) return "introduction";
  if (v.starts_with("method") || v.starts_with("approach")) return "method";
  if (v.starts_with("result") || v.starts_with("experiment")) return "results";
  if (v.starts_with("limitation")) return "limitations";
  if (v.starts_with("conclusion") || Contains(v, "& conclusion") || Contains(v, "and conclusion"))
    return "conclusion";
  return "";
}

// "Goal: text" -> {"goal", "text"}; the bullets of an Introduction.
std::optional<std::pair<std::string, std::string_view>> SplitLabel(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kLabels[] = {
      {"goal", "goal"},         {"goals", "goal"},       {"motivation", "motivation"},
      {"contribution", "contribution"}, {"contributions", "contribution"}, {"목표", "goal"},
      {"동기", "motivation"},   {"기여", "contribution"}};
  text = Trim(text);
  for (const auto& [label, name] : kLabels) {
    if (!StartsWithNoCase(text, label)) continue;
    std::string_view rest = Trim(text.substr(label.size()));
    if (rest.starts_with(":")) return std::make_pair(std::string(name), Trim(rest.substr(1)));
    if (rest.starts_with("：")) return std::make_pair(std::string(name), Trim(rest.substr(3)));
  }
  return std::nullopt;
}

// An entry heading of a Daily Papers post: `# N. [Title](arXiv URL)`, or the
// early `### N. [Title broken` whose link md4c could not see.
bool IsEntryHeading(const std::vector<MdBlock>& blocks, size_t i) {
  const MdBlock& b = blocks[i];
  if (b.kind != Kind::kHeading || b.level > 3) return false;
  auto rest = AfterNumber(b.text);
  if (!rest) return false;
  if (!b.links.empty()) return ArxivIdFromUrl(b.links.front().href).has_value();
  if (!rest->starts_with("[")) return false;
  // The link's end is in one of the next paragraphs, before any heading.
  for (size_t j = i + 1; j < blocks.size() && j <= i + 3 && blocks[j].kind != Kind::kHeading; ++j)
    for (const MdLink& l : blocks[j].links)
      if (ArxivIdFromUrl(l.href)) return true;
  return false;
}

class JekyllParser {
 public:
  JekyllParser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Result<ParsedPost> Parse() {
    Result<SplitPost> split = SplitFrontMatter(text_, file_);
    if (!split.ok()) return split.status();
    front_ = split->front;
    post_.format = "jekyll";
    post_.title = front_.title;
    post_.title_line = front_.title_line;
    post_.date = !front_.date.empty() ? front_.date : DateFromFileName(file_);
    post_.tags = front_.tags;
    post_.warnings = std::move(split->warnings);

    MdOutline outline = OutlineMarkdown(split->body, split->body_line);
    if (outline.parse_failed) return Status::InvalidArgument(file_ + ": the markdown parser gave up on this file");
    blocks_ = std::move(outline.blocks);

    std::vector<size_t> entries;
    for (size_t i = 0; i < blocks_.size(); ++i)
      if (IsEntryHeading(blocks_, i)) entries.push_back(i);
    for (size_t k = 0; k < entries.size(); ++k)
      ParseEntry(entries[k], k + 1 < entries.size() ? entries[k + 1] : blocks_.size());
    if (entries.empty()) {
      Status s = ParseReview();
      if (!s.ok()) return s;
    }
    if (post_.title.empty()) {
      for (const MdBlock& b : blocks_)
        if (b.kind == Kind::kHeading && b.level == 1) {
          post_.title = CollapseSpaces(b.text);
          post_.title_line = b.line;
          break;
        }
    }
    return std::move(post_);
  }

 private:
  // One `# N. [Title](url)` entry: blocks [i, end).
  void ParseEntry(size_t i, size_t end) {
    const MdBlock& h = blocks_[i];
    ParsedPaper paper;
    paper.position = static_cast<int>(post_.papers.size()) + 1;
    paper.line = h.line;
    paper.heading = CollapseSpaces(h.text);
    std::vector<bool> used(end - i, false);
    if (!h.links.empty()) {
      paper.title = CollapseSpaces(h.links.front().text);
      AddUrl(&paper, h.links.front().href, paper.title, h.links.front().line);
    } else {
      // `### 1. [Title first half` + blank line + `second half](url)`.
      std::string title(AfterNumber(h.text)->substr(1));
      for (size_t j = i + 1; j < end && j <= i + 3 && blocks_[j].kind == Kind::kParagraph; ++j) {
        used[j - i] = true;
        std::string_view t = blocks_[j].text;
        size_t close = t.find("](");
        title += " ";
        title += t.substr(0, close);
        for (const MdLink& l : blocks_[j].links) AddUrl(&paper, l.href, "", l.line);
        if (close != std::string_view::npos) break;
      }
      paper.title = CollapseSpaces(title);
      // As it would render had the link worked: "1. Title".
      std::string_view number = Trim(h.text);
      number = number.substr(0, number.find_first_of(".)") + 1);
      paper.heading = std::string(number) + " " + paper.title;
    }

    Section* current = nullptr;
    bool in_intro = false;
    for (size_t j = i + 1; j < end; ++j) {
      if (used[j - i]) continue;
      const MdBlock& b = blocks_[j];
      if (b.kind == Kind::kHeading) {
        std::string name = SectionName(b.text);
        in_intro = name == "introduction";
        paper.sections.push_back(Section{name.empty() ? "notes" : name, b.line, {}});
        current = &paper.sections.back();
        if (name.empty()) AddBlock(current, b.line, b.text);
        continue;
      }
      if (b.kind == Kind::kCode || b.kind == Kind::kRule) continue;
      if (current == nullptr && ReadEntryPreamble(b, &paper)) continue;
      if (current == nullptr) {
        paper.sections.push_back(Section{"notes", b.line, {}});
        current = &paper.sections.back();
      }
      CollectLinks(b, &paper);
      if (in_intro && b.kind == Kind::kListItem) {
        if (auto label = SplitLabel(b.text)) {
          Section s{label->first, b.line, {}};
          AddBlock(&s, b.line, label->second);
          // Keep `current` valid: insert labeled sections, then re-point.
          size_t at = static_cast<size_t>(current - paper.sections.data());
          paper.sections.push_back(std::move(s));
          current = &paper.sections[at];
          continue;
        }
      }
      AddBlock(current, b.line, b.text);
    }
    DropEmptySections(&paper);
    if (paper.title.empty()) post_.warnings.push_back(Where(h.line) + "paper entry has no title");
    post_.papers.push_back(std::move(paper));
  }

  // Blocks between an entry heading and its first section: the Alphaxiv
  // quote and the early posts' `제목:` / `arXiv:` lines. True when consumed.
  bool ReadEntryPreamble(const MdBlock& b, ParsedPaper* paper) {
    if (b.kind == Kind::kQuote && !b.links.empty()) {
      bool all_papers = true;
      for (const MdLink& l : b.links) all_papers = all_papers && IsPaperUrl(l.href);
      if (!all_papers) return false;
      for (const MdLink& l : b.links) AddUrl(paper, l.href, l.text, l.line);
      return true;
    }
    if (b.kind != Kind::kParagraph) return false;
    std::string_view t = Trim(b.text);
    if (!t.starts_with("제목:") && !t.starts_with("제목 :") && !StartsWithNoCase(t, "arxiv:")) return false;
    // 제목: may continue on the next lines, up to the `arXiv:` line.
    std::string title;
    bool in_title = false;
    size_t start = 0;
    while (start <= t.size()) {
      size_t nl = t.find('\n', start);
      if (nl == std::string_view::npos) nl = t.size();
      std::string_view line = Trim(t.substr(start, nl - start));
      if (line.starts_with("제목")) {
        in_title = true;
        title = std::string(Trim(line.substr(line.find(':') + 1)));
      } else if (StartsWithNoCase(line, "arxiv:")) {
        in_title = false;
      } else if (in_title) {
        title += " ";
        title += line;
      }
      start = nl + 1;
    }
    if (!title.empty()) paper->title = CollapseSpaces(title);
    for (const MdLink& l : b.links)
      if (IsPaperUrl(l.href)) AddUrl(paper, l.href, l.text, l.line);
    return true;
  }

  void CollectLinks(const MdBlock& b, ParsedPaper* paper, const std::string& except = "") {
    for (const MdLink& l : b.links)
      if (l.href != except) paper->links.push_back(LinkRef{l.href, l.text, l.line});
  }

  static void DropEmptySections(ParsedPaper* paper) {
    std::vector<Section> kept;
    for (Section& s : paper->sections)
      if (!s.blocks.empty()) kept.push_back(std::move(s));
    paper->sections = std::move(kept);
  }

  // A post without Daily Papers entries: a 2023-24 single-paper review, or
  // some other Jekyll post (generic entries, or nothing).
  Status ParseReview() {
    std::optional<size_t> h1;
    for (size_t i = 0; i < blocks_.size(); ++i)
      if (blocks_[i].kind == Kind::kHeading && blocks_[i].level == 1) {
        h1 = i;
        break;
      }
    size_t pre_begin = h1 ? *h1 + 1 : 0, pre_end = pre_begin;
    while (pre_end < blocks_.size() && blocks_[pre_end].kind != Kind::kHeading) ++pre_end;

    const MdLink* paper_link = nullptr;
    for (size_t i = pre_begin; i < pre_end && !paper_link; ++i)
      for (const MdLink& l : blocks_[i].links)
        if (IsPaperUrl(l.href)) {
          paper_link = &l;
          break;
        }
    std::string h1_text = h1 ? CollapseSpaces(blocks_[*h1].text) : "";
    bool review = StartsWithNoCase(front_.title, "[paper review]") || Contains(h1_text, "논문 리뷰") ||
                  Contains(AsciiLower(h1_text), "paper review");
    if (!review) {
      // Not this blog's review layout: let the generic finder look for a list of papers.
      Result<ParsedPost> generic = ParseGeneric(text_, file_);
      if (generic.ok() && !generic->papers.empty()) {
        post_.papers = std::move(generic->papers);
        for (std::string& w : generic->warnings) post_.warnings.push_back(std::move(w));
        return Status::OK();
      }
      if (!paper_link) return Status::OK();
    }

    ParsedPaper paper;
    paper.position = 1;
    paper.line = h1 ? blocks_[*h1].line : (front_.title_line ? front_.title_line : 1);
    paper.heading = h1 ? h1_text : front_.title;
    paper.title = ReviewTitle(pre_begin, pre_end, paper_link, h1_text);
    if (paper_link) AddUrl(&paper, paper_link->href, paper_link->text, paper_link->line);

    // Sections start at the review's top heading level (`##` in most posts,
    // `###` in some).
    int section_level = 6;
    for (size_t i = pre_end; i < blocks_.size(); ++i)
      if (blocks_[i].kind == Kind::kHeading && blocks_[i].level > 1 && blocks_[i].level < section_level)
        section_level = blocks_[i].level;
    Section* current = nullptr;
    for (size_t i = pre_begin; i < blocks_.size(); ++i) {
      const MdBlock& b = blocks_[i];
      if (b.kind == Kind::kCode || b.kind == Kind::kRule || b.kind == Kind::kHtml) continue;
      if (b.kind == Kind::kHeading && b.level <= section_level) {
        std::string name = SectionName(b.text);
        paper.sections.push_back(Section{name.empty() ? "notes" : name, b.line, {}});
        current = &paper.sections.back();
        if (name.empty()) AddBlock(current, b.line, b.text);
        continue;
      }
      if (current == nullptr) {
        paper.sections.push_back(Section{"notes", b.line, {}});
        current = &paper.sections.back();
      }
      CollectLinks(b, &paper, paper_link ? paper_link->href : "");
      if (i < pre_end && IsTitleLine(b.text)) continue;
      AddBlock(current, b.line, b.text);
    }
    DropEmptySections(&paper);
    post_.papers.push_back(std::move(paper));
    return Status::OK();
  }

  // `제목 : X` or `Title: X`: the reviewed paper's full title.
  static std::optional<std::string> TitleLineValue(std::string_view text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = Trim(text.substr(start, nl - start));
      for (std::string_view label : {"제목", "논문 제목", "Title"}) {
        if (!StartsWithNoCase(line, label)) continue;
        std::string_view rest = Trim(line.substr(label.size()));
        if (rest.starts_with(":")) {
          std::string v = CollapseSpaces(rest.substr(1));
          if (!v.empty()) return v;
        }
      }
      start = nl + 1;
    }
    return std::nullopt;
  }

  static bool IsTitleLine(std::string_view text) { return TitleLineValue(text).has_value(); }

  // The reviewed paper's title, from the most explicit source there is.
  std::string ReviewTitle(size_t pre_begin, size_t pre_end, const MdLink* paper_link,
                          const std::string& h1_text) const {
    for (size_t i = pre_begin; i < pre_end; ++i)
      if (auto v = TitleLineValue(blocks_[i].text)) return *v;
    for (size_t i = pre_begin; i < pre_end; ++i) {
      // "논문 제목은 X이다" ("the paper's title is X").
      std::string_view t = blocks_[i].text;
      size_t at = t.find("논문 제목은");
      if (at == std::string_view::npos) continue;
      std::string_view rest = t.substr(at + std::string_view("논문 제목은").size());
      size_t end = rest.find("이다");
      if (end == std::string_view::npos) end = rest.find("입니다");
      if (end != std::string_view::npos && end > 0) return CollapseSpaces(rest.substr(0, end));
    }
    if (paper_link) {
      // "[arxiv : Generative Modeling by ...](url)".
      std::string_view text = paper_link->text;
      size_t colon = text.find(':');
      if (colon != std::string_view::npos && colon < 12) {
        std::string v = CollapseSpaces(text.substr(colon + 1));
        if (v.size() > 8) return v;
      }
      // "DreamBooth: Fine Tuning ... : [arxiv](url)".
      for (size_t i = pre_begin; i < pre_end; ++i) {
        const MdBlock& b = blocks_[i];
        if (b.links.empty() || &b.links.front() != paper_link) continue;
        std::string_view t = b.text;
        size_t at = t.find(paper_link->text);
        if (at == std::string_view::npos) break;
        std::string_view before = t.substr(0, at);
        size_t nl = before.rfind('\n');
        if (nl != std::string_view::npos) before = before.substr(nl + 1);
        while (!before.empty() && (std::isspace(static_cast<unsigned char>(before.back())) ||
                                   before.back() == ':' || before.back() == '(' || before.back() == '-'))
          before.remove_suffix(1);
        if (!HasHangul(before) && before.find(' ') != std::string_view::npos) return CollapseSpaces(before);
        break;
      }
    }
    if (Contains(h1_text, "논문 리뷰")) {
      std::string_view v = Trim(std::string_view(h1_text).substr(0, h1_text.find("논문 리뷰")));
      if (!v.empty()) return std::string(v);
    }
    if (StartsWithNoCase(front_.title, "[paper review]"))
      return CollapseSpaces(std::string_view(front_.title).substr(std::string_view("[paper review]").size()));
    return !h1_text.empty() ? h1_text : front_.title;
  }

  std::string Where(int line) const { return file_ + ":" + std::to_string(line) + ": "; }

  std::string_view text_;
  const std::string& file_;
  FrontMatter front_;
  ParsedPost post_;
  std::vector<MdBlock> blocks_;
};

}  // namespace

Result<ParsedPost> ParseJekyll(std::string_view text, const std::string& file) {
  return JekyllParser(text, file).Parse();
}

}  // namespace pg
