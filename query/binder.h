// The binder: turns node selectors into the node ids they name (DESIGN §4).
// `paper:2510.21057` is the id arxiv:2510.21057; `org:bytedance`,
// `topic:looped-transformer`, `post:PATH` are ids; any other key or quoted
// name is looked up, normalized, in the store's names index (titles, org
// names, topic names and aliases, Korean aliases), then with its last word
// made singular or plural. `kind:~text` names every node of the kind whose
// name contains the text or is within a few edits of it. An unknown name is
// a NotFound error, with a caret under it and the nearest names.
// Not thread-safe (it shares the query's NodeCache).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"
#include "query/node_cache.h"

namespace pg {

struct BoundNode {
  std::optional<NodeKind> kind;    // nullopt: any kind
  bool keyed = false;              // ids is the whole candidate set
  std::vector<std::string> ids;    // sorted, not empty when keyed
  const NodeSelector* selector = nullptr;
};

class Binder {
 public:
  // REQUIRES: store, cache and query text outlive the binder.
  Binder(const Store* store, NodeCache* cache, std::string_view query) : store_(store), cache_(cache), query_(query) {}

  Result<BoundNode> Bind(const NodeSelector& sel);
  // For commands that need exactly one node (`path A to B`, `why A B`):
  // an error when the selector names none or several.
  Result<std::string> BindOne(const NodeSelector& sel, std::string_view role);

 private:
  Status ResolveKey(const NodeSelector& sel, std::vector<std::string>* ids);
  Status ResolveFuzzy(const NodeSelector& sel, std::vector<std::string>* ids);
  Status LookupKind(std::string_view norm, std::optional<NodeKind> kind, std::vector<std::string>* ids);
  Status UnknownName(const NodeSelector& sel);

  const Store* store_;
  NodeCache* cache_;
  std::string_view query_;
};

}  // namespace pg
