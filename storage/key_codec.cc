#include "storage/key_codec.h"

namespace pg {

std::string JoinKey(std::initializer_list<std::string_view> parts) {
  std::string key;
  bool first = true;
  for (std::string_view p : parts) {
    if (!first) key.push_back(kKeySep);
    key.append(p);
    first = false;
  }
  return key;
}

std::string KeyPrefix(std::initializer_list<std::string_view> parts) {
  std::string key;
  for (std::string_view p : parts) {
    key.append(p);
    key.push_back(kKeySep);
  }
  return key;
}

std::vector<std::string_view> SplitKey(std::string_view key) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t sep = key.find(kKeySep, start);
    if (sep == std::string_view::npos) {
      parts.push_back(key.substr(start));
      return parts;
    }
    parts.push_back(key.substr(start, sep - start));
    start = sep + 1;
  }
}

}  // namespace pg
