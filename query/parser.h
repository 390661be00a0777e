// The query parser: hand-written recursive descent over the lexer's tokens
// (docs/query.md has the grammar in EBNF; keep the two in step). Pure
// functions; thread-safe.
#pragma once

#include <string_view>

#include "query/ast.h"
#include "query/query_error.h"

namespace pg {

// Parses `text` into *query. On failure fills *error (a span and "expected
// X, got Y") and returns false.
bool ParseQuery(std::string_view text, Query* query, QueryError* error);

}  // namespace pg
