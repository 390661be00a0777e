#include "importers/org_aliases.h"

#include <utf8proc.h>

#include <algorithm>
#include <filesystem>

#include "core/hash.h"
#include "core/node_id.h"
#include "core/text.h"
#include "importers/lexicon.h"

namespace pg {
namespace {

constexpr size_t kFuzzyMinLength = 7;  // code points; shorter names are too easy to confuse

bool IsSlug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && s[i + 1] == '-')) return false;
  }
  return true;
}

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    out.push_back(static_cast<char32_t>(cp));
    i += static_cast<size_t>(n);
  }
  return out;
}

// True when a and b differ by exactly one insertion, deletion, substitution or
// swap of neighbours (optimal string alignment distance 1).
bool OneEditApart(const std::u32string& a, const std::u32string& b) {
  if (a == b) return false;
  const std::u32string& s = a.size() <= b.size() ? a : b;  // shorter
  const std::u32string& l = a.size() <= b.size() ? b : a;  // longer
  if (l.size() - s.size() > 1) return false;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i]) ++i;
  if (s.size() == l.size()) {
    if (s.compare(i + 1, std::u32string::npos, l, i + 1, std::u32string::npos) == 0) return true;
    return i + 1 < s.size() && s[i] == l[i + 1] && s[i + 1] == l[i] &&
           s.compare(i + 2, std::u32string::npos, l, i + 2, std::u32string::npos) == 0;
  }
  return s.compare(i, std::u32string::npos, l, i + 1, std::u32string::npos) == 0;
}

std::string_view Spelling(std::string_view name) {
  return !name.empty() && name.front() == '=' ? name.substr(1) : name;
}

void AppendNew(std::vector<std::string>* to, const std::vector<std::string>& from) {
  for (const std::string& x : from) {
    if (std::find(to->begin(), to->end(), x) == to->end()) to->push_back(x);
  }
}

}  // namespace

std::string CompactOrgKey(std::string_view tag) {
  std::string n = NormalizeName(tag);
  n.erase(std::remove(n.begin(), n.end(), ' '), n.end());
  return n;
}

Result<OrgAliases> OrgAliases::FromTsv(std::string_view text, const std::string& source_name) {
  Result<std::vector<DataRow>> rows = SplitDataRows(text, source_name, 5);
  if (!rows.ok()) return rows.status();
  OrgAliases table;
  for (const DataRow& row : *rows) {
    std::string where = source_name + ":" + std::to_string(row.line);
    auto col = [&](size_t i) { return i < row.cols.size() ? row.cols[i] : std::string(); };
    if (col(0) == "-") {  // spellings that mean "no lab"
      for (const std::string& s : SplitList(col(2))) {
        Status st = table.AddSpelling(s, kNoLab, where);
        if (!st.ok()) return st;
        table.no_lab_.push_back(s);
      }
      continue;
    }
    if (row.cols.size() < 2 || col(1).empty()) {
      return Status::InvalidArgument(where +
                                     ": expected 'canonical_id<TAB>display name<TAB>aliases<TAB>prose names<TAB>not in prose'");
    }
    if (table.Find(col(0))) {
      return Status::InvalidArgument(where + ": lab '" + col(0) + "' is already defined at " +
                                     table.where_[table.by_id_.at(col(0))]);
    }
    Org org;
    org.id = col(0);
    org.name = col(1);
    org.aliases = SplitList(col(2));
    org.prose_names = SplitList(col(3));
    org.not_in_prose = SplitList(col(4));
    Status st = table.AddOrg(std::move(org), where);
    if (!st.ok()) return st;
  }
  return table;
}

Status OrgAliases::AddSpelling(std::string_view spelling, size_t org, const std::string& where) {
  std::string key = CompactOrgKey(Spelling(spelling));
  if (key.empty()) {
    return Status::InvalidArgument(where + ": spelling '" + std::string(spelling) + "' has no letters or digits");
  }
  auto it = by_key_.find(key);
  if (it != by_key_.end() && it->second != org) {
    std::string owner = it->second == kNoLab ? "the \"no lab\" row" : "lab '" + orgs_[it->second].id + "'";
    std::string mine = org == kNoLab ? "the \"no lab\" row" : "lab '" + orgs_[org].id + "'";
    return Status::InvalidArgument(where + ": '" + std::string(spelling) + "' of " + mine +
                                   " is already a spelling of " + owner + " (" + key_where_[key] + ")");
  }
  if (it == by_key_.end()) {
    by_key_[key] = org;
    key_where_[key] = where;
  }
  return Status::OK();
}

Status OrgAliases::AddOrg(Org org, const std::string& where) {
  if (!IsSlug(org.id)) {
    std::string hint = Slugify(org.id);
    return Status::InvalidArgument(where + ": canonical id '" + org.id +
                                   "' is not a slug (a-z, 0-9 and single '-')" +
                                   (IsSlug(hint) ? "; did you mean '" + hint + "'?" : ""));
  }
  for (const std::string& p : org.prose_names) {
    if (Spelling(p).empty()) return Status::InvalidArgument(where + ": empty prose name '='");
  }
  std::vector<std::string_view> spellings = {org.id, org.name};
  for (const std::string& a : org.aliases) spellings.push_back(a);
  for (const std::string& p : org.prose_names) spellings.push_back(p);
  // Check every spelling before changing anything: on error the table is unchanged.
  size_t index = orgs_.size();
  std::vector<std::string> keys;
  for (std::string_view s : spellings) {
    std::string key = CompactOrgKey(Spelling(s));
    keys.push_back(key);
    if (key.empty()) {
      return Status::InvalidArgument(where + ": spelling '" + std::string(s) + "' has no letters or digits");
    }
    auto it = by_key_.find(key);
    if (it != by_key_.end()) {
      std::string owner = it->second == kNoLab ? "the \"no lab\" row" : "lab '" + orgs_[it->second].id + "'";
      return Status::InvalidArgument(where + ": '" + std::string(s) + "' of lab '" + org.id +
                                     "' is already a spelling of " + owner + " (" + key_where_[key] + ")");
    }
  }
  by_id_[org.id] = index;
  orgs_.push_back(std::move(org));
  where_.push_back(where);
  for (const std::string& key : keys) {
    if (by_key_.emplace(key, index).second) key_where_[key] = where;
  }
  return Status::OK();
}

Status OrgAliases::Merge(const OrgAliases& other) {
  OrgAliases merged = *this;
  for (const std::string& s : other.no_lab_) {
    auto it = other.key_where_.find(CompactOrgKey(s));
    Status st = merged.AddSpelling(s, kNoLab, it == other.key_where_.end() ? std::string() : it->second);
    if (!st.ok()) return st;
    if (std::find(merged.no_lab_.begin(), merged.no_lab_.end(), s) == merged.no_lab_.end()) merged.no_lab_.push_back(s);
  }
  for (size_t k = 0; k < other.orgs_.size(); ++k) {
    const Org& o = other.orgs_[k];
    const std::string& where = other.where_[k];
    auto it = merged.by_id_.find(o.id);
    if (it == merged.by_id_.end()) {
      Status st = merged.AddOrg(o, where);
      if (!st.ok()) return st;
      continue;
    }
    size_t i = it->second;
    std::vector<std::string_view> spellings = {o.name};
    for (const std::string& a : o.aliases) spellings.push_back(a);
    for (const std::string& p : o.prose_names) spellings.push_back(p);
    for (std::string_view s : spellings) {
      Status st = merged.AddSpelling(s, i, where);
      if (!st.ok()) return st;
    }
    Org& old = merged.orgs_[i];
    if (!o.name.empty() && o.name != old.name) {
      if (std::find(old.aliases.begin(), old.aliases.end(), old.name) == old.aliases.end())
        old.aliases.push_back(old.name);
      old.name = o.name;
    }
    AppendNew(&old.aliases, o.aliases);
    AppendNew(&old.prose_names, o.prose_names);
    AppendNew(&old.not_in_prose, o.not_in_prose);
  }
  *this = std::move(merged);
  return Status::OK();
}

std::optional<size_t> OrgAliases::Lookup(std::string_view tag, bool* ignored) const {
  *ignored = false;
  std::string key = CompactOrgKey(tag);
  if (key.empty()) {
    *ignored = true;
    return std::nullopt;
  }
  auto it = by_key_.find(key);
  if (it == by_key_.end()) {
    // A typo of a long name: accept it when every spelling one edit away
    // belongs to the same lab.
    std::u32string cps = CodePoints(key);
    if (cps.size() + 1 < kFuzzyMinLength) return std::nullopt;
    std::optional<size_t> found;
    for (const auto& [k, org] : by_key_) {
      if (k.size() + 4 < key.size() || key.size() + 4 < k.size()) continue;  // cheap length filter (bytes)
      std::u32string kc = CodePoints(k);
      if (kc.size() < kFuzzyMinLength || !OneEditApart(cps, kc)) continue;
      if (found && *found != org) return std::nullopt;  // ambiguous
      found = org;
    }
    if (!found) return std::nullopt;
    if (*found == kNoLab) {
      *ignored = true;
      return std::nullopt;
    }
    return found;
  }
  if (it->second == kNoLab) {
    *ignored = true;
    return std::nullopt;
  }
  return it->second;
}

std::optional<std::string> OrgAliases::Canonicalize(std::string_view tag) const {
  bool ignored = false;
  std::optional<size_t> org = Lookup(tag, &ignored);
  if (org) return orgs_[*org].id;
  if (ignored) return std::nullopt;
  std::string slug = Slugify(tag);
  if (slug.empty()) return std::nullopt;
  return slug;
}

bool OrgAliases::IsKnown(std::string_view tag) const {
  bool ignored = false;
  return Lookup(tag, &ignored).has_value();
}

const Org* OrgAliases::Find(std::string_view canonical_id) const {
  auto it = by_id_.find(std::string(canonical_id));
  return it == by_id_.end() ? nullptr : &orgs_[it->second];
}

std::string OrgAliases::DisplayName(std::string_view canonical_id) const {
  const Org* org = Find(canonical_id);
  return org ? org->name : std::string(canonical_id);
}

std::string OrgAliases::Fingerprint() const {
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    std::string out;
    for (const std::string& s : v) out += s + '\x1e';
    return out;
  };
  std::vector<std::string> lines;
  for (const Org& o : orgs_) {
    lines.push_back(o.id + '\x1f' + o.name + '\x1f' + sorted(o.aliases) + '\x1f' + sorted(o.prose_names) + '\x1f' +
                    sorted(o.not_in_prose));
  }
  std::sort(lines.begin(), lines.end());
  std::string all = "-\x1f" + sorted(no_lab_) + '\n';
  for (const std::string& l : lines) all += l + '\n';
  return "orgs1-" + ContentHash(all);
}

Result<OrgAliases> LoadOrgAliasesFile(const std::string& path) {
  Result<std::string> text = ReadDataFile(path);
  if (!text.ok()) return text.status();
  return OrgAliases::FromTsv(*text, path);
}

Result<OrgAliases> LoadOrgAliases(const std::string& data_dir, const std::vector<std::string>& extra_paths) {
  Result<OrgAliases> table = LoadOrgAliasesFile((std::filesystem::path(data_dir) / "orgs.tsv").string());
  if (!table.ok()) return table;
  for (const std::string& path : extra_paths) {
    Result<OrgAliases> more = LoadOrgAliasesFile(path);
    if (!more.ok()) return more.status();
    Status s = table->Merge(*more);
    if (!s.ok()) return s;
  }
  return table;
}

}  // namespace pg
