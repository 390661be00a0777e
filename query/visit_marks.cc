#include "query/visit_marks.h"

#include <algorithm>

namespace pg {

void VisitMarks::Reset(size_t n) {
  if (slots_.size() < n) slots_.resize(n);
  if (++epoch_ == 0) {  // wrapped: old stamps could look current
    std::fill(slots_.begin(), slots_.end(), Slot{});
    epoch_ = 1;
  }
}

void VisitBits::Reset(size_t n) {
  for (NodeRef v : set_) bits_[v >> 6] = 0;
  set_.clear();
  if (bits_.size() < (n + 63) / 64) bits_.resize((n + 63) / 64, 0);
}

VisitBits& ThreadVisitBits(int slot, size_t n) {
  thread_local VisitBits bits[kVisitSlots];
  VisitBits& b = bits[slot];
  b.Reset(n);
  return b;
}

VisitMarks& ThreadVisitMarks(int slot, size_t n) {
  thread_local VisitMarks marks[kVisitSlots];
  VisitMarks& m = marks[slot];
  m.Reset(n);
  return m;
}

}  // namespace pg
