// Levenshtein distance over code points, with an early exit, for "did you
// mean" suggestions. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

// The edit distance between a and b (insert, delete, substitute one code
// point), or max_distance + 1 when it is larger than max_distance.
size_t EditDistance(std::string_view a, std::string_view b, size_t max_distance);

// The candidate closest to `word` within max(1, size/3) edits, or "" (ties:
// the earlier candidate).
std::string ClosestWord(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace pg
