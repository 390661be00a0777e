// Escaping and wrapping of labels for the export formats. Every exporter
// goes through these, so a hostile title (quotes, '<', '&', backslashes,
// newlines, control bytes, Korean) is handled in one place. Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pg {

// Text for an XML attribute value or element: & < > " ' as entities; tab,
// newline and CR as character references (kept through attribute
// normalization); other C0 controls, which XML 1.0 forbids, dropped.
std::string XmlEscape(std::string_view text);

// Text with the C0 controls XML 1.0 forbids removed (for writers that do
// their own entity escaping, like Boost's write_graphml).
std::string XmlSafe(std::string_view text);

// The inside of a DOT double-quoted string used as a label: backslash and
// quote escaped, a newline as "\n" (a centred line break), CR and other
// controls dropped. `text` lines are already wrapped by the caller.
std::string DotEscape(std::string_view text);

// `text` broken into lines of at most `width` display columns (Hangul and
// other wide characters count two), at spaces where possible; existing
// newlines are kept. At most `max_lines` lines; a longer text ends in "…".
std::string WrapText(std::string_view text, size_t width, size_t max_lines = 4);

// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (or
// leading/trailing space); quotes doubled.
std::string CsvField(std::string_view text);

}  // namespace pg

namespace pg {

// The shortest text that reads back as `v` ("3", "0.5", "1e+20").
std::string NumberText(double v);

}  // namespace pg
