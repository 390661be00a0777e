// Property filters of node selectors (`paper[date >= 2025-10-20]`,
// `paper[title ~ "diffusion"]`). A node may hold several values of one
// property; a condition holds when any value satisfies it (`!=`: when no
// value equals). Dates compare as ranges: a value is cut to the literal's
// precision first, so `date = 2025-10` is all of October and
// `date > 2025-10` starts in November. `~` is a case-insensitive substring
// test. Pseudo-properties: id, key (the id without its prefix), kind, name
// (the display name and every name or title). Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "query/ast.h"
#include "storage/store.h"

namespace pg {

// The values of `prop` on `node`, pseudo-properties included.
std::vector<std::string> PropertyValues(const NodeView& node, const std::string& prop);

bool ValueSatisfies(const std::string& value, CompareOp op, const Literal& literal);

// True when the node satisfies every condition.
bool MatchesFilter(const NodeView& node, const std::vector<Condition>& conditions);

}  // namespace pg
