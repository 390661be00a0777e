// What the evaluator needs from the graph: nodes interned to small integers
// (NodeRef), their kinds and ids, and adjacency by direction and edge kind.
// Two implementations: StoreGraphView reads RocksDB with prefix scans (cheap
// to start, for one-shot queries) and SnapshotGraphView reads a Boost.Graph
// snapshot (for whole-graph work and warm servers). Refs are only meaningful
// within one view. Views are not thread-safe; make one per query.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/kinds.h"
#include "core/status.h"
#include "storage/store.h"

namespace pg {

using NodeRef = uint32_t;

// A set of edge kinds, one bit per EdgeKind.
using EdgeKindSet = uint8_t;
inline constexpr EdgeKindSet kAnyEdgeKind = 0x1f;
inline constexpr EdgeKindSet KindBit(EdgeKind k) { return static_cast<EdgeKindSet>(1u << static_cast<int>(k)); }
inline constexpr bool HasKind(EdgeKindSet set, EdgeKind k) { return (set & KindBit(k)) != 0; }

class GraphView {
 public:
  virtual ~GraphView() = default;

  // The ref of an existing node, or nullopt.
  virtual Result<std::optional<NodeRef>> Find(std::string_view id) = 0;
  virtual const std::string& Id(NodeRef n) const = 0;
  virtual NodeKind Kind(NodeRef n) const = 0;
  // Calls fn(other, kind) for each edge at n in `dir` whose kind is in `kinds`:
  // for kOut the edge is n -> other, for kIn other -> n.
  virtual Status ForEachEdge(NodeRef n, Direction dir, EdgeKindSet kinds,
                             const std::function<void(NodeRef, EdgeKind)>& fn) = 0;
  // Calls fn for each node of `kind` (every node when nullopt); `view` is the
  // node's properties when the implementation read them anyway, else null.
  // fn returns false to stop.
  virtual Status ForEachNode(std::optional<NodeKind> kind,
                             const std::function<bool(NodeRef, const NodeView* view)>& fn) = 0;
  // Calls fn(n, other, kind) for each edge in `dir` (as ForEachEdge) at every
  // node n of `node_kind` whose other end is marked in `others` (by ref).
  // For a step from thousands of nodes into a kind with few (papers to
  // labs), read from the few's side. This default asks node by node.
  virtual Status ForEachEdgeAtKind(NodeKind node_kind, Direction dir, EdgeKindSet kinds,
                                   const std::vector<bool>& others,
                                   const std::function<void(NodeRef n, NodeRef other, EdgeKind)>& fn);
  // About how many bytes of storage ForEachEdgeAtKind(node_kind, dir) reads,
  // when the view can tell (then the caller can choose the cheaper side).
  virtual std::optional<uint64_t> EdgeBytesAtKind(NodeKind, Direction) { return std::nullopt; }
  // The number of nodes of `kind` (without reading their properties).
  virtual Result<uint64_t> CountNodes(NodeKind kind) = 0;
  // True when a < b exactly when Id(a) < Id(b), so sorting refs sorts ids.
  virtual bool RefsInIdOrder() const = 0;

  // Id order, cheaply when refs are in id order.
  bool IdLess(NodeRef a, NodeRef b) const { return RefsInIdOrder() ? a < b : Id(a) < Id(b); }
};

}  // namespace pg
