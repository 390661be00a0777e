// Review text as the parsers store it: inline HTML tags that md4c passes
// through as text (`<span style=...>`, `</b>`) dropped, each line trimmed,
// empty lines dropped. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pg {

// Drops inline tags; linear even on a flood of '<' (a tag is looked for
// within one line and 400 bytes).
std::string StripInlineTags(std::string_view s);

// StripInlineTags, then trims every line and drops the empty ones (md4c keeps
// trailing "  " hard-break spaces and blank quote lines).
std::string CleanText(std::string_view raw);

}  // namespace pg
