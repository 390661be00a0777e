// Per-thread scratch for searches over a GraphSnapshot: one stamp and one
// 32-bit value per NodeRef, cleared in O(1) by moving to a new epoch. A
// breadth-first search marks what it has seen without a hash set and
// without touching memory it does not visit, so a search that reaches five
// nodes costs five nodes whatever the graph's size.
//
// Each thread has a few independent slots (a bidirectional search uses two
// at once); a slot belongs to one search at a time. Not thread-safe by
// design: the slots are thread_local.
#pragma once

#include <cstdint>
#include <vector>

#include "query/graph_view.h"

namespace pg {

class VisitMarks {
 public:
  // A new epoch: every node unmarked; room for n nodes.
  void Reset(size_t n);
  bool Marked(NodeRef v) const { return slots_[v].stamp == epoch_; }
  // Marks v with `value`; false (and no change) when v was already marked.
  bool Mark(NodeRef v, uint32_t value) {
    Slot& s = slots_[v];
    if (s.stamp == epoch_) return false;
    s.stamp = epoch_;
    s.value = value;
    return true;
  }
  // Marks v with `value` without looking first (the caller knows v is
  // unmarked): a store the CPU need not wait for.
  void Put(NodeRef v, uint32_t value) { slots_[v] = Slot{epoch_, value}; }
  // The value of a marked node.
  uint32_t Value(NodeRef v) const { return slots_[v].value; }
  uint32_t& Value(NodeRef v) { return slots_[v].value; }
  // The value when marked, else `missing`.
  uint32_t Get(NodeRef v, uint32_t missing) const {
    const Slot& s = slots_[v];
    return s.stamp == epoch_ ? s.value : missing;
  }

 private:
  struct Slot {
    uint32_t stamp = 0;
    uint32_t value = 0;
  };
  std::vector<Slot> slots_;
  uint32_t epoch_ = 0;
};

// A set of NodeRefs, one bit each: n/8 bytes (100 KB for 865,000 nodes)
// stay in the L2 cache where VisitMarks' 8 bytes a node do not, so a search
// that asks "seen?" for every edge of a hub pays a cache hit, not a miss.
// Emptied in O(what it holds): it remembers what was set.
class VisitBits {
 public:
  // Empty, with room for n nodes.
  void Reset(size_t n);
  bool Test(NodeRef v) const { return (bits_[v >> 6] >> (v & 63)) & 1; }
  // Adds v; false when it was there.
  bool Set(NodeRef v) {
    uint64_t& w = bits_[v >> 6];
    uint64_t b = uint64_t{1} << (v & 63);
    if (w & b) return false;
    w |= b;
    set_.push_back(v);
    return true;
  }

 private:
  std::vector<uint64_t> bits_;
  std::vector<NodeRef> set_;
};

inline constexpr int kVisitSlots = 4;

// The calling thread's slot `slot` (0 <= slot < kVisitSlots), reset for n nodes.
VisitMarks& ThreadVisitMarks(int slot, size_t n);
VisitBits& ThreadVisitBits(int slot, size_t n);

}  // namespace pg
