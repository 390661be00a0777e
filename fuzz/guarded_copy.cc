#include "fuzz/guarded_copy.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace pg::fuzz {

GuardedCopy::GuardedCopy(std::string_view bytes) {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t data_pages = (bytes.size() + page - 1) / page;
  map_size_ = (data_pages + 1) * page;
  map_ = mmap(nullptr, map_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map_ == MAP_FAILED) std::abort();  // out of address space: nothing to test with
  char* guard = static_cast<char*>(map_) + data_pages * page;
  if (mprotect(guard, page, PROT_NONE) != 0) std::abort();
  char* start = guard - bytes.size();
  if (!bytes.empty()) std::memcpy(start, bytes.data(), bytes.size());
  view_ = std::string_view(start, bytes.size());
}

GuardedCopy::~GuardedCopy() { munmap(map_, map_size_); }

}  // namespace pg::fuzz
