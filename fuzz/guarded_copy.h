// A copy of some bytes that ends exactly where an inaccessible page begins: reading one
// byte past the end faults at once, in any build, even in code that ASan does not
// instrument (md4c and yaml-cpp are Debian's shared libraries). libFuzzer's own buffer only
// catches such reads in instrumented code. Not copyable; thread-compatible.
#pragma once

#include <cstddef>
#include <string_view>

namespace pg::fuzz {

class GuardedCopy {
 public:
  explicit GuardedCopy(std::string_view bytes);
  ~GuardedCopy();
  GuardedCopy(const GuardedCopy&) = delete;
  GuardedCopy& operator=(const GuardedCopy&) = delete;

  std::string_view view() const { return view_; }

 private:
  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::string_view view_;
};

}  // namespace pg::fuzz
