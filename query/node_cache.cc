#include "query/node_cache.h"

#include "query/graph_snapshot.h"

namespace pg {

Result<const NodeView*> NodeCache::Get(const std::string& id) {
  auto it = nodes_.find(id);
  if (it != nodes_.end()) return static_cast<const NodeView*>(it->second.get());
  Result<std::optional<NodeView>> node = store_->GetNode(id);
  if (!node.ok()) {
    // An id of no known kind is simply not a node.
    if (node.status().IsInvalidArgument()) return static_cast<const NodeView*>(nullptr);
    return node.status();
  }
  std::unique_ptr<NodeView> view;
  if (node->has_value()) view = std::make_unique<NodeView>(std::move(**node));
  const NodeView* out = view.get();
  nodes_.emplace(id, std::move(view));
  return out;
}

const NodeView* NodeCache::Put(NodeView view) {
  auto& slot = nodes_[view.id];
  if (!slot) slot = std::make_unique<NodeView>(std::move(view));
  return slot.get();
}

Result<bool> NodeCache::Exists(const std::string& id) {
  if (snapshot_) {
    std::optional<NodeRef> n = snapshot_->Find(id);
    return n.has_value() && snapshot_->HasProperties(*n);
  }
  Result<const NodeView*> node = Get(id);
  if (!node.ok()) return node.status();
  return *node != nullptr;
}

std::string NodeCache::DisplayName(const std::string& id) {
  if (snapshot_) {
    std::optional<NodeRef> n = snapshot_->Find(id);
    return n ? std::string(snapshot_->Name(*n)) : id;
  }
  Result<const NodeView*> node = Get(id);
  if (!node.ok() || *node == nullptr) return id;
  return (*node)->DisplayName();
}

}  // namespace pg
