// A GraphView over the store itself: adjacency through RocksDB prefix scans
// (Store::ForEachEdge), nodes interned as they are met. Starts instantly, so
// one-shot neighbour queries never load the whole graph. Not thread-safe.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "query/graph_view.h"
#include "query/node_cache.h"
#include "storage/adjacency_reader.h"

namespace pg {

class StoreGraphView : public GraphView {
 public:
  // REQUIRES: store and cache outlive the view.
  StoreGraphView(const Store* store, NodeCache* cache) : store_(store), cache_(cache), adjacency_(store) {}

  Result<std::optional<NodeRef>> Find(std::string_view id) override;
  const std::string& Id(NodeRef n) const override { return ids_[n]; }
  NodeKind Kind(NodeRef n) const override { return kinds_[n]; }
  Status ForEachEdge(NodeRef n, Direction dir, EdgeKindSet kinds,
                     const std::function<void(NodeRef, EdgeKind)>& fn) override;
  Status ForEachNode(std::optional<NodeKind> kind,
                     const std::function<bool(NodeRef, const NodeView* view)>& fn) override;
  Status ForEachEdgeAtKind(NodeKind node_kind, Direction dir, EdgeKindSet kinds, const std::vector<bool>& others,
                           const std::function<void(NodeRef n, NodeRef other, EdgeKind)>& fn) override;
  std::optional<uint64_t> EdgeBytesAtKind(NodeKind node_kind, Direction dir) override;
  Result<uint64_t> CountNodes(NodeKind kind) override;
  bool RefsInIdOrder() const override { return false; }  // refs are handed out as nodes are met

 private:
  NodeRef Intern(std::string_view id);

  // Lets refs_ be searched with a string_view (no string built per edge).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  const Store* store_;
  NodeCache* cache_;
  AdjacencyReader adjacency_;
  std::unordered_map<std::string, NodeRef, Hash, std::equal_to<>> refs_;
  std::vector<std::string> ids_;
  std::vector<NodeKind> kinds_;
};

}  // namespace pg
