#include "importers/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/hash.h"
#include "core/node_id.h"
#include "core/text.h"

#ifndef PAPERGRAPH_DATA_DIR
#define PAPERGRAPH_DATA_DIR ""
#endif

namespace pg {
namespace {

bool IsSlug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && s[i + 1] == '-')) return false;
  }
  return true;
}

std::string_view TrimField(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The spelling an alias stands for: without the exact-case marker.
std::string_view Spelling(std::string_view alias) {
  return !alias.empty() && alias.front() == '=' ? alias.substr(1) : alias;
}

// Line number (1-based) of byte `offset` in `text`.
size_t LineOf(std::string_view text, size_t offset) {
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

Status CheckTopicRow(const Topic& t, const std::string& where) {
  if (!IsSlug(t.id)) {
    std::string hint = Slugify(t.id);
    return Status::InvalidArgument(where + ": canonical id '" + t.id +
                                   "' is not a slug (a-z, 0-9 and single '-')" +
                                   (IsSlug(hint) ? "; did you mean '" + hint + "'?" : ""));
  }
  if (t.name.empty()) return Status::InvalidArgument(where + ": topic '" + t.id + "' has no display name");
  if (!t.parent.empty() && !IsSlug(t.parent))
    return Status::InvalidArgument(where + ": parent '" + t.parent + "' of '" + t.id + "' is not a slug");
  if (t.parent == t.id) return Status::InvalidArgument(where + ": topic '" + t.id + "' is its own parent");
  for (const std::string& a : t.aliases) {
    if (NormalizeName(Spelling(a)).empty())
      return Status::InvalidArgument(where + ": alias '" + a + "' of '" + t.id + "' has no letters or digits");
  }
  return Status::OK();
}

}  // namespace

// ---- Lexicon ------------------------------------------------------------------

Result<Lexicon> Lexicon::FromTsv(std::string_view text, const std::string& source_name,
                                 const std::string& shown_as) {
  Result<std::vector<DataRow>> rows = SplitDataRows(text, source_name, 4);
  if (!rows.ok()) return rows.status();
  Lexicon lex;
  for (DataRow& row : *rows) {
    std::string where = source_name + ":" + std::to_string(row.line);
    if (row.cols.size() < 2 || row.cols[1].empty()) {
      return Status::InvalidArgument(where + ": expected 'canonical_id<TAB>display name<TAB>parent<TAB>aliases'");
    }
    Topic t;
    t.id = row.cols[0];
    t.name = row.cols[1];
    if (row.cols.size() > 2) t.parent = row.cols[2];
    if (row.cols.size() > 3) t.aliases = SplitList(row.cols[3]);
    if (const Topic* old = lex.Find(t.id)) {
      return Status::InvalidArgument(where + ": topic '" + t.id + "' is already defined at " +
                                     lex.WhereDefined(old->id));
    }
    const std::string& file = shown_as.empty() ? source_name : shown_as;
    lex.lines_.push_back({file, static_cast<int>(row.line), std::move(row.text)});
    Status s = lex.AddFrom(std::move(t), where, lex.lines_.size() - 1);
    if (!s.ok()) return s;
  }
  return lex;
}

Status Lexicon::CheckAliases(const Topic& topic, const std::string& where, size_t self) const {
  auto check = [&](std::string_view spelling) -> Status {
    auto it = by_alias_.find(NormalizeName(Spelling(spelling)));
    if (it == by_alias_.end() || it->second == self) return Status::OK();
    const Topic& other = topics_[it->second];
    return Status::InvalidArgument(where + ": '" + std::string(spelling) + "' of topic '" + topic.id +
                                   "' is already a spelling of topic '" + other.id + "' (" +
                                   where_[it->second] + ")");
  };
  Status s = check(topic.id);
  if (s.ok()) s = check(topic.name);
  for (size_t i = 0; s.ok() && i < topic.aliases.size(); ++i) s = check(topic.aliases[i]);
  return s;
}

// "; did you mean 'x'?" for an unknown topic id: a topic that has it as a
// spelling, else the closest id within a few edits.
std::string DidYouMean(const Lexicon& lex, std::string_view id) {
  if (const Topic* t = lex.FindByAlias(id)) return "; did you mean '" + t->id + "'?";
  const Topic* best = nullptr;
  size_t best_d = std::max<size_t>(2, id.size() / 5) + 1;
  for (const Topic& t : lex.topics()) {
    size_t d = EditDistance(id, t.id);
    if (d < best_d) {
      best_d = d;
      best = &t;
    }
  }
  return best ? "; did you mean '" + best->id + "'?" : "";
}

// Walks up from `t`; true when it comes back to `t`.
bool InCycle(const Lexicon& lex, const Topic& t) {
  const Topic* p = &t;
  for (size_t steps = 0; p && !p->parent.empty(); ++steps) {
    p = lex.Find(p->parent);
    if (p == &t || steps > lex.size()) return true;
  }
  return false;
}

void Lexicon::Index(size_t i) {
  const Topic& t = topics_[i];
  by_id_[t.id] = i;
  by_alias_[NormalizeName(t.id)] = i;
  by_alias_[NormalizeName(t.name)] = i;
  for (const std::string& a : t.aliases) by_alias_[NormalizeName(Spelling(a))] = i;
}

Status Lexicon::Add(Topic topic, const std::string& where) { return AddFrom(std::move(topic), where, kNone); }

Status Lexicon::AddFrom(Topic topic, const std::string& where, size_t line) {
  for (std::string& a : topic.aliases) a = std::string(TrimField(a));
  Status s = CheckTopicRow(topic, where);
  if (!s.ok()) return s;
  if (Find(topic.id)) {
    return Status::InvalidArgument(where + ": topic '" + topic.id + "' is already defined at " +
                                   WhereDefined(topic.id));
  }
  // Drop repeats so that aliases() lists each spelling once.
  std::vector<std::string> unique;
  for (std::string& a : topic.aliases) {
    if (a != topic.name && std::find(unique.begin(), unique.end(), a) == unique.end()) unique.push_back(std::move(a));
  }
  topic.aliases = std::move(unique);
  s = CheckAliases(topic, where, topics_.size());
  if (!s.ok()) return s;
  Origin origin{line, line, topic.parent.empty() ? kNone : line, {}};
  if (line != kNone)
    for (const std::string& a : topic.aliases) origin.aliases.emplace(a, line);
  topics_.push_back(std::move(topic));
  where_.push_back(where);
  origins_.push_back(std::move(origin));
  Index(topics_.size() - 1);
  return Status::OK();
}

Status Lexicon::Merge(const Lexicon& other) {
  Lexicon merged = *this;
  // other's rows move to the end of merged.lines_: its line indexes shift.
  const size_t shift = merged.lines_.size();
  merged.lines_.insert(merged.lines_.end(), other.lines_.begin(), other.lines_.end());
  auto moved = [shift](size_t line) { return line == kNone ? kNone : line + shift; };
  for (size_t k = 0; k < other.topics_.size(); ++k) {
    const Topic& t = other.topics_[k];
    const Origin& from = other.origins_[k];
    const std::string& where = other.where_[k];
    auto it = merged.by_id_.find(t.id);
    if (it == merged.by_id_.end()) {
      Status s = merged.AddFrom(t, where, moved(from.row));
      if (!s.ok()) return s;
      Origin& origin = merged.origins_.back();
      origin.name = moved(from.name);
      origin.parent = moved(from.parent);
      origin.aliases.clear();
      for (const auto& [alias, line] : from.aliases) origin.aliases.emplace(alias, moved(line));
      continue;
    }
    size_t i = it->second;
    Status s = merged.CheckAliases(t, where, i);
    if (!s.ok()) return s;
    Topic& old = merged.topics_[i];
    Origin& origin = merged.origins_[i];
    if (!t.name.empty() && t.name != old.name) {
      old.aliases.push_back(old.name);  // the old display name stays a spelling, from its own row
      origin.aliases.emplace(old.name, origin.name);
      old.name = t.name;
      origin.name = moved(from.name);
    }
    if (!t.parent.empty()) {
      old.parent = t.parent;
      origin.parent = moved(from.parent);
    }
    for (const std::string& a : t.aliases) {
      if (a != old.name && std::find(old.aliases.begin(), old.aliases.end(), a) == old.aliases.end()) {
        old.aliases.push_back(a);
        auto line = from.aliases.find(a);
        origin.aliases.emplace(a, line == from.aliases.end() ? kNone : moved(line->second));
      }
    }
    old.aliases.erase(std::remove(old.aliases.begin(), old.aliases.end(), old.name), old.aliases.end());
    merged.Index(i);
  }
  // Check the parents that `other` named: its errors should point at its lines.
  for (size_t k = 0; k < other.topics_.size(); ++k) {
    const Topic& t = other.topics_[k];
    if (t.parent.empty()) continue;
    if (!merged.Find(t.parent)) {
      return Status::InvalidArgument(other.where_[k] + ": unknown parent '" + t.parent + "' of topic '" + t.id +
                                     "'" + DidYouMean(merged, t.parent));
    }
    if (InCycle(merged, *merged.Find(t.id))) {
      return Status::InvalidArgument(other.where_[k] + ": topic '" + t.id + "' is its own ancestor (parent cycle)");
    }
  }
  Status s = merged.Validate();
  if (!s.ok()) return s;
  *this = std::move(merged);
  return Status::OK();
}

Status Lexicon::Validate() const {
  for (size_t i = 0; i < topics_.size(); ++i) {
    const Topic& t = topics_[i];
    if (t.parent.empty()) continue;
    if (!Find(t.parent)) {
      return Status::InvalidArgument(where_[i] + ": unknown parent '" + t.parent + "' of topic '" + t.id + "'" +
                                     DidYouMean(*this, t.parent));
    }
    if (InCycle(*this, t)) {
      return Status::InvalidArgument(where_[i] + ": topic '" + t.id + "' is its own ancestor (parent cycle)");
    }
  }
  return Status::OK();
}

const Topic* Lexicon::Find(std::string_view canonical_id) const {
  auto it = by_id_.find(std::string(canonical_id));
  return it == by_id_.end() ? nullptr : &topics_[it->second];
}

const Topic* Lexicon::FindByAlias(std::string_view any_spelling) const {
  std::string key = NormalizeName(Spelling(any_spelling));
  if (key.empty()) return nullptr;
  auto it = by_alias_.find(key);
  if (it != by_alias_.end()) return &topics_[it->second];
  // Plurals the file does not list: "speculative decodings", "kv caches".
  for (std::string_view suffix : {"es", "s"}) {
    if (key.size() > suffix.size() + 1 && key.ends_with(suffix)) {
      it = by_alias_.find(key.substr(0, key.size() - suffix.size()));
      if (it != by_alias_.end()) return &topics_[it->second];
    }
  }
  return nullptr;
}

std::string Lexicon::WhereDefined(std::string_view canonical_id) const {
  auto it = by_id_.find(std::string(canonical_id));
  return it == by_id_.end() ? std::string() : where_[it->second];
}

const SourceLine* Lexicon::Source(std::string_view canonical_id, Fact fact, std::string_view alias) const {
  auto it = by_id_.find(std::string(canonical_id));
  if (it == by_id_.end()) return nullptr;
  const Origin& origin = origins_[it->second];
  switch (fact) {
    case Fact::kRow: return Line(origin.row);
    case Fact::kName: return Line(origin.name);
    case Fact::kParent: return Line(origin.parent);
    case Fact::kAlias: {
      auto a = origin.aliases.find(std::string(alias));
      return a == origin.aliases.end() ? nullptr : Line(a->second);
    }
  }
  return nullptr;
}

std::string Lexicon::Fingerprint() const {
  std::vector<std::string> lines;
  lines.reserve(topics_.size());
  for (const Topic& t : topics_) {
    std::vector<std::string> aliases = t.aliases;
    std::sort(aliases.begin(), aliases.end());
    std::string line = t.id + '\x1f' + t.name + '\x1f' + t.parent + '\x1f' + (t.discovered ? "d" : "") + '\x1f';
    for (const std::string& a : aliases) line += a + '\x1e';
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  std::string all = "rules" + std::to_string(kMatchRulesVersion) + '\n';
  for (const std::string& l : lines) all += l + '\n';
  return "lex1-" + ContentHash(all);
}

Result<Lexicon> LoadLexiconFile(const std::string& path, const std::string& shown_as) {
  Result<std::string> text = ReadDataFile(path);
  if (!text.ok()) return text.status();
  return Lexicon::FromTsv(*text, path, shown_as);
}

namespace {

// "data/topics.tsv" for <anything>/data/topics.tsv: provenance that does not
// depend on where the data directory is installed. The path itself when the
// directory has no name of its own ("", ".", "/").
std::string ShownDataFile(const std::string& data_dir, const std::string& file) {
  std::filesystem::path dir = std::filesystem::path(data_dir).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // "data/" -> "data"
  std::filesystem::path name = dir.filename();
  if (name.empty() || name == "." || name == "..") return (std::filesystem::path(data_dir) / file).string();
  return (name / file).generic_string();
}

}  // namespace

Result<Lexicon> LoadLexicon(const std::string& data_dir, const std::vector<std::string>& extra_paths) {
  Result<Lexicon> lex = LoadLexiconFile((std::filesystem::path(data_dir) / "topics.tsv").string(),
                                        ShownDataFile(data_dir, "topics.tsv"));
  if (!lex.ok()) return lex;
  for (const std::string& path : extra_paths) {
    Result<Lexicon> more = LoadLexiconFile(path);
    if (!more.ok()) return more.status();
    Status s = lex->Merge(*more);
    if (!s.ok()) return s;
  }
  Status s = lex->Validate();
  if (!s.ok()) return s;
  return lex;
}

// ---- Shared data-file helpers -----------------------------------------------------

std::string DefaultDataDir() {
  const char* env = std::getenv("PAPERGRAPH_DATA_DIR");
  if (env && *env) return env;
  std::string built = PAPERGRAPH_DATA_DIR;
  return built.empty() ? "data" : built;
}

Result<std::string> ReadDataFile(const std::string& path) {
  std::error_code ec;
  std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st)) {
    if (ec && ec != std::errc::no_such_file_or_directory)
      return Status::IOError(path + ": " + ec.message());
    return Status::NotFound(path + ": no such file");
  }
  if (std::filesystem::is_directory(st)) return Status::InvalidArgument(path + ": is a directory, not a data file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  std::string text = buf.str();
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  size_t bad = 0;
  if (!IsValidUtf8(text, &bad))
    return Status::InvalidArgument(path + ":" + std::to_string(LineOf(text, bad)) + ": invalid UTF-8");
  if (size_t nul = text.find('\0'); nul != std::string::npos)
    return Status::InvalidArgument(path + ":" + std::to_string(LineOf(text, nul)) + ": NUL byte in a text file");
  return text;
}

Result<std::vector<DataRow>> SplitDataRows(std::string_view text, const std::string& source_name,
                                           size_t max_cols) {
  size_t bad = 0;
  if (!IsValidUtf8(text, &bad))
    return Status::InvalidArgument(source_name + ":" + std::to_string(LineOf(text, bad)) + ": invalid UTF-8");
  if (size_t nul = text.find('\0'); nul != std::string_view::npos)
    return Status::InvalidArgument(source_name + ":" + std::to_string(LineOf(text, nul)) + ": NUL byte in a text file");
  std::vector<DataRow> rows;
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view lead = line;
    while (!lead.empty() && (lead.front() == ' ' || lead.front() == '\t')) lead.remove_prefix(1);
    if (lead.empty() || lead.front() == '#') continue;
    DataRow row;
    row.line = line_no;
    row.text = std::string(line);
    for (size_t c = 0;;) {
      size_t tab = line.find('\t', c);
      row.cols.emplace_back(TrimField(line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c)));
      if (tab == std::string_view::npos) break;
      c = tab + 1;
    }
    // Trailing empty columns are allowed ("id<TAB>name<TAB><TAB>").
    while (row.cols.size() > 1 && row.cols.back().empty()) row.cols.pop_back();
    if (row.cols.size() > max_cols) {
      return Status::InvalidArgument(source_name + ":" + std::to_string(line_no) + ": " +
                                     std::to_string(row.cols.size()) + " tab-separated columns, expected at most " +
                                     std::to_string(max_cols));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> SplitList(std::string_view field) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos <= field.size();) {
    size_t bar = field.find('|', pos);
    if (bar == std::string_view::npos) bar = field.size();
    std::string_view item = TrimField(field.substr(pos, bar - pos));
    if (!item.empty()) out.emplace_back(item);
    pos = bar + 1;
  }
  return out;
}

}  // namespace pg
