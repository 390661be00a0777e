// The edges and nodes a `path` or `neighbors` may use, from its `via` list
// (docs/query.md): edge kinds, edge kinds qualified by a node kind at one
// end (`mentions:topic`), and node kinds the search may pass through. Plain
// data; thread-compatible.
#pragma once

#include <algorithm>
#include <cstdint>

#include "query/ast.h"
#include "query/graph_view.h"

namespace pg {

struct ViaFilter {
  EdgeKindSet kinds = kAnyEdgeKind;
  // Per edge kind, the node kinds (one bit each) one of whose the edge must
  // touch; 0xf for any.
  uint8_t ends[5] = {0xf, 0xf, 0xf, 0xf, 0xf};
  uint8_t nodes = 0xf;  // node kinds that may be listed and passed through
  bool qualified = false;  // some edge kind has ends other than 0xf

  static ViaFilter Of(const ViaList& via) {
    ViaFilter f;
    if (!via.edges.empty() || !via.qualified.empty()) {
      f.kinds = 0;
      for (uint8_t& e : f.ends) e = 0;
      for (EdgeKind k : via.edges) {
        f.kinds |= KindBit(k);
        f.ends[static_cast<int>(k)] = 0xf;
      }
      for (const auto& [k, n] : via.qualified) {
        f.kinds |= KindBit(k);
        f.ends[static_cast<int>(k)] |= NodeBit(n);
      }
      for (EdgeKind k : kAllEdgeKinds)
        if (HasKind(f.kinds, k) && f.ends[static_cast<int>(k)] != 0xf) f.qualified = true;
    }
    if (!via.nodes.empty()) {
      f.nodes = 0;
      for (NodeKind n : via.nodes) f.nodes |= NodeBit(n);
    }
    return f;
  }

  static constexpr uint8_t NodeBit(NodeKind n) { return static_cast<uint8_t>(1u << static_cast<int>(n)); }

  // Whether an edge of kind k between nodes of kinds a and b may be followed.
  bool AllowsEdge(EdgeKind k, NodeKind a, NodeKind b) const {
    if (!HasKind(kinds, k)) return false;
    uint8_t e = ends[static_cast<int>(k)];
    return e == 0xf || (e & (NodeBit(a) | NodeBit(b))) != 0;
  }
  bool AllowsNode(NodeKind n) const { return (nodes & NodeBit(n)) != 0; }
};

}  // namespace pg
