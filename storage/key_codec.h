// Keys of the store's column families. Parts are joined with a NUL byte, so a
// prefix scan over "a\0" finds exactly the keys whose first part is "a" and
// keys sort by their parts in order. Ids, names and paths never contain NUL
// (the importer rejects NUL bytes). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pg {

inline constexpr char kKeySep = '\0';

// "a\0b\0c".
std::string JoinKey(std::initializer_list<std::string_view> parts);
// "a\0b\0" — the prefix of every key whose first parts are these.
std::string KeyPrefix(std::initializer_list<std::string_view> parts);
// Splits on NUL.
std::vector<std::string_view> SplitKey(std::string_view key);

}  // namespace pg
