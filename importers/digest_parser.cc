#include "importers/digest_parser.h"

#include <cctype>
#include <optional>

#include "core/arxiv_id.h"
#include "core/text.h"
#include "importers/front_matter.h"

// The digest is a plain-text scrape of a Discourse topic: no markdown, so it
// is read line by line. Its structure is a fixed sequence of marker lines
// (논문 소개, 논문 초록(Abstract), 논문 링크, 더 읽어보기) after each title line.

namespace pg {
namespace {

enum class Marker { kNone, kIntro, kAbstract, kLink, kMore };

Marker MarkerOf(std::string_view line) {
  std::string t = CollapseSpaces(line);
  std::string_view v = t;
  while (!v.empty() && (v.back() == ':' || v.back() == ' ')) v.remove_suffix(1);
  if (v == "논문 소개") return Marker::kIntro;
  if (v == "논문 초록(Abstract)" || v == "논문 초록 (Abstract)" || v == "논문 초록") return Marker::kAbstract;
  if (v == "논문 링크") return Marker::kLink;
  if (v == "더 읽어보기") return Marker::kMore;
  return Marker::kNone;
}

// "논문 링크: https://..." puts the URL on the marker line itself.
Marker MarkerPrefixOf(std::string_view line, std::string_view* rest) {
  line = Trim(line);
  for (auto [name, m] : {std::pair{std::string_view("논문 링크"), Marker::kLink},
                         std::pair{std::string_view("더 읽어보기"), Marker::kMore}}) {
    if (!line.starts_with(name)) continue;
    std::string_view r = Trim(line.substr(name.size()));
    if (r.starts_with(":")) r = Trim(r.substr(1));
    if (r.starts_with("http://") || r.starts_with("https://")) {
      *rest = r;
      return m;
    }
  }
  return Marker::kNone;
}

size_t CountHangul(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Hangul syllables U+AC00..U+D7A3 and compatibility jamo U+3131..U+318E.
    if (c >= 0xEA && c <= 0xED) ++n;
    if (c == 0xE3 && (static_cast<unsigned char>(s[i + 1]) == 0x84 || static_cast<unsigned char>(s[i + 1]) == 0x85 ||
                      static_cast<unsigned char>(s[i + 1]) == 0x86))
      ++n;
  }
  return n;
}

size_t CountLatin(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
  return n;
}

// Korean text in these digests carries many English terms ("LoRA 어댑터"),
// so a paragraph is Korean when Hangul makes up a fair share of its letters.
bool IsKorean(std::string_view s) {
  size_t h = CountHangul(s);
  return h > 0 && h * 5 >= CountLatin(s);
}

// "한국어 제목 / English Title": the English part is the longest tail of
// " / "-separated parts without Hangul, so a Korean title holding " / " (or
// an English one holding " / ") still splits where the script changes.
void SplitTitle(std::string_view line, std::string* ko, std::string* en) {
  std::vector<size_t> cuts;
  for (size_t p = line.find(" / "); p != std::string_view::npos; p = line.find(" / ", p + 1)) cuts.push_back(p);
  for (size_t p : cuts) {
    std::string_view left = line.substr(0, p), right = line.substr(p + 3);
    if (CountHangul(right) == 0 && (CountHangul(left) > 0 || p == cuts.back())) {
      *ko = CollapseSpaces(left);
      *en = CollapseSpaces(right);
      return;
    }
  }
  if (!cuts.empty()) {  // Hangul on both sides of every cut: take the last one
    *ko = CollapseSpaces(line.substr(0, cuts.back()));
    *en = CollapseSpaces(line.substr(cuts.back() + 3));
    return;
  }
  if (CountHangul(line) > 0)
    *ko = CollapseSpaces(line);
  else
    *en = CollapseSpaces(line);
}

// The forum's closing boilerplate: `:emoji:` lines, "N개의 좋아요" ("N likes").
bool IsFooter(std::string_view text) {
  std::string_view t = Trim(text);
  if (t.find("개의 좋아요") != std::string_view::npos || t.find("사용자 모임") != std::string_view::npos) return true;
  if (t.size() > 2 && t.front() == ':') {
    size_t i = 1;
    while (i < t.size() && (std::islower(static_cast<unsigned char>(t[i])) || t[i] == '_' || t[i] == '+' ||
                            t[i] == '-' || std::isdigit(static_cast<unsigned char>(t[i]))))
      ++i;
    return i > 1 && i < t.size() && t[i] == ':';
  }
  return false;
}

// URLs written out in plain text.
std::vector<std::string> FindUrls(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (true) {
    size_t start = s.find("http", i);
    if (start == std::string_view::npos) break;
    if (s.compare(start, 7, "http://") != 0 && s.compare(start, 8, "https://") != 0) {
      i = start + 4;
      continue;
    }
    size_t end = start;
    while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end])) && s[end] != '<' && s[end] != '>' &&
           s[end] != '"')
      ++end;
    std::string_view url = s.substr(start, end - start);
    while (!url.empty() && (url.back() == '.' || url.back() == ',' || url.back() == ')' || url.back() == ';' ||
                            url.back() == ']'))
      url.remove_suffix(1);
    if (url.size() > 8) out.emplace_back(url);
    i = end;
  }
  return out;
}

struct Paragraph {
  int line = 0;
  std::string text;
};

class DigestParser {
 public:
  DigestParser(std::string_view text, const std::string& file) : file_(file) {
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(start, nl - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      start = nl + 1;
    }
  }

  ParsedPost Parse() {
    post_.format = "digest";
    ReadTitle();
    std::vector<size_t> starts = EntryStarts();
    for (size_t k = 0; k < starts.size(); ++k) {
      size_t end = k + 1 < starts.size() ? starts[k + 1] : lines_.size();
      ParseEntry(starts[k], end);
    }
    return std::move(post_);
  }

 private:
  int LineNo(size_t i) const { return static_cast<int>(i) + 1; }
  std::string Where(size_t i) const { return file_ + ":" + std::to_string(LineNo(i)) + ": "; }

  // `[2025/06/16 ~ 22] 이번 주에 살펴볼 만한 AI/ML 논문 모음`: the title, and
  // the date the week starts.
  void ReadTitle() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      std::string_view t = Trim(lines_[i]);
      if (t.empty()) continue;
      post_.title = CollapseSpaces(t);
      post_.title_line = LineNo(i);
      title_index_ = i;
      if (t.size() > 11 && t[0] == '[') {
        std::string date(t.substr(1, 10));
        for (char& c : date)
          if (c == '/' || c == '.') c = '-';
        if (date.size() == 10 && date[4] == '-' && date[7] == '-') {
          bool digits = true;
          for (size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) digits = digits && std::isdigit(static_cast<unsigned char>(date[k]));
          // DateFromValue also checks the month and the day: "[2025/33/16 ~ 22]" gave the
          // post the date 2025-33-16 (fuzz/regressions/post/); now it has none.
          if (digits) post_.date = DateFromValue(date);
        }
      }
      return;
    }
  }

  // Title lines: the line before each 논문 소개 (or before a 논문 초록 that
  // follows the previous entry's links, when an entry has no 소개).
  std::vector<size_t> EntryStarts() {
    std::vector<size_t> starts;
    Marker last = Marker::kNone;
    for (size_t i = 0; i < lines_.size(); ++i) {
      Marker m = MarkerOf(lines_[i]);
      if (m == Marker::kNone) continue;
      bool opens = m == Marker::kIntro ||
                   (m == Marker::kAbstract && (last == Marker::kNone || last == Marker::kLink || last == Marker::kMore));
      last = m;
      if (!opens) continue;
      size_t j = i;
      while (j > 0 && Trim(lines_[j - 1]).empty()) --j;
      if (j == 0 || MarkerOf(lines_[j - 1]) != Marker::kNone || IsPostTitle(j - 1) ||
          (!starts.empty() && j - 1 <= starts.back())) {
        post_.warnings.push_back(Where(i) + "'" + std::string(Trim(lines_[i])) +
                                 "' has no paper title line before it; skipped the entry");
        continue;
      }
      starts.push_back(j - 1);
    }
    return starts;
  }

  bool IsPostTitle(size_t i) const {
    return title_index_ && CollapseSpaces(lines_[i]) == post_.title && i <= *title_index_ + 4;
  }

  void ParseEntry(size_t begin, size_t end) {
    ParsedPaper paper;
    paper.position = static_cast<int>(post_.papers.size()) + 1;
    paper.line = LineNo(begin);
    paper.heading = CollapseSpaces(lines_[begin]);
    SplitTitle(Trim(lines_[begin]), &paper.title_ko, &paper.title);
    if (paper.title.empty())
      post_.warnings.push_back(Where(begin) + "digest entry has no English title (expected 'Korean title / English title')");

    Marker state = Marker::kNone;
    int marker_line = 0;
    Paragraph para;
    bool stop = false;
    auto flush = [&]() {
      if (para.text.empty()) return;
      if (IsFooter(para.text)) {
        stop = true;
      } else {
        AddParagraph(state, marker_line, para, &paper);
      }
      para = Paragraph();
    };
    for (size_t i = begin + 1; i < end && !stop; ++i) {
      std::string_view line = lines_[i];
      std::string_view rest;
      Marker m = MarkerOf(line);
      if (m == Marker::kNone) m = MarkerPrefixOf(line, &rest);
      if (m != Marker::kNone) {
        flush();
        state = m;
        marker_line = LineNo(i);
        if (!rest.empty()) AddParagraph(state, marker_line, Paragraph{LineNo(i), std::string(rest)}, &paper);
        continue;
      }
      if (Trim(line).empty()) {
        flush();
        continue;
      }
      if (para.text.empty()) para.line = LineNo(i);
      else para.text += '\n';
      para.text += Trim(line);
    }
    if (!stop) flush();
    if (paper.arxiv_id.empty())
      for (const LinkRef& u : paper.urls)
        if (auto id = ArxivIdFromUrl(u.url)) {
          paper.arxiv_id = *id;
          break;
        }
    post_.papers.push_back(std::move(paper));
  }

  static Section* SectionNamed(ParsedPaper* paper, const char* name, int line) {
    for (Section& s : paper->sections)
      if (s.name == name) return &s;
    paper->sections.push_back(Section{name, line, {}});
    return &paper->sections.back();
  }

  void AddParagraph(Marker state, int marker_line, const Paragraph& p, ParsedPaper* paper) {
    switch (state) {
      case Marker::kNone: return;  // between the title line and 논문 소개: nothing expected
      case Marker::kIntro:
        SectionNamed(paper, "intro_ko", marker_line)->blocks.push_back(TextBlock{p.line, p.text});
        break;
      case Marker::kAbstract:
        if (IsKorean(p.text))
          SectionNamed(paper, "abstract_ko", marker_line)->blocks.push_back(TextBlock{p.line, p.text});
        else
          SectionNamed(paper, "abstract_en", p.line)->blocks.push_back(TextBlock{p.line, p.text});
        break;
      case Marker::kLink:
      case Marker::kMore:
        for (const std::string& url : FindUrls(p.text)) {
          bool seen = false;
          for (const LinkRef& u : paper->urls) seen = seen || u.url == url;
          if (seen) continue;
          paper->urls.push_back(LinkRef{url, state == Marker::kLink ? "논문 링크" : "더 읽어보기", p.line});
          // The paper's own id comes from 논문 링크; 더 읽어보기 may name other work.
          if (state == Marker::kLink && paper->arxiv_id.empty())
            if (auto id = ArxivIdFromUrl(url)) paper->arxiv_id = *id;
        }
        return;
    }
    for (const std::string& url : FindUrls(p.text)) paper->links.push_back(LinkRef{url, "", p.line});
  }

  const std::string& file_;
  std::vector<std::string_view> lines_;
  std::optional<size_t> title_index_;
  ParsedPost post_;
};

}  // namespace

Result<ParsedPost> ParseDigest(std::string_view text, const std::string& file) {
  return DigestParser(text, file).Parse();
}

}  // namespace pg
