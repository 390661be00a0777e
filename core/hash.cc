#include "core/hash.h"

#include <cstdio>

namespace pg {

void ContentHasher::Add(std::string_view bytes) {
  for (unsigned char c : bytes) {
    state_ ^= c;
    state_ *= 1099511628211ULL;
  }
  // Separate successive parts, so Add("ab"),Add("c") differs from Add("a"),Add("bc").
  state_ ^= 0xff;
  state_ *= 1099511628211ULL;
}

std::string ContentHasher::Hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", state_);
  return buf;
}

std::string ContentHash(std::string_view bytes) {
  ContentHasher h;
  h.Add(bytes);
  return h.Hex();
}

}  // namespace pg
