// Where a fact came from: the source file (relative to the import root), the
// 1-based line, and a short snippet of the text that supports it.
#pragma once

#include <string>

namespace pg {

struct Provenance {
  std::string file;
  int line = 0;
  std::string snippet;

  bool operator==(const Provenance&) const = default;
};

// `text` cut to at most `max_bytes` on a UTF-8 boundary, white space collapsed,
// with "…" appended when cut. Used for provenance snippets.
std::string MakeSnippet(const std::string& text, size_t max_bytes = 160);

}  // namespace pg
