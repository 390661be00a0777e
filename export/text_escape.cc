#include "export/text_escape.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace pg {
namespace {

// Length of the UTF-8 sequence starting with byte `c` (1 for invalid bytes).
size_t Utf8Len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

uint32_t Decode(std::string_view s) {
  unsigned char c = s[0];
  if (s.size() == 1) return c;
  uint32_t cp = c & (0x3F >> (s.size() - 1));
  for (size_t i = 1; i < s.size(); ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

// East Asian wide ranges that occur in titles (Hangul, CJK, full-width forms).
size_t DisplayWidth(uint32_t cp) {
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF))
    return 2;
  return 1;
}

bool ForbiddenControl(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (!ForbiddenControl(c)) out.push_back(ch);
    }
  }
  return out;
}

std::string XmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text)
    if (!ForbiddenControl(static_cast<unsigned char>(ch))) out.push_back(ch);
  return out;
}

std::string DotEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c >= 0x20 && c != 0x7F) {
      out.push_back(ch);
    }
  }
  return out;
}

std::string WrapText(std::string_view text, size_t width, size_t max_lines) {
  // Split into words (keeping newlines as hard breaks), then fill lines.
  std::vector<std::string> lines;
  std::string line;
  size_t line_w = 0;
  bool truncated = false;
  auto flush = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(line);
    line.clear();
    line_w = 0;
  };
  size_t i = 0;
  while (i < text.size() && !truncated) {
    if (text[i] == '\n') {
      flush();
      ++i;
      continue;
    }
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
      if (line_w > 0 && line.back() != ' ') {
        line.push_back(' ');
        ++line_w;
      }
      ++i;
      continue;
    }
    // One word: up to the next space or newline.
    size_t j = i, word_w = 0;
    std::string word;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' && text[j] != '\r') {
      size_t n = std::min(Utf8Len(static_cast<unsigned char>(text[j])), text.size() - j);
      size_t w = DisplayWidth(Decode(text.substr(j, n)));
      // A word wider than a line is cut where it overflows.
      if (word_w + w > width && word_w > 0) break;
      word.append(text.substr(j, n));
      word_w += w;
      j += n;
    }
    if (line_w > 0 && line_w + word_w > width) flush();
    line += word;
    line_w += word_w;
    i = j;
    if (lines.size() >= max_lines) truncated = true;
  }
  if (!line.empty()) flush();
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    truncated = true;
  }
  if (truncated && !lines.empty()) lines.back() += "…";
  std::string out;
  for (size_t k = 0; k < lines.size(); ++k) out += (k ? "\n" : "") + lines[k];
  return out;
}

std::string CsvField(std::string_view text) {
  bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace pg

#include <charconv>

namespace pg {

std::string NumberText(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace pg
