// What every libFuzzer entry point in fuzz/ shares: turning a broken property into a crash
// that libFuzzer records (it saves the input as crash-<sha1>), and the repository paths the
// targets read their data from. Only for the fuzz executables.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/status.h"

namespace pg::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with the broken property's message: libFuzzer reports it as a crash.
inline void Require(const Status& s) {
  if (s.ok()) return;
  std::fprintf(stderr, "%s\n", s.ToString().c_str());
  std::abort();
}

}  // namespace pg::fuzz
