// Node and edge kinds of the papergraph model (DESIGN §2), with their names
// as they appear in ids, queries and exports. Pure functions; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace pg {

enum class NodeKind { kPaper, kOrg, kTopic, kPost };
enum class EdgeKind { kReviews, kAffiliated, kMentions, kLinksTo, kSubtopicOf };

inline constexpr std::array<NodeKind, 4> kAllNodeKinds = {NodeKind::kPaper, NodeKind::kOrg,
                                                          NodeKind::kTopic, NodeKind::kPost};
inline constexpr std::array<EdgeKind, 5> kAllEdgeKinds = {
    EdgeKind::kReviews, EdgeKind::kAffiliated, EdgeKind::kMentions, EdgeKind::kLinksTo,
    EdgeKind::kSubtopicOf};

// "paper", "org", "topic", "post".
std::string_view NodeKindName(NodeKind kind);
// "reviews", "affiliated", "mentions", "links_to", "subtopic_of".
std::string_view EdgeKindName(EdgeKind kind);

std::optional<NodeKind> ParseNodeKind(std::string_view name);
std::optional<EdgeKind> ParseEdgeKind(std::string_view name);

}  // namespace pg
