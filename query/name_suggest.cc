#include "query/name_suggest.h"

#include <algorithm>
#include <set>

#include "core/node_id.h"
#include "core/text.h"
#include "query/edit_distance.h"

namespace pg {
namespace {

// Reading every name costs one scan of the names index; past this many, only
// prefix matches are offered.
constexpr size_t kFullScanNames = 100000;
constexpr size_t kPrefixScanNames = 200;

size_t CodePointPrefix(std::string_view s, size_t code_points) {
  size_t i = 0;
  while (i < s.size() && code_points > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --code_points;
  }
  return i;
}

}  // namespace

Status NearestNames(const Store& store, std::string_view norm, std::optional<NodeKind> kind, size_t max,
                    std::vector<NameSuggestion>* out) {
  out->clear();
  std::vector<std::pair<std::string, std::string>> names, batch;
  Status s = store.ScanNamePrefix("", kFullScanNames + 1, &names);
  if (!s.ok()) return s;
  if (names.size() > kFullScanNames) {
    // Too many to compare with all: the names sharing ever shorter prefixes.
    names.clear();
    size_t cps = CodePointCount(norm);
    for (size_t n = cps; n > 0 && names.size() < kPrefixScanNames; --n) {
      s = store.ScanNamePrefix(norm.substr(0, CodePointPrefix(norm, n)), kPrefixScanNames, &batch);
      if (!s.ok()) return s;
      names.insert(names.end(), batch.begin(), batch.end());
      if (!batch.empty()) break;
    }
  }
  size_t limit = std::max<size_t>(2, norm.size() / 3);
  std::vector<NameSuggestion> found;
  for (auto& [name, id] : names) {
    if (kind && KindOfId(id) != kind) continue;
    bool prefix = name.size() > norm.size() && name.compare(0, norm.size(), norm) == 0;
    size_t d = EditDistance(norm, name, limit);
    if (d > limit && !prefix) continue;
    found.push_back({name, id, prefix ? std::min(d, limit + 1) : d});
  }
  std::sort(found.begin(), found.end(), [](const NameSuggestion& a, const NameSuggestion& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.name.size() != b.name.size()) return a.name.size() < b.name.size();
    return a.name < b.name;
  });
  std::set<std::string> seen;
  for (NameSuggestion& f : found) {
    if (out->size() >= max) break;
    if (seen.insert(f.id).second) out->push_back(std::move(f));
  }
  return Status::OK();
}

std::string FormatSuggestions(const std::vector<NameSuggestion>& suggestions) {
  std::string out;
  for (const NameSuggestion& s : suggestions) {
    if (!out.empty()) out += ", ";
    // An arXiv id found as a name is normalized without its dot
    // ("251025741"): show the id alone.
    if (s.id.rfind("arxiv:", 0) == 0 && NormalizeName(IdKey(s.id)) == s.name)
      out += s.id;
    else
      out += "\"" + s.name + "\" (" + s.id + ")";
  }
  return out;
}

}  // namespace pg
