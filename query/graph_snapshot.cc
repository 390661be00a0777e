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
  std::vector<std::pair<std::string, std::string>> named;  // nodes with properties: id, display name (id order)
  Status s = store.ForEachNodeNames([&](const NodeView& v) {
    ids.push_back(v.id);
    named.emplace_back(v.id, v.DisplayName());
    return true;
  });
  if (!s.ok()) return s;
  std::vector<std::pair<std::string, std::string>> raw_ends;
  std::vector<SnapshotEdge> kinds;
  s = store.ForEachEdgeEnds([&](std::string_view src, EdgeKind kind, std::string_view dst) {
    raw_ends.emplace_back(src, dst);
    kinds.push_back(SnapshotEdge{kind});
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
  size_t n = snap->ids_.size();
  snap->refs_.reserve(n);
  snap->kinds_.reserve(n);
  snap->has_props_.assign(n, 0);
  std::vector<std::string> names(n);
  std::sort(named.begin(), named.end());
  size_t next_named = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string& id = snap->ids_[i];
    NodeKind k = KindOfId(id).value_or(NodeKind::kPaper);
    snap->kinds_.push_back(k);
    snap->by_kind_[static_cast<int>(k)].push_back(static_cast<NodeRef>(i));
    if (next_named < named.size() && named[next_named].first == id) {
      snap->has_props_[i] = 1;
      names[i] = std::move(named[next_named].second);
      ++next_named;
    }
  }
  named.clear();
  named.shrink_to_fit();
  // The packed ids and names.
  size_t text_size = 0;
  for (size_t i = 0; i < n; ++i) text_size += snap->ids_[i].size() + (snap->has_props_[i] ? names[i].size() : snap->ids_[i].size());
  snap->text_.reserve(text_size);
  snap->text_at_.reserve(n + 1);
  snap->id_len_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    snap->text_at_.push_back(snap->text_.size());
    snap->id_len_.push_back(static_cast<uint32_t>(snap->ids_[i].size()));
    snap->text_ += snap->ids_[i];
    snap->text_ += snap->has_props_[i] ? names[i] : snap->ids_[i];
  }
  snap->text_at_.push_back(snap->text_.size());
  names.clear();
  names.shrink_to_fit();
  for (size_t i = 0; i < n; ++i) snap->refs_.emplace(std::string_view(snap->ids_[i]), static_cast<NodeRef>(i));
  std::vector<std::pair<NodeRef, NodeRef>> ends;
  ends.reserve(raw_ends.size());
  for (const auto& [a, b] : raw_ends) ends.emplace_back(snap->refs_.at(a), snap->refs_.at(b));
  raw_ends.clear();
  raw_ends.shrink_to_fit();

  // The flat adjacency, both directions, each node's entries sorted by (other, meta).
  auto meta = [&](EdgeKind k, bool out, NodeRef other) {
    return static_cast<AdjMeta>(static_cast<int>(k) | (out ? kAdjOut : 0) |
                                static_cast<int>(snap->kinds_[other]) << 4);
  };
  snap->adj_start_.assign(n + 1, 0);
  for (const auto& [a, b] : ends) {
    ++snap->adj_start_[a + 1];
    ++snap->adj_start_[b + 1];
  }
  for (size_t i = 0; i < n; ++i) snap->adj_start_[i + 1] += snap->adj_start_[i];
  std::vector<uint32_t> fill(snap->adj_start_.begin(), snap->adj_start_.end() - 1);
  std::vector<uint64_t> packed(ends.size() * 2);  // other << 8 | meta, sorted per node
  for (size_t e = 0; e < ends.size(); ++e) {
    auto [a, b] = ends[e];
    packed[fill[a]++] = uint64_t{b} << 8 | meta(kinds[e].kind, true, b);
    packed[fill[b]++] = uint64_t{a} << 8 | meta(kinds[e].kind, false, a);
  }
  snap->adj_other_.resize(packed.size());
  snap->adj_meta_.resize(packed.size());
  for (size_t i = 0; i < n; ++i) {
    auto first = packed.begin() + snap->adj_start_[i], last = packed.begin() + snap->adj_start_[i + 1];
    std::sort(first, last);
    for (auto it = first; it != last; ++it) {
      size_t at = static_cast<size_t>(it - packed.begin());
      snap->adj_other_[at] = static_cast<NodeRef>(*it >> 8);
      snap->adj_meta_[at] = static_cast<AdjMeta>(*it & 0xff);
    }
  }

  for (NodeKind k : kAllNodeKinds) {
    uint64_t edges = 0;
    const std::vector<NodeRef>& nodes = snap->by_kind_[static_cast<int>(k)];
    for (NodeRef v : nodes) edges += snap->Degree(v);
    snap->mean_degree_[static_cast<int>(k)] =
        static_cast<uint32_t>(std::max<uint64_t>(1, nodes.empty() ? 1 : edges / nodes.size()));
  }

  snap->graph_ = SnapshotGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), kinds.begin(),
                               static_cast<NodeRef>(n));
  return std::shared_ptr<const GraphSnapshot>(std::move(snap));
}

std::optional<NodeRef> GraphSnapshot::Find(std::string_view id) const {
  auto it = refs_.find(id);
  if (it == refs_.end()) return std::nullopt;
  return it->second;
}

Result<std::shared_ptr<const GraphSnapshot>> SnapshotCache::Get(const Store& store) {
  if (std::shared_ptr<const GraphSnapshot> current = Current(store)) return current;
  // One build at a time, outside mu_: Current() answers at once meanwhile.
  std::lock_guard<std::mutex> building(build_mu_);
  if (std::shared_ptr<const GraphSnapshot> current = Current(store)) return current;  // built meanwhile
  Result<std::shared_ptr<const GraphSnapshot>> built = GraphSnapshot::Build(store);
  if (!built.ok()) return built.status();
  std::lock_guard<std::mutex> lock(mu_);
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
