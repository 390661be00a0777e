// Small helpers for stating properties in fuzz/*_check.cc: counting lines as the parsers do,
// and the Status a broken property gives. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace pg::fuzz {

// "property broken: <what>", naming what the input broke.
Status Broken(const std::string& what);

// Lines of `text` as ParsePost counts them after normalizing line ends: CRLF is one line
// end, a lone CR another, and text after the last line end is one more line.
int LineCount(std::string_view text);

// OK when `line` is in [lo, hi]; else Broken("<what> line <line> is outside <lo>..<hi>").
Status LineIn(int line, int lo, int hi, std::string_view what);

// OK when `s` is well-formed UTF-8; else Broken("<what> is not valid UTF-8").
Status ValidUtf8(std::string_view s, std::string_view what);

}  // namespace pg::fuzz
