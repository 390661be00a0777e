// Where a query went wrong: a source span and a message, and the rendering
// people see — "query:1:12: expected a node selector, got '|'", then the
// query line, then a caret under the offending token, indented by display
// width (Hangul is two columns wide). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace pg {

// A byte range of the query text. Columns shown to people are counted in
// code points (1-based); carets are placed by display width.
struct Span {
  size_t offset = 0;
  size_t length = 0;

  size_t end() const { return offset + length; }
};

// The covering span of two spans.
Span Join(Span a, Span b);

struct QueryError {
  Span span;
  std::string message;  // without the position: "expected a node selector, got '|'"
};

// "query:L:C: message\n<line of the query>\n<spaces>^".
std::string FormatQueryError(std::string_view query, const QueryError& error);

// A Status carrying the formatted error; `code` chooses InvalidArgument
// (the query is wrong), NotFound (a name is unknown) or LimitExceeded.
Status QueryErrorStatus(std::string_view query, const QueryError& error,
                        Status::Code code = Status::Code::kInvalidArgument);

}  // namespace pg
