#include "query/edge_schema.h"

namespace pg {
namespace {

struct Rule {
  NodeKind src;
  EdgeKind kind;
  NodeKind dst;
};

constexpr Rule kRules[] = {
    {NodeKind::kPost, EdgeKind::kReviews, NodeKind::kPaper},
    {NodeKind::kPaper, EdgeKind::kAffiliated, NodeKind::kOrg},
    {NodeKind::kPaper, EdgeKind::kMentions, NodeKind::kTopic},
    {NodeKind::kPaper, EdgeKind::kMentions, NodeKind::kOrg},
    {NodeKind::kPaper, EdgeKind::kLinksTo, NodeKind::kPaper},
    {NodeKind::kPaper, EdgeKind::kLinksTo, NodeKind::kPost},
    {NodeKind::kTopic, EdgeKind::kSubtopicOf, NodeKind::kTopic},
};

}  // namespace

EdgeKindSet EdgeKindsBetween(NodeKind src, NodeKind dst) {
  EdgeKindSet out = 0;
  for (const Rule& r : kRules)
    if (r.src == src && r.dst == dst) out |= KindBit(r.kind);
  return out;
}

EdgeKindSet EdgeKindsAt(NodeKind n, Direction dir) {
  EdgeKindSet out = 0;
  for (const Rule& r : kRules)
    if ((dir == Direction::kOut ? r.src : r.dst) == n) out |= KindBit(r.kind);
  return out;
}

}  // namespace pg
