#include "core/text.h"
#include "importers/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cstdio>
#include <optional>

namespace pg {
namespace {

bool IsDelimiter(std::string_view line, std::string_view mark) { return Trim(line) == mark && line.substr(0, 3) == mark; }

// The lines of `text` as views, without their '\n'.
std::vector<std::string_view> Lines(std::string_view text, size_t max_lines = std::string_view::npos) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size() && out.size() < max_lines) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < text.size()) out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// `key:` at the start of a line, as a YAML mapping (or a sloppy hand-written
// one) begins. Returns the key, or nullopt.
std::optional<std::string_view> KeyOf(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return std::nullopt;
  std::string_view key = line.substr(0, colon);
  for (char c : key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ' ')) return std::nullopt;
  if (key.front() == ' ' || key.front() == '-') return std::nullopt;
  if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') return std::nullopt;
  return Trim(key);
}

bool IsQuote(char c) { return c == '"' || c == '\''; }

// Removes matching surrounding quotes, or a lone quote at either end (the
// hahngt title `Daily Papers — 2025-08-29"`). *lone is set when one was dropped.
std::string Unquote(std::string_view v, bool* lone = nullptr) {
  v = Trim(v);
  if (v.size() >= 2 && IsQuote(v.front()) && v.back() == v.front()) return std::string(v.substr(1, v.size() - 2));
  bool dropped = false;
  if (!v.empty() && IsQuote(v.front())) {
    v.remove_prefix(1);
    dropped = true;
  } else if (!v.empty() && IsQuote(v.back())) {
    v.remove_suffix(1);
    dropped = true;
  }
  if (lone) *lone = dropped;
  return std::string(Trim(v));
}

void AddTag(std::string_view t, std::vector<std::string>* tags) {
  std::string tag = Unquote(t);
  if (!tag.empty()) tags->push_back(tag);
}

// Tags written as one string: "[a, b]" (when read line by line), "a, b" or
// "a b c" (Jekyll splits a tags string at white space).
std::vector<std::string> TagsFromString(std::string_view v) {
  std::vector<std::string> tags;
  v = Trim(v);
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
  bool commas = v.find(',') != std::string_view::npos;
  size_t start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    bool cut = i == v.size() || (commas ? v[i] == ',' : std::isspace(static_cast<unsigned char>(v[i])) != 0);
    if (!cut) continue;
    AddTag(v.substr(start, i - start), &tags);
    start = i + 1;
  }
  return tags;
}

std::string Where(const std::string& file, int line) { return file + ":" + std::to_string(line) + ": "; }

// Sets the fields papergraph uses from one `key: value` pair.
void SetField(std::string_view key, std::string_view raw_value, int line, const std::string& file,
              FrontMatter* fm, std::vector<std::string>* warnings) {
  if (key == "title") {
    bool lone = false;
    fm->title = Unquote(raw_value, &lone);
    fm->title_line = line;
    if (lone) warnings->push_back(Where(file, line) + "title has an unmatched quote; dropped it");
  } else if (key == "date") {
    std::string value = Unquote(raw_value);
    fm->date = DateFromValue(value);
    fm->date_line = line;
    if (fm->date.empty() && !value.empty())
      warnings->push_back(Where(file, line) + "date '" + value + "' is not a YYYY-MM-DD date; ignored it");
  } else if (key == "layout") {
    fm->layout = Unquote(raw_value);
  } else if (key == "tags") {
    fm->tags = TagsFromString(raw_value);
  }
}

// The recovery path: `key: value` lines, `  - item` lists under `tags:`.
void ReadLineByLine(const std::vector<std::string_view>& lines, int first_line, const std::string& file,
                    FrontMatter* fm, std::vector<std::string>* warnings) {
  std::string_view list_key;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    int lineno = first_line + static_cast<int>(i);
    std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#') continue;
    if (line.front() == ' ' || line.front() == '\t' || line.front() == '-') {
      if (list_key == "tags" && t.front() == '-') AddTag(t.substr(1), &fm->tags);
      continue;
    }
    auto key = KeyOf(line);
    if (!key) continue;
    fm->keys.emplace_back(*key);
    std::string_view value = Trim(line.substr(line.find(':') + 1));
    if (!value.empty() && !IsQuote(value.front())) {
      size_t hash = value.find(" #");
      if (hash != std::string_view::npos) value = Trim(value.substr(0, hash));
    }
    list_key = value.empty() ? *key : std::string_view();
    SetField(*key, value, lineno, file, fm, warnings);
  }
}

// Line of `key:` inside the front matter (for provenance), or 0.
int LineOfKey(const std::vector<std::string_view>& lines, int first_line, std::string_view key) {
  for (size_t i = 0; i < lines.size(); ++i) {
    auto k = KeyOf(lines[i]);
    if (k && *k == key) return first_line + static_cast<int>(i);
  }
  return 0;
}

// Reads the block with yaml-cpp. Returns false (and sets *error) when it is
// not YAML or not a mapping, so the caller can fall back.
bool ReadYaml(std::string_view block, const std::vector<std::string_view>& lines, int first_line,
              const std::string& file, FrontMatter* fm, std::vector<std::string>* warnings,
              std::string* error, int* error_line) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(block));
  } catch (const YAML::Exception& e) {  // yaml-cpp reports errors by throwing
    *error = e.msg;
    *error_line = first_line + (e.mark.line >= 0 ? e.mark.line : 0);
    return false;
  }
  if (root.IsNull()) return true;
  if (!root.IsMap()) {
    *error = "it is not a mapping of keys to values";
    *error_line = first_line;
    return false;
  }
  try {
    for (const auto& kv : root) {
      if (!kv.first.IsScalar()) continue;
      std::string key = kv.first.Scalar();
      fm->keys.push_back(key);
      const YAML::Node& v = kv.second;
      int line = LineOfKey(lines, first_line, key);
      // A key in quotes or with a tag ("title":, ! title:) is no `key:` line; yaml-cpp knows
      // where it is. Without this, its warnings named line 0 (fuzz/regressions/front_matter/).
      if (line == 0 && kv.first.Mark().line >= 0) line = first_line + kv.first.Mark().line;
      if (key == "tags" && v.IsSequence()) {
        for (const auto& item : v)
          if (item.IsScalar()) AddTag(item.Scalar(), &fm->tags);
      } else if (v.IsScalar()) {
        // yaml-cpp has already removed proper quotes; what is left is as written.
        SetField(key, v.Scalar(), line, file, fm, warnings);
      }
    }
  } catch (const YAML::Exception& e) {
    *error = e.msg;
    *error_line = first_line;
    return false;
  }
  return true;
}

}  // namespace

bool StartsWithFrontMatter(std::string_view text) {
  std::vector<std::string_view> head = Lines(text, 64);
  if (head.empty() || !IsDelimiter(head[0], "---")) return false;
  for (size_t i = 1; i < head.size(); ++i) {
    std::string_view t = Trim(head[i]);
    if (t.empty() || t.front() == '#') continue;
    if (IsDelimiter(head[i], "---")) return true;  // empty front matter
    return KeyOf(head[i]).has_value();
  }
  return false;
}

Result<SplitPost> SplitFrontMatter(std::string_view text, const std::string& file) {
  SplitPost out;
  out.body = text;
  out.body_line = 1;
  if (!StartsWithFrontMatter(text)) return out;

  // Find the closing line.
  size_t pos = text.find('\n');
  if (pos == std::string_view::npos) pos = text.size();
  size_t content_start = pos + 1;
  int lineno = 2;
  size_t close_start = std::string_view::npos, close_end = 0;
  for (size_t start = content_start; start < text.size(); ++lineno) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    if (IsDelimiter(line, "---") || IsDelimiter(line, "...")) {
      close_start = start;
      close_end = nl == std::string_view::npos ? text.size() : nl + 1;
      break;
    }
    start = end + 1;
  }
  if (close_start == std::string_view::npos)
    return Status::InvalidArgument(file + ":1: front matter opened here is never closed (no '---' line ends it)");

  std::string_view block = content_start <= close_start ? text.substr(content_start, close_start - content_start)
                                                         : std::string_view();
  std::vector<std::string_view> lines = Lines(block);
  out.front.present = true;
  out.body = text.substr(close_end);
  out.body_line = lineno + 1;

  std::string error;
  int error_line = 0;
  FrontMatter yaml_fm;
  std::vector<std::string> yaml_warnings;
  if (ReadYaml(block, lines, 2, file, &yaml_fm, &yaml_warnings, &error, &error_line)) {
    yaml_fm.present = true;
    out.front = std::move(yaml_fm);
    out.warnings = std::move(yaml_warnings);
    return out;
  }
  out.warnings.push_back(Where(file, error_line) + "front matter is not valid YAML (" + error +
                         "); read it line by line");
  ReadLineByLine(lines, 2, file, &out.front, &out.warnings);
  return out;
}

std::string DateFromValue(std::string_view value) {
  value = Trim(value);
  if (value.size() >= 2 && IsQuote(value.front()) && value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  // YYYY[-/]M[M][-/]D[D], then the end or a non-digit (time, zone).
  auto digits = [&](size_t at, size_t min, size_t max, int* v) -> size_t {
    size_t n = 0;
    *v = 0;
    while (at + n < value.size() && n < max && std::isdigit(static_cast<unsigned char>(value[at + n]))) {
      *v = *v * 10 + (value[at + n] - '0');
      ++n;
    }
    return n >= min ? n : 0;
  };
  int y, m, d;
  size_t i = digits(0, 4, 4, &y);
  if (i == 0 || i >= value.size() || (value[i] != '-' && value[i] != '/')) return "";
  char sep = value[i++];
  size_t n = digits(i, 1, 2, &m);
  if (n == 0 || i + n >= value.size() || value[i + n] != sep) return "";
  i += n + 1;
  n = digits(i, 1, 2, &d);
  if (n == 0) return "";
  i += n;
  if (i < value.size() && std::isdigit(static_cast<unsigned char>(value[i]))) return "";
  if (m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string DateFromFileName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.size() < 10) return "";
  for (size_t i : {4u, 7u})
    if (name[i] != '-') return "";
  for (size_t i = 0; i < 10; ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(name[i]))) return "";
  if (name.size() > 10 && std::isdigit(static_cast<unsigned char>(name[10]))) return "";
  return DateFromValue(name.substr(0, 10));
}

}  // namespace pg
