// A stable 64-bit content hash (FNV-1a), printed as 16 hex digits. Used to
// skip unchanged files on re-import; not a cryptographic hash.
#pragma once

#include <string>
#include <string_view>

namespace pg {

class ContentHasher {
 public:
  void Add(std::string_view bytes);
  std::string Hex() const;

 private:
  unsigned long long state_ = 1469598103934665603ULL;
};

std::string ContentHash(std::string_view bytes);

}  // namespace pg
