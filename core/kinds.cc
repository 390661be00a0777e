#include "core/kinds.h"

namespace pg {

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPaper: return "paper";
    case NodeKind::kOrg: return "org";
    case NodeKind::kTopic: return "topic";
    case NodeKind::kPost: return "post";
  }
  return "?";
}

std::string_view EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kReviews: return "reviews";
    case EdgeKind::kAffiliated: return "affiliated";
    case EdgeKind::kMentions: return "mentions";
    case EdgeKind::kLinksTo: return "links_to";
    case EdgeKind::kSubtopicOf: return "subtopic_of";
  }
  return "?";
}

std::optional<NodeKind> ParseNodeKind(std::string_view name) {
  for (NodeKind k : kAllNodeKinds)
    if (NodeKindName(k) == name) return k;
  return std::nullopt;
}

std::optional<EdgeKind> ParseEdgeKind(std::string_view name) {
  for (EdgeKind k : kAllEdgeKinds)
    if (EdgeKindName(k) == name) return k;
  return std::nullopt;
}

}  // namespace pg
