// Sorting 64-bit keys in linear time (least significant digit first, 11
// bits a pass, only as many passes as the largest key needs): the order of
// large answers (k hops from a hub reach 200,000 nodes) without n log n
// comparisons. Small inputs go to std::sort. Pure function; thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace pg {

// `buffer` is scratch space (reused by callers that sort often).
inline void RadixSort(std::vector<uint64_t>* keys, std::vector<uint64_t>* buffer) {
  std::vector<uint64_t>& a = *keys;
  if (a.size() < 1024) {
    std::sort(a.begin(), a.end());
    return;
  }
  uint64_t max = *std::max_element(a.begin(), a.end());
  std::vector<uint64_t>& b = *buffer;
  b.resize(a.size());
  constexpr int kBits = 11;
  constexpr uint64_t kMask = (1u << kBits) - 1;
  uint32_t count[1u << kBits];
  for (int shift = 0; shift < 64 && (max >> shift) != 0; shift += kBits) {
    std::fill(count, count + (1u << kBits), 0u);
    for (uint64_t k : a) ++count[(k >> shift) & kMask];
    uint32_t sum = 0;
    for (uint32_t& c : count) {
      uint32_t n = c;
      c = sum;
      sum += n;
    }
    for (uint64_t k : a) b[count[(k >> shift) & kMask]++] = k;
    a.swap(b);
  }
}

}  // namespace pg
