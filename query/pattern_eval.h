// Evaluates a pattern (`topic:X - paper - org`) into a table with one
// column per node position and one row per distinct match. A match binds
// each position to one node; its nodes are distinct (a match never visits
// a node twice), and a repeated step (`-links_to*1..3->`) follows acyclic
// paths whose intermediate nodes are not bound. Evaluation starts at the
// most selective position (the keyed node naming fewest ids, else the
// first) and grows rows left and right one step at a time. Not thread-safe.
#pragma once

#include "query/ast.h"
#include "query/binder.h"
#include "query/eval_context.h"
#include "query/table.h"

namespace pg {

// Column names: the variable (`p=paper` -> p), else the kind (`paper`,
// `node` for `*`); when a kind names several positions the last one keeps
// the plain name and earlier ones are numbered (paper1, paper2, paper).
Status PatternColumns(const Pattern& pattern, std::string_view query, std::vector<std::string>* columns);

// REQUIRES: bound.size() == pattern.nodes.size().
Status EvaluatePattern(const Pattern& pattern, const std::vector<BoundNode>& bound, EvalContext& ctx,
                       BodyResult* out);

}  // namespace pg
