#include "query/query_error.h"

#include <algorithm>

#include "core/text.h"

namespace pg {

Span Join(Span a, Span b) {
  size_t begin = std::min(a.offset, b.offset);
  size_t end = std::max(a.end(), b.end());
  return Span{begin, end - begin};
}

std::string FormatQueryError(std::string_view query, const QueryError& error) {
  size_t offset = std::min(error.span.offset, query.size());
  size_t newline = query.substr(0, offset).rfind('\n');
  size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  size_t line_end = query.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = query.size();
  size_t line_no = 1 + std::count(query.begin(), query.begin() + line_start, '\n');
  std::string_view line = query.substr(line_start, line_end - line_start);
  std::string_view before = query.substr(line_start, offset - line_start);

  std::string out = "query:" + std::to_string(line_no) + ":" + std::to_string(CodePointCount(before) + 1) +
                    ": " + error.message + "\n" + std::string(line) + "\n";
  // Tabs keep their place: the caret line copies them so terminals expand both alike.
  size_t seg = 0;
  for (size_t i = 0; i <= before.size(); ++i) {
    if (i < before.size() && before[i] != '\t') continue;
    out.append(DisplayWidth(before.substr(seg, i - seg)), ' ');
    if (i < before.size()) out.push_back('\t');
    seg = i + 1;
  }
  out += "^";
  return out;
}

Status QueryErrorStatus(std::string_view query, const QueryError& error, Status::Code code) {
  std::string text = FormatQueryError(query, error);
  switch (code) {
    case Status::Code::kNotFound: return Status::NotFound(std::move(text));
    case Status::Code::kLimitExceeded: return Status::LimitExceeded(std::move(text));
    default: return Status::InvalidArgument(std::move(text));
  }
}

}  // namespace pg
