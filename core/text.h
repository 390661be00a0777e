// Unicode text helpers built on utf8proc: validation, title normalization and
// display width. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pg {

// True when `s` is well-formed UTF-8. On failure, *bad_offset (if given) is
// the byte offset of the first invalid sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Collapses every run of white space (including newlines and U+00A0) to one
// ASCII space and trims both ends. Keeps case and punctuation: this is the
// display form of a title ("Efficient Speculative   Decoders" -> one space).
// Stops once the result is longer than `limit` bytes (for callers that cut
// it there anyway: a snippet of a long section).
std::string CollapseSpaces(std::string_view s, size_t limit = std::string::npos);

// The identity form of a title or name (DESIGN §2): NFKC, case-folded,
// dashes and slashes read as spaces, other punctuation and symbols dropped,
// white space collapsed to single spaces.
// Letters and digits of every script are kept (Hangul stays Hangul).
// "GraphNet: A Large-Scale..." -> "graphnet a large scale..."; full-width
// "ＡＢＣ" -> "abc". Invalid UTF-8 bytes are dropped.
std::string NormalizeName(std::string_view s);

// Removes ASCII white space from both ends.
std::string_view Trim(std::string_view s);

// Lower-cases ASCII letters only; other bytes (UTF-8 included) stay as they are.
std::string AsciiLower(std::string_view s);

// Lower-cases with Unicode case folding, after NFKC; keeps everything else.
std::string FoldCase(std::string_view s);

// Terminal display width in columns (Hangul and other wide characters count
// two). Invalid bytes count one each.
size_t DisplayWidth(std::string_view s);

// Number of code points (invalid bytes count one each); for 1-based columns.
size_t CodePointCount(std::string_view s);

}  // namespace pg
