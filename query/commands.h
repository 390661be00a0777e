// The query commands (docs/query.md): `path A to B`, `neighbors X`,
// `related X`, `why A B`. Each fills a BodyResult (a table, the edges it
// looked at, notes) that the stages after `|` then rewrite. Their nodes are
// already bound to ids. Not thread-safe (one EvalContext per query).
#pragma once

#include <string>

#include "query/ast.h"
#include "query/eval_context.h"
#include "query/table.h"

namespace pg {

// Shortest undirected path(s) from `from` to `to`; one row per edge on a
// hop, with its kind, direction and evidence. Columns: path, hop, from,
// edge, to, evidence (path is hidden unless `all`).
Status EvaluatePath(const PathCommand& c, const std::string& from, const std::string& to, EvalContext& ctx,
                    BodyResult* out);

// Nodes within `depth` hops, edges taken either way. Columns: distance,
// from (the node it was reached from), edge, node.
Status EvaluateNeighbors(const NeighborsCommand& c, const std::string& id, EvalContext& ctx, BodyResult* out);

// Papers ranked by relatedness to a paper (score in docs/query.md).
// Columns: paper, score, reasons.
Status EvaluateRelated(const RelatedCommand& c, const std::string& id, EvalContext& ctx, BodyResult* out);

// Every edge between a and b, both directions, with its evidence. Columns:
// from, edge, to, weight, evidence.
Status EvaluateWhy(const std::string& a, const std::string& b, EvalContext& ctx, BodyResult* out);

// "-mentions->" (forward) or "<-mentions-".
std::string EdgeLabel(EdgeKind kind, bool forward);
// Each piece of evidence as "file:line: snippet".
std::vector<std::string> EvidenceLines(const std::vector<Provenance>& evidence);

}  // namespace pg
