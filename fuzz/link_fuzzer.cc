// libFuzzer target "link": CheckLink (fuzz/checks.h) on every input.
#include "fuzz/checks.h"
#include "fuzz/fuzz_main.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pg::fuzz::Require(pg::fuzz::CheckLink(pg::fuzz::AsText(data, size)));
  return 0;
}
