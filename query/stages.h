// The stages after `|`: count [by ref], top N, limit N, sort ref [desc],
// select ref, ..., distinct (docs/query.md). Each rewrites the working
// table. A ref is a column (`org`, `count`, `score`) or a property of the
// node in a column (`paper.date`, `org.name`). Not thread-safe.
#pragma once

#include "query/ast.h"
#include "query/eval_context.h"
#include "query/table.h"

namespace pg {

Status ApplyStage(const Stage& stage, EvalContext& ctx, Table* table);

}  // namespace pg
