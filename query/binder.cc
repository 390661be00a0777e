#include "query/binder.h"

#include <algorithm>

#include "core/node_id.h"
#include "core/text.h"
#include "query/edit_distance.h"
#include "query/name_suggest.h"

namespace pg {
namespace {

// How many nodes `kind:~text` may name before it is too vague to be useful.
constexpr size_t kMaxFuzzyMatches = 500;
constexpr size_t kMaxFuzzyScan = 200000;

// The ids a key can be directly: `paper:2510.1` is arxiv:2510.1 (or the
// title id of a normalized title), `org:Stability AI` is org:stability-ai.
// Candidate i (0, 1, ...), or "" when there are no more; made one at a time
// because the title and slug forms normalize the key (NFKC), which costs
// more than looking the first form up.
std::string DirectId(NodeKind kind, const std::string& key, int i) {
  if (KindOfId(key) == kind) {  // a whole id first: paper:arxiv:2510.1
    if (i == 0) return key;
    --i;
  }
  switch (kind) {
    case NodeKind::kPaper: return i == 0 ? PaperIdFromArxiv(key) : i == 1 ? PaperIdFromTitle(key) : "";
    case NodeKind::kOrg: return i == 0 ? OrgId(key) : i == 1 ? OrgId(Slugify(key)) : "";
    case NodeKind::kTopic: return i == 0 ? TopicId(key) : i == 1 ? TopicId(Slugify(key)) : "";
    case NodeKind::kPost: {
      // Site links name posts without their extension: post:docs/papers/y2025/oct/20251030.
      static const char* const kExtensions[] = {"", ".md", ".mdx", ".markdown", ".txt"};
      return i < 5 ? PostId(key + kExtensions[i]) : "";
    }
  }
  return "";
}

// "loop transformers" -> "loop transformer"; "loop transformer" -> "... transformers".
std::vector<std::string> NumberVariants(const std::string& norm) {
  std::vector<std::string> out;
  if (norm.size() > 3 && norm.back() == 's') {
    out.push_back(norm.substr(0, norm.size() - 1));
    if (norm.size() > 4 && norm.compare(norm.size() - 2, 2, "es") == 0) out.push_back(norm.substr(0, norm.size() - 2));
  } else if (!norm.empty() && static_cast<unsigned char>(norm.back()) < 0x80) {
    out.push_back(norm + "s");
  }
  return out;
}

// True when some run of `words` consecutive words of `name` is within
// `limit` edits of `norm` ("transfomer" is near "looped transformer").
bool NearWords(const std::string& norm, size_t words, const std::string& name, size_t limit) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < name.size(); ++i)
    if (name[i] == ' ') starts.push_back(i + 1);
  for (size_t w = 0; w + words <= starts.size(); ++w) {
    size_t end = w + words < starts.size() ? starts[w + words] - 1 : name.size();
    if (EditDistance(norm, std::string_view(name).substr(starts[w], end - starts[w]), limit) <= limit) return true;
  }
  return false;
}

std::string KindWord(const NodeSelector& sel) { return sel.kind ? std::string(NodeKindName(*sel.kind)) : "node"; }

}  // namespace

Result<BoundNode> Binder::Bind(const NodeSelector& sel) {
  BoundNode b;
  b.kind = sel.kind;
  b.selector = &sel;
  if (sel.key_type == NodeSelector::KeyType::kNone) return b;
  b.keyed = true;
  Status s = sel.key_type == NodeSelector::KeyType::kFuzzy ? ResolveFuzzy(sel, &b.ids) : ResolveKey(sel, &b.ids);
  if (!s.ok()) return s;
  return b;
}

Status Binder::LookupKind(std::string_view norm, std::optional<NodeKind> kind, std::vector<std::string>* ids) {
  std::vector<std::string> found;
  Status s = store_->LookupName(norm, &found);
  if (!s.ok()) return s;
  for (std::string& id : found)
    if (!kind || KindOfId(id) == kind) ids->push_back(std::move(id));
  return Status::OK();
}

Status Binder::ResolveKey(const NodeSelector& sel, std::vector<std::string>* ids) {
  ids->clear();
  NodeKind kind = *sel.kind;
  // A bare key is an id first; a quoted name is a name first.
  auto try_ids = [&]() -> Status {
    for (int i = 0;; ++i) {
      std::string id = DirectId(kind, sel.key, i);
      if (id.empty()) break;
      Result<bool> exists = cache_->Exists(id);
      if (!exists.ok()) return exists.status();
      if (*exists) {
        ids->push_back(id);
        return Status::OK();
      }
    }
    return Status::OK();
  };
  auto try_names = [&]() -> Status {
    std::string norm = NormalizeName(sel.key);
    Status s = LookupKind(norm, kind, ids);
    for (const std::string& v : NumberVariants(norm)) {
      if (!s.ok() || !ids->empty()) break;
      s = LookupKind(v, kind, ids);
    }
    return s;
  };
  Status s;
  if (sel.key_type == NodeSelector::KeyType::kKey) {
    s = try_ids();
    if (s.ok() && ids->empty()) s = try_names();
  } else {
    s = try_names();
    if (s.ok() && ids->empty()) s = try_ids();
  }
  if (!s.ok()) return s;
  if (ids->empty()) return UnknownName(sel);
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  return Status::OK();
}

Status Binder::ResolveFuzzy(const NodeSelector& sel, std::vector<std::string>* ids) {
  ids->clear();
  std::string norm = NormalizeName(sel.key);
  std::vector<std::pair<std::string, std::string>> names;
  Status s = store_->ScanNamePrefix("", kMaxFuzzyScan, &names);
  if (!s.ok()) return s;
  size_t limit = norm.size() >= 12 ? 2 : norm.size() >= 5 ? 1 : 0;
  size_t words = 1 + std::count(norm.begin(), norm.end(), ' ');
  for (const auto& [name, id] : names) {
    if (sel.kind && KindOfId(id) != sel.kind) continue;
    if (name.find(norm) != std::string::npos || (limit > 0 && NearWords(norm, words, name, limit)))
      ids->push_back(id);
  }
  // Ids whose key contains the text (slugs of orgs and topics without a matching name).
  std::string slug = Slugify(sel.key);
  if (!slug.empty() && sel.kind && (*sel.kind == NodeKind::kOrg || *sel.kind == NodeKind::kTopic)) {
    for (const auto& [name, id] : names)
      if (KindOfId(id) == sel.kind && IdKey(id).find(slug) != std::string_view::npos) ids->push_back(id);
  }
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  if (ids->empty()) return UnknownName(sel);
  if (ids->size() > kMaxFuzzyMatches)
    return QueryErrorStatus(query_,
                            {sel.key_span, "'~" + sel.key + "' matches " + std::to_string(ids->size()) + " " +
                                               KindWord(sel) + "s, more than " + std::to_string(kMaxFuzzyMatches) +
                                               "; use a longer name"},
                            Status::Code::kLimitExceeded);
  return Status::OK();
}

Status Binder::UnknownName(const NodeSelector& sel) {
  std::vector<NameSuggestion> near;
  Status s = NearestNames(*store_, NormalizeName(sel.key), sel.kind, 5, &near);
  if (!s.ok()) return s;
  std::string what = sel.key_type == NodeSelector::KeyType::kKey ? "no " + KindWord(sel) + " with id or name '" + sel.key + "'"
                                                                : "no " + KindWord(sel) + " named \"" + sel.key + "\"";
  if (!near.empty()) what += "; did you mean " + FormatSuggestions(near) + "?";
  return QueryErrorStatus(query_, {sel.key_span, what}, Status::Code::kNotFound);
}

Result<std::string> Binder::BindOne(const NodeSelector& sel, std::string_view role) {
  if (sel.key_type == NodeSelector::KeyType::kNone)
    return QueryErrorStatus(query_, {sel.span, std::string(role) + " must name one node, such as paper:2510.21057 or "
                                                                    "topic:\"loop transformers\""});
  Result<BoundNode> b = Bind(sel);
  if (!b.ok()) return b.status();
  if (b->ids.size() > 1) {
    std::string list;
    for (size_t i = 0; i < b->ids.size() && i < 5; ++i) list += (i ? ", " : "") + b->ids[i];
    if (b->ids.size() > 5) list += ", ...";
    return QueryErrorStatus(query_, {sel.key_span, std::string(role) + " names " + std::to_string(b->ids.size()) +
                                                       " nodes (" + list + "); it must name one"});
  }
  return b->ids.front();
}

}  // namespace pg
