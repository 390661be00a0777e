// libFuzzer target "post": CheckPost (fuzz/checks.h) on every input.
#include "fuzz/checks.h"
#include "fuzz/fuzz_main.h"

namespace {
// libFuzzer's interface has no context argument: the lexicon loads once per process.
const pg::Extractor* extractor = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto loaded = pg::Extractor::Load(PAPERGRAPH_DATA_DIR, {});
  pg::fuzz::Require(loaded.status());
  extractor = loaded->release();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pg::fuzz::Require(pg::fuzz::CheckPost(pg::fuzz::AsText(data, size), *extractor));
  return 0;
}
