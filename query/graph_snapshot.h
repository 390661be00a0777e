// An in-memory, immutable snapshot of the whole graph for path finding,
// `related` and other whole-graph work (DESIGN §3): node ids interned to
// integers, edges in a Boost.Graph compressed_sparse_row_graph (both
// directions) with their kinds. A SnapshotCache keeps the latest snapshot
// while Store::Sequence() is unchanged.
//
// Beside the Boost graph the snapshot keeps what the evaluator's hot loops
// read (docs/benchmarks.md): every node's edges of both directions in one
// flat array sorted by neighbour (so a node's neighbours come out in id
// order), each entry one byte of metadata (edge kind, direction, the
// neighbour's kind) beside the neighbour's ref; and each node's display
// name, read once at build time so that answers need no store reads.
//
// A GraphSnapshot is immutable after Build and safe to share between threads;
// SnapshotCache is thread-safe; SnapshotGraphView is one query's view (not
// thread-safe).
#pragma once

#include <array>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/graph_view.h"

namespace pg {

struct SnapshotEdge {
  EdgeKind kind = EdgeKind::kMentions;
};

using SnapshotGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, SnapshotEdge,
                                                         boost::no_property, NodeRef, uint32_t>;

// The metadata byte of an adjacency entry: bits 0-2 the edge kind, bit 3 set
// when the edge leaves the node (n -> other), bits 4-5 the other node's kind.
using AdjMeta = uint8_t;
inline constexpr AdjMeta kAdjOut = 8;
inline constexpr EdgeKind AdjKind(AdjMeta m) { return static_cast<EdgeKind>(m & 7); }
inline constexpr bool AdjIsOut(AdjMeta m) { return (m & kAdjOut) != 0; }
inline constexpr NodeKind AdjOtherKind(AdjMeta m) { return static_cast<NodeKind>((m >> 4) & 3); }

// One node's edges, both directions: other[i] joined by an edge described by meta[i].
struct AdjList {
  const NodeRef* other = nullptr;
  const AdjMeta* meta = nullptr;
  uint32_t size = 0;
};

class GraphSnapshot {
 public:
  // Reads every node and edge of the store.
  static Result<std::shared_ptr<const GraphSnapshot>> Build(const Store& store);

  uint64_t sequence() const { return sequence_; }
  size_t node_count() const { return ids_.size(); }
  size_t edge_count() const { return boost::num_edges(graph_); }
  std::optional<NodeRef> Find(std::string_view id) const;
  const std::string& Id(NodeRef n) const { return ids_[n]; }
  NodeKind Kind(NodeRef n) const { return kinds_[n]; }
  // True when the store has properties for the node (Store::GetNode finds
  // it); false for a node named only as an edge's end.
  bool HasProperties(NodeRef n) const { return has_props_[n] != 0; }
  // NodeView::DisplayName() of the node, or its id when it has no properties
  // (what NodeCache::DisplayName gives).
  std::string_view Name(NodeRef n) const {
    return std::string_view(text_.data() + text_at_[n] + id_len_[n], text_at_[n + 1] - text_at_[n] - id_len_[n]);
  }
  // The id as a view of the same packed text (one memory access for a
  // node's id and name, in ref order).
  std::string_view IdView(NodeRef n) const { return std::string_view(text_.data() + text_at_[n], id_len_[n]); }
  const std::vector<NodeRef>& NodesOfKind(NodeKind k) const { return by_kind_[static_cast<int>(k)]; }
  const SnapshotGraph& graph() const { return graph_; }

  // Every edge at n, both directions, sorted by (other, meta).
  AdjList Adjacent(NodeRef n) const {
    uint32_t b = adj_start_[n], e = adj_start_[n + 1];
    return AdjList{adj_other_.data() + b, adj_meta_.data() + b, e - b};
  }
  uint32_t Degree(NodeRef n) const { return adj_start_[n + 1] - adj_start_[n]; }
  // The mean degree of the nodes of a kind (at least 1): a guess at a node's
  // degree that needs no memory access.
  uint32_t MeanDegree(NodeKind k) const { return mean_degree_[static_cast<int>(k)]; }
  // Asks the cache for n's edges ahead of reading them (a hint; no effect on answers).
  void Prefetch(NodeRef n) const {
    uint32_t b = adj_start_[n];
    __builtin_prefetch(adj_other_.data() + b);
    __builtin_prefetch(adj_meta_.data() + b);
  }

  // fn(other, kind) for edges n -> other / other -> n.
  template <typename Fn>
  void ForEachOut(NodeRef n, Fn&& fn) const {
    AdjList a = Adjacent(n);
    for (uint32_t i = 0; i < a.size; ++i)
      if (AdjIsOut(a.meta[i])) fn(a.other[i], AdjKind(a.meta[i]));
  }
  template <typename Fn>
  void ForEachIn(NodeRef n, Fn&& fn) const {
    AdjList a = Adjacent(n);
    for (uint32_t i = 0; i < a.size; ++i)
      if (!AdjIsOut(a.meta[i])) fn(a.other[i], AdjKind(a.meta[i]));
  }

 private:
  GraphSnapshot() = default;

  uint64_t sequence_ = 0;
  std::vector<std::string> ids_;  // sorted: NodeRef order is id order
  std::vector<NodeKind> kinds_;
  std::vector<uint8_t> has_props_;
  // Each node's id and then its display name (the id again when it has no
  // properties), node after node in ref order.
  std::string text_;
  std::vector<uint64_t> text_at_;  // node_count() + 1 offsets into text_
  std::vector<uint32_t> id_len_;
  std::unordered_map<std::string_view, NodeRef> refs_;  // views into ids_
  std::array<std::vector<NodeRef>, 4> by_kind_;
  SnapshotGraph graph_;
  std::vector<uint32_t> adj_start_;  // node_count() + 1 offsets into adj_other_ / adj_meta_
  std::vector<NodeRef> adj_other_;
  std::vector<AdjMeta> adj_meta_;
  uint32_t mean_degree_[4] = {1, 1, 1, 1};
};

class SnapshotCache {
 public:
  // The cached snapshot when the store has not changed since it was built,
  // else a new one (built by the first caller; others wait for it).
  Result<std::shared_ptr<const GraphSnapshot>> Get(const Store& store);
  // The cached snapshot if it is current, without building; else null.
  std::shared_ptr<const GraphSnapshot> Current(const Store& store) const;

 private:
  mutable std::mutex mu_;  // guards snapshot_
  std::mutex build_mu_;    // held for a whole build
  std::shared_ptr<const GraphSnapshot> snapshot_;
};

class SnapshotGraphView : public GraphView {
 public:
  explicit SnapshotGraphView(std::shared_ptr<const GraphSnapshot> snapshot) : snap_(std::move(snapshot)) {}

  const GraphSnapshot& snapshot() const { return *snap_; }
  Result<std::optional<NodeRef>> Find(std::string_view id) override { return snap_->Find(id); }
  const std::string& Id(NodeRef n) const override { return snap_->Id(n); }
  NodeKind Kind(NodeRef n) const override { return snap_->Kind(n); }
  Status ForEachEdge(NodeRef n, Direction dir, EdgeKindSet kinds,
                     const std::function<void(NodeRef, EdgeKind)>& fn) override;
  Status ForEachNode(std::optional<NodeKind> kind,
                     const std::function<bool(NodeRef, const NodeView* view)>& fn) override;
  Result<uint64_t> CountNodes(NodeKind kind) override { return uint64_t{snap_->NodesOfKind(kind).size()}; }
  bool RefsInIdOrder() const override { return true; }  // ids are sorted when the snapshot is built

 private:
  std::shared_ptr<const GraphSnapshot> snap_;
};

}  // namespace pg
