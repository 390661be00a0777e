// Node properties read from the store on demand and kept for the life of
// one query (filters, sort keys and display names read the same nodes many
// times). Not thread-safe; one per query.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/store.h"

namespace pg {

class GraphSnapshot;

class NodeCache {
 public:
  explicit NodeCache(const Store* store) : store_(store) {}

  // Answers Exists and DisplayName from a current snapshot instead of the
  // store (the same answers: the snapshot read every node at build time).
  // REQUIRES: the snapshot outlives the cache and matches the store.
  void UseSnapshot(const GraphSnapshot* snapshot) { snapshot_ = snapshot; }

  // Whether the store has the node (Get would not give null).
  Result<bool> Exists(const std::string& id);

  // The node, or nullptr when the store has no such node. The pointer stays
  // valid while the cache lives.
  Result<const NodeView*> Get(const std::string& id);
  // Keeps a node the caller already read (from a scan).
  const NodeView* Put(NodeView view);
  // The display name, or the id when the node is absent or unreadable.
  std::string DisplayName(const std::string& id);

 private:
  const Store* store_;
  const GraphSnapshot* snapshot_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<NodeView>> nodes_;  // null: absent
};

}  // namespace pg
