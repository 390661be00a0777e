#include "query/store_graph_view.h"

#include "core/node_id.h"

namespace pg {

NodeRef StoreGraphView::Intern(std::string_view id) {
  if (auto it = refs_.find(id); it != refs_.end()) return it->second;
  NodeRef n = static_cast<NodeRef>(ids_.size());
  ids_.emplace_back(id);
  kinds_.push_back(KindOfId(id).value_or(NodeKind::kPaper));
  refs_.emplace(ids_.back(), n);
  return n;
}

Result<std::optional<NodeRef>> StoreGraphView::Find(std::string_view id) {
  auto it = refs_.find(id);
  if (it != refs_.end()) return std::optional<NodeRef>(it->second);
  Result<const NodeView*> node = cache_->Get(std::string(id));
  if (!node.ok()) return node.status();
  if (*node == nullptr) return std::optional<NodeRef>();
  return std::optional<NodeRef>(Intern(std::string(id)));
}

Status StoreGraphView::ForEachEdge(NodeRef n, Direction dir, EdgeKindSet kinds,
                                   const std::function<void(NodeRef, EdgeKind)>& fn) {
  if (kinds == 0) return Status::OK();
  // One kind: scan just its prefix; several: scan the node's prefix and filter.
  std::optional<EdgeKind> only;
  int count = 0;
  for (EdgeKind k : kAllEdgeKinds)
    if (HasKind(kinds, k)) {
      only = k;
      ++count;
    }
  if (count != 1) only.reset();
  std::string self = ids_[n];  // Intern may grow ids_ during the scan
  return adjacency_.ForEachNeighbor(self, dir, only, [&](std::string_view other, EdgeKind k) {
    if (HasKind(kinds, k)) fn(Intern(other), k);
  });
}

Status StoreGraphView::ForEachNode(std::optional<NodeKind> kind,
                                   const std::function<bool(NodeRef, const NodeView* view)>& fn) {
  return store_->ForEachNode([&](const NodeView& v) {
    if (kind && v.kind != *kind) return true;
    return fn(Intern(v.id), &v);
  });
}

Status StoreGraphView::ForEachEdgeAtKind(NodeKind node_kind, Direction dir, EdgeKindSet kinds,
                                         const std::vector<bool>& others,
                                         const std::function<void(NodeRef n, NodeRef other, EdgeKind)>& fn) {
  std::string last_id;  // the node of the previous edge, and its ref
  NodeRef last_ref = 0;
  for (std::string_view prefix : IdPrefixes(node_kind)) {
    Status s = adjacency_.ForEachNeighborUnder(prefix, dir, [&](std::string_view id, std::string_view other, EdgeKind k) {
      if (!HasKind(kinds, k)) return;
      // A marked node has a ref already: an unknown id is not one of them.
      auto it = refs_.find(other);
      if (it == refs_.end() || it->second >= others.size() || !others[it->second]) return;
      if (id != last_id) {
        last_ref = Intern(id);
        last_id.assign(id);
      }
      fn(last_ref, it->second, k);
    });
    if (!s.ok()) return s;
  }
  return Status::OK();
}

std::optional<uint64_t> StoreGraphView::EdgeBytesAtKind(NodeKind node_kind, Direction dir) {
  uint64_t total = 0;
  for (std::string_view prefix : IdPrefixes(node_kind)) {
    uint64_t bytes = adjacency_.ApproximateBytesUnder(prefix, dir);
    if (bytes == UINT64_MAX) return std::nullopt;
    total += bytes;
  }
  return total;
}

Result<uint64_t> StoreGraphView::CountNodes(NodeKind kind) {
  uint64_t counts[4] = {0, 0, 0, 0};
  if (Status s = store_->CountNodes(counts); !s.ok()) return s;
  return counts[static_cast<int>(kind)];
}

}  // namespace pg
