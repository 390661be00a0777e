#include "importers/post_parser.h"

#include <cctype>
#include <cstdio>

#include "core/text.h"
#include "importers/digest_parser.h"
#include "importers/docusaurus_parser.h"
#include "importers/front_matter.h"
#include "importers/generic_parser.h"
#include "importers/jekyll_parser.h"

namespace pg {
namespace {

// A blog post line is a paragraph at most; a line this long is generated
// data (minified JSON, base64), and parsing it only wastes time and memory
// (md4c itself takes about 10 s on a 50 MB line of '[').
constexpr size_t kMaxLineBytes = size_t{1} << 20;
constexpr size_t kBinaryWindow = 8192;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Calls f(line_view) for each line ('\r' before '\n' dropped) until f
// returns false.
template <typename F>
void ForEachLine(std::string_view text, F f) {
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!f(line)) return;
    start = nl + 1;
  }
}

// 1-based line and code-point column of byte `offset`.
std::pair<int, size_t> Position(std::string_view text, size_t offset) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, CodePointCount(text.substr(line_start, offset - line_start)) + 1};
}

bool IsControl(unsigned char c) { return c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F; }

// `[2025/06/16 ~ 22] ...`: the digest's first line.
bool IsDigestTitle(std::string_view line) {
  line = Trim(line);
  if (line.size() < 12 || line[0] != '[') return false;
  for (size_t i : {1u, 2u, 3u, 4u, 6u, 7u, 9u, 10u})
    if (!IsDigit(line[i])) return false;
  return line[5] == '/' && line[8] == '/' && line.find('~') != std::string_view::npos &&
         line.find(']') != std::string_view::npos;
}

bool IsDateToken(std::string_view t) {
  // YYYY-MM-DD or MM-DD.
  size_t digits = 0, dashes = 0;
  for (char c : t) {
    if (IsDigit(c)) ++digits;
    else if (c == '-') ++dashes;
    else return false;
  }
  return (t.size() == 10 && dashes == 2) || (t.size() >= 3 && t.size() <= 5 && dashes == 1 && digits >= 2);
}

// `# 2025-10-27 papers review`, `# 09-18 Papers Summary`, `# oct.2025`.
bool IsDocusaurusTitle(std::string_view line) {
  if (!line.starts_with("# ")) return false;
  std::string rest = AsciiLower(Trim(line.substr(2)));
  std::string_view first = std::string_view(rest).substr(0, rest.find(' '));
  if (IsDateToken(first) && (rest.find("papers") != std::string::npos || rest.find("paper review") != std::string::npos))
    return true;
  // "oct.2025": a month abbreviation, a dot, a year.
  return first.size() == 8 && first[3] == '.' && std::isalpha(static_cast<unsigned char>(first[0])) &&
         IsDigit(first[4]) && IsDigit(first[7]) && first == rest;
}

// `# 1. [Title](https://arxiv.org/abs/...)` or the early `### 1. [Title`.
bool IsJekyllEntry(std::string_view line) {
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if ((hashes != 1 && hashes != 3) || hashes >= line.size() || line[hashes] != ' ') return false;
  std::string_view rest = Trim(line.substr(hashes));
  size_t i = 0;
  while (i < rest.size() && IsDigit(rest[i])) ++i;
  if (i == 0 || i >= rest.size() || rest[i] != '.') return false;
  rest = Trim(rest.substr(i + 1));
  if (!rest.starts_with("[")) return false;
  return hashes == 3 || rest.find("arxiv.org/") != std::string_view::npos ||
         rest.find("alphaxiv.org/") != std::string_view::npos;
}

// The first line of a fenced code block that is never closed, or 0. Follows
// CommonMark for fences outside containers: up to 3 spaces, then ``` or ~~~
// (3 or more); a backtick fence's info string holds no backtick; the closing
// fence is the same character, at least as long, with nothing after it.
int UnclosedFenceLine(std::string_view text) {
  int line_no = 0, open_line = 0;
  char open_char = 0;
  size_t open_len = 0;
  ForEachLine(text, [&](std::string_view line) {
    ++line_no;
    size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    if (indent > 3 || indent >= line.size()) return true;
    char c = line[indent];
    if (c != '`' && c != '~') return true;
    size_t n = 0;
    while (indent + n < line.size() && line[indent + n] == c) ++n;
    if (n < 3) return true;
    std::string_view after = line.substr(indent + n);
    if (open_char == 0) {
      if (c == '`' && after.find('`') != std::string_view::npos) return true;
      open_char = c;
      open_len = n;
      open_line = line_no;
    } else if (c == open_char && n >= open_len && Trim(after).empty()) {
      open_char = 0;
    }
    return true;
  });
  return open_char != 0 ? open_line : 0;
}

// Rejects bytes that are not a text post. `text` has no BOM.
Status CheckBytes(std::string_view text, const std::string& file) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return Status::InvalidArgument(file + ": UTF-16 text, not UTF-8; save it as UTF-8");
  std::string_view window = text.substr(0, kBinaryWindow);
  size_t controls = 0;
  for (char c : window) controls += IsControl(static_cast<unsigned char>(c)) ? 1 : 0;
  // Text has almost no control bytes; compressed or executable data has
  // about one in ten.
  if (controls >= 4 && controls * 20 >= window.size())
    return Status::InvalidArgument(file + ": binary file, not a text post");

  size_t nul = text.find('\0');
  size_t bad = std::string_view::npos;
  size_t bad_offset = 0;
  if (!IsValidUtf8(text, &bad_offset)) bad = bad_offset;
  if (nul != std::string_view::npos && nul < bad) {
    auto [line, col] = Position(text, nul);
    return Status::InvalidArgument(file + ":" + std::to_string(line) + ": NUL byte at column " + std::to_string(col));
  }
  if (bad != std::string_view::npos) {
    auto [line, col] = Position(text, bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    return Status::InvalidArgument(file + ":" + std::to_string(line) + ":" + std::to_string(col) +
                                   ": invalid UTF-8 (byte " + byte + ")");
  }
  return Status::OK();
}

Status CheckLines(std::string_view text, const std::string& file) {
  int line_no = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t len = (nl == std::string_view::npos ? text.size() : nl) - start;
    if (len > kMaxLineBytes) {
      char mb[32];
      std::snprintf(mb, sizeof mb, "%.1f", static_cast<double>(len) / static_cast<double>(kMaxLineBytes));
      return Status::InvalidArgument(file + ":" + std::to_string(line_no) + ": line is " + mb +
                                     " MB long; longest allowed is 1 MB");
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
    ++line_no;
  }
  return Status::OK();
}

// CRLF and lone CR become LF, so every parser counts lines the same way.
std::string NormalizeLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out.push_back(text[i]);
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out.push_back('\n');
    }
  }
  return out;
}

}  // namespace

std::string_view PostFormatName(PostFormat format) {
  switch (format) {
    case PostFormat::kDocusaurus: return "docusaurus";
    case PostFormat::kJekyll: return "jekyll";
    case PostFormat::kDigest: return "digest";
    case PostFormat::kGeneric: return "generic";
  }
  return "generic";
}

PostFormat DetectFormat(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  // The signs are near the top; a bounded look keeps detection cheap.
  std::string_view head = text.substr(0, 256 * 1024);

  bool first = true, digest_title = false, has_intro = false, has_abstract = false;
  bool mdx = false, docusaurus_h1 = false, hf_entry = false, jekyll_entry = false;
  bool seen_heading = false;
  ForEachLine(head, [&](std::string_view line) {
    std::string_view t = Trim(line);
    if (t.empty()) return true;
    if (first) {
      digest_title = IsDigestTitle(t);
      first = false;
    }
    if (t == "논문 소개") has_intro = true;
    if (t == "논문 초록(Abstract)" || t == "논문 초록 (Abstract)") has_abstract = true;
    if (line.starts_with("#")) {
      if (IsDocusaurusTitle(line)) docusaurus_h1 = true;
      if (IsJekyllEntry(line)) jekyll_entry = true;
      if (line.starts_with("## ") && line.find("](https://huggingface.co/papers/") != std::string_view::npos)
        hf_entry = true;
      seen_heading = true;
    }
    if (!seen_heading && line.starts_with("import ") && line.find(" from ") != std::string_view::npos) mdx = true;
    if (t.starts_with(":::") && t.size() > 3 && std::isalpha(static_cast<unsigned char>(t[3]))) mdx = true;
    return true;
  });
  if (digest_title || (has_intro && has_abstract)) return PostFormat::kDigest;
  if (docusaurus_h1 || mdx || hf_entry) return PostFormat::kDocusaurus;

  bool layout = false, daily_title = false, docs_keys = false;
  if (StartsWithFrontMatter(head)) {
    bool opened = false;
    ForEachLine(head, [&](std::string_view line) {
      if (!opened) return opened = true;
      if (Trim(line) == "---" || Trim(line) == "...") return false;
      std::string_view key = line.substr(0, line.find(':'));
      if (key == "layout") layout = true;
      if (key == "sidebar_position" || key == "sidebar_label" || key == "slug" || key == "displayed_sidebar" ||
          key == "hide_table_of_contents")
        docs_keys = true;
      if (key == "title") {
        std::string v = AsciiLower(line);
        if (v.find("daily papers") != std::string::npos || v.find("[paper review]") != std::string::npos ||
            v.find("arxiv - ") != std::string::npos)
          daily_title = true;
      }
      return true;
    });
  }
  if (layout || daily_title || jekyll_entry) return PostFormat::kJekyll;
  if (docs_keys) return PostFormat::kDocusaurus;
  return PostFormat::kGeneric;
}

namespace {

// Materialize keys a paper by its arXiv id, else by its normalized title. An entry with
// neither -- a heading of punctuation only ("## )"), markup left over as the title
// ("1. *http://aclanthology.org/" gives "*") -- would be dropped there without a word; drop
// it here, where the user is told (fuzz/regressions/post/).
void DropUnidentifiedEntries(ParsedPost* post, const std::string& file) {
  std::vector<ParsedPaper> kept;
  kept.reserve(post->papers.size());
  for (ParsedPaper& p : post->papers) {
    if (p.arxiv_id.empty() && NormalizeName(p.title.empty() ? p.heading : p.title).empty()) {
      post->warnings.push_back(file + ":" + std::to_string(p.line) +
                               ": entry has neither a title nor an arXiv id; skipped");
      continue;
    }
    p.position = static_cast<int>(kept.size()) + 1;
    kept.push_back(std::move(p));
  }
  post->papers = std::move(kept);
}

// An empty page is a real thing on a site (a stub concept page): it becomes a
// post with no papers, and the user is told.
ParsedPost EmptyPost(const std::string& file, const char* what) {
  ParsedPost post;
  post.format = "generic";
  post.warnings.push_back(file + ": " + what + "; imported as a post with no papers");
  return post;
}

}  // namespace

Result<ParsedPost> ParsePost(std::string_view text, const std::string& file) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  if (text.empty()) return EmptyPost(file, "empty file");
  Status s = CheckBytes(text, file);
  if (!s.ok()) return s;

  std::string normalized;
  if (text.find('\r') != std::string_view::npos) {
    normalized = NormalizeLineEnds(text);
    text = normalized;
  }
  if (Trim(text).empty()) return EmptyPost(file, "empty file (white space only)");
  s = CheckLines(text, file);
  if (!s.ok()) return s;

  PostFormat format = DetectFormat(text);
  Result<ParsedPost> post = Status::InvalidArgument(file + ": unknown format");
  switch (format) {
    case PostFormat::kDocusaurus: post = ParseDocusaurus(text, file); break;
    case PostFormat::kJekyll: post = ParseJekyll(text, file); break;
    case PostFormat::kDigest: post = ParseDigest(text, file); break;
    case PostFormat::kGeneric: post = ParseGeneric(text, file); break;
  }
  if (!post.ok()) return post;
  DropUnidentifiedEntries(&post.value(), file);
  if (format != PostFormat::kDigest) {
    // CommonMark runs an unclosed fence to the end of the document, so every
    // entry after it would vanish without a word.
    if (int line = UnclosedFenceLine(text))
      post->warnings.push_back(file + ":" + std::to_string(line) + ": code fence opened here is never closed");
  }
  return post;
}

}  // namespace pg
