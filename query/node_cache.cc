#include "query/node_cache.h"

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

std::string NodeCache::DisplayName(const std::string& id) {
  Result<const NodeView*> node = Get(id);
  if (!node.ok() || *node == nullptr) return id;
  return (*node)->DisplayName();
}

}  // namespace pg
