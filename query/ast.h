// The syntax tree of a query (docs/query.md has the grammar). Every node
// carries its source span so that the binder and the evaluator can point at
// the text when they fail. Plain data; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/kinds.h"
#include "query/query_error.h"

namespace pg {

enum class CompareOp { kEq, kNe, kLt, kLe, kGt, kGe, kContains };

struct Literal {
  enum class Type { kString, kNumber, kDate, kWord };
  Type type = Type::kString;
  std::string text;  // unescaped
  Span span;
};

// `prop op literal` inside `kind[...]`.
struct Condition {
  std::string prop;
  Span prop_span;
  CompareOp op = CompareOp::kEq;
  Span op_span;
  Literal value;
};

struct NodeSelector {
  enum class KeyType {
    kNone,    // `paper`: every node of the kind
    kKey,     // `paper:2510.21057`, `org:bytedance`: an id key or a name
    kName,    // `topic:"loop transformers"`: a name or alias
    kFuzzy,   // `topic:~loop`: every node whose name is close
  };
  Span span;
  std::string var;  // `p=paper` gives "p"; "" when unnamed
  Span var_span;
  std::optional<NodeKind> kind;  // nullopt for `*`
  KeyType key_type = KeyType::kNone;
  std::string key;
  Span key_span;
  std::vector<Condition> filter;
};

struct Step {
  enum class Dir { kOut, kIn, kBoth };
  Span span;
  Dir dir = Dir::kBoth;
  std::vector<EdgeKind> kinds;  // empty: any kind
  // A lone `-` between two nodes: any kind in either direction, except that
  // an org is reached from a paper only through `affiliated` (explicit lab
  // tags), not through text `mentions`. See docs/query.md.
  bool bare = false;
  bool repeated = false;  // `*min..max`
  int min_hops = 1;
  int max_hops = 1;        // when repeated without an upper bound: 0 (the depth bound applies)
  Span repeat_span;
};

struct Pattern {
  std::vector<NodeSelector> nodes;  // nodes.size() == steps.size() + 1
  std::vector<Step> steps;
};

// Kinds named after `via`: edge kinds restrict the edges, node kinds the
// nodes a path may pass through. An edge kind qualified by a node kind
// (`mentions:topic`) keeps only the edges of that kind with an end of that
// kind (paper-topic mentions, not text mentions of labs).
struct ViaList {
  std::vector<EdgeKind> edges;
  std::vector<NodeKind> nodes;
  std::vector<std::pair<EdgeKind, NodeKind>> qualified;
  Span span;
};

struct PathCommand {
  NodeSelector from, to;
  ViaList via;
  int max_hops = 0;  // 0: the depth bound
  Span max_span;
  bool all = false;  // every shortest path, not only the first
};

struct NeighborsCommand {
  NodeSelector node;
  int depth = 1;
  Span depth_span;
  ViaList via;
};

struct RelatedCommand {
  enum Component : unsigned { kTopics = 1, kLabs = 2, kLinks = 4, kReviews = 8, kAll = 15 };
  NodeSelector node;
  unsigned components = kAll;
};

struct WhyCommand {
  NodeSelector a, b;
};

// `var` or `var.prop` (a column, or a property of the node in a column).
struct ColumnRef {
  std::string var;
  std::string prop;
  Span span;
  std::string Name() const { return prop.empty() ? var : var + "." + prop; }
};

struct SortKey {
  ColumnRef ref;
  bool desc = false;
};

struct Stage {
  enum class Type { kCount, kTop, kLimit, kSort, kSelect, kDistinct };
  Type type = Type::kCount;
  Span span;
  std::optional<ColumnRef> by;  // count by
  int64_t n = 0;                // top, limit
  Span n_span;
  std::vector<SortKey> sort;
  std::vector<ColumnRef> select;
};

using QueryBody = std::variant<Pattern, PathCommand, NeighborsCommand, RelatedCommand, WhyCommand>;

struct Query {
  QueryBody body;
  std::vector<Stage> stages;
};

}  // namespace pg
