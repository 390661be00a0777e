#include "query/graph_view.h"

namespace pg {

Status GraphView::ForEachEdgeAtKind(NodeKind node_kind, Direction dir, EdgeKindSet kinds,
                                    const std::vector<bool>& others,
                                    const std::function<void(NodeRef n, NodeRef other, EdgeKind)>& fn) {
  std::vector<NodeRef> nodes;
  Status s = ForEachNode(node_kind, [&](NodeRef n, const NodeView*) {
    nodes.push_back(n);
    return true;
  });
  for (size_t i = 0; s.ok() && i < nodes.size(); ++i)
    s = ForEachEdge(nodes[i], dir, kinds, [&](NodeRef other, EdgeKind k) {
      if (other < others.size() && others[other]) fn(nodes[i], other, k);
    });
  return s;
}

}  // namespace pg
