// An in-memory, immutable snapshot of the whole graph for path finding,
// `related` and other whole-graph work (DESIGN §3): node ids interned to
// integers, edges in a Boost.Graph compressed_sparse_row_graph (both
// directions) with their kinds. A SnapshotCache keeps the latest snapshot
// while Store::Sequence() is unchanged.
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
  const std::vector<NodeRef>& NodesOfKind(NodeKind k) const { return by_kind_[static_cast<int>(k)]; }
  const SnapshotGraph& graph() const { return graph_; }

  // fn(other, kind) for edges n -> other / other -> n.
  template <typename Fn>
  void ForEachOut(NodeRef n, Fn&& fn) const {
    for (auto e : boost::make_iterator_range(boost::out_edges(n, graph_))) fn(boost::target(e, graph_), graph_[e].kind);
  }
  template <typename Fn>
  void ForEachIn(NodeRef n, Fn&& fn) const {
    for (auto e : boost::make_iterator_range(boost::in_edges(n, graph_))) fn(boost::source(e, graph_), graph_[e].kind);
  }

 private:
  GraphSnapshot() = default;

  uint64_t sequence_ = 0;
  std::vector<std::string> ids_;  // sorted: NodeRef order is id order
  std::vector<NodeKind> kinds_;
  std::unordered_map<std::string_view, NodeRef> refs_;  // views into ids_
  std::array<std::vector<NodeRef>, 4> by_kind_;
  SnapshotGraph graph_;
};

class SnapshotCache {
 public:
  // The cached snapshot when the store has not changed since it was built,
  // else a new one (built by the first caller; others wait for it).
  Result<std::shared_ptr<const GraphSnapshot>> Get(const Store& store);
  // The cached snapshot if it is current, without building; else null.
  std::shared_ptr<const GraphSnapshot> Current(const Store& store) const;

 private:
  mutable std::mutex mu_;
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
