// Which edge kinds join which node kinds (DESIGN §2): reviews post->paper,
// affiliated paper->org, mentions paper->topic and paper->org, links_to
// paper->paper and paper->post, subtopic_of topic->topic. The evaluator uses
// it to scan only the edge kinds that can reach the kind a step asks for
// (`paper - org` reads a paper's `affiliated` and `mentions` prefixes, not
// its reviews). Pure functions; thread-safe.
#pragma once

#include "core/kinds.h"
#include "query/graph_view.h"

namespace pg {

// The edge kinds that can go from a node of kind `src` to one of kind `dst`.
EdgeKindSet EdgeKindsBetween(NodeKind src, NodeKind dst);

// The edge kinds that can leave (kOut) or enter (kIn) a node of kind `n`.
EdgeKindSet EdgeKindsAt(NodeKind n, Direction dir);

}  // namespace pg
