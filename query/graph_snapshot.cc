#include "query/graph_snapshot.h"

#include <algorithm>

#include "core/node_id.h"

namespace pg {

Result<std::shared_ptr<const GraphSnapshot>> GraphSnapshot::Build(const Store& store) {
  std::shared_ptr<GraphSnapshot> snap(new GraphSnapshot());
  // The sequence first: a change during the build makes the snapshot stale
  // at once instead of hiding the change.
  snap->sequence_ = store.Sequence();
  std::vector<std::string> ids;
  Status s = store.ForEachNode([&](const NodeView& v) {
    ids.push_back(v.id);
    return true;
  });
  if (!s.ok()) return s;
  std::vector<std::pair<std::string, std::string>> raw_ends;
  std::vector<SnapshotEdge> kinds;
  s = store.ForEachEdgeAll([&](const EdgeView& e) {
    raw_ends.emplace_back(e.src, e.dst);
    kinds.push_back(SnapshotEdge{e.kind});
    return true;
  });
  if (!s.ok()) return s;
  // Edges name their ends; an end without properties is still a node.
  for (const auto& [a, b] : raw_ends) {
    ids.push_back(a);
    ids.push_back(b);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  snap->ids_ = std::move(ids);
  snap->refs_.reserve(snap->ids_.size());
  snap->kinds_.reserve(snap->ids_.size());
  for (size_t i = 0; i < snap->ids_.size(); ++i) {
    const std::string& id = snap->ids_[i];
    snap->refs_.emplace(std::string_view(id), static_cast<NodeRef>(i));
    NodeKind k = KindOfId(id).value_or(NodeKind::kPaper);
    snap->kinds_.push_back(k);
    snap->by_kind_[static_cast<int>(k)].push_back(static_cast<NodeRef>(i));
  }
  std::vector<std::pair<NodeRef, NodeRef>> ends;
  ends.reserve(raw_ends.size());
  for (const auto& [a, b] : raw_ends) ends.emplace_back(snap->refs_.at(a), snap->refs_.at(b));
  snap->graph_ = SnapshotGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), kinds.begin(),
                               static_cast<NodeRef>(snap->ids_.size()));
  return std::shared_ptr<const GraphSnapshot>(std::move(snap));
}

std::optional<NodeRef> GraphSnapshot::Find(std::string_view id) const {
  auto it = refs_.find(id);
  if (it == refs_.end()) return std::nullopt;
  return it->second;
}

Result<std::shared_ptr<const GraphSnapshot>> SnapshotCache::Get(const Store& store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (snapshot_ && snapshot_->sequence() == store.Sequence()) return snapshot_;
  Result<std::shared_ptr<const GraphSnapshot>> built = GraphSnapshot::Build(store);
  if (!built.ok()) return built.status();
  snapshot_ = *built;
  return snapshot_;
}

std::shared_ptr<const GraphSnapshot> SnapshotCache::Current(const Store& store) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (snapshot_ && snapshot_->sequence() == store.Sequence()) return snapshot_;
  return nullptr;
}

Status SnapshotGraphView::ForEachEdge(NodeRef n, Direction dir, EdgeKindSet kinds,
                                      const std::function<void(NodeRef, EdgeKind)>& fn) {
  auto visit = [&](NodeRef other, EdgeKind k) {
    if (HasKind(kinds, k)) fn(other, k);
  };
  if (dir == Direction::kOut)
    snap_->ForEachOut(n, visit);
  else
    snap_->ForEachIn(n, visit);
  return Status::OK();
}

Status SnapshotGraphView::ForEachNode(std::optional<NodeKind> kind,
                                      const std::function<bool(NodeRef, const NodeView* view)>& fn) {
  if (kind) {
    for (NodeRef n : snap_->NodesOfKind(*kind))
      if (!fn(n, nullptr)) break;
    return Status::OK();
  }
  for (NodeRef n = 0; n < snap_->node_count(); ++n)
    if (!fn(n, nullptr)) break;
  return Status::OK();
}

}  // namespace pg
