// libFuzzer target "query": CheckQuery (fuzz/checks.h) without an engine: the lexer, the
// parser and the error rendering, at parser speed. query_engine runs what parses further.
#include "fuzz/checks.h"
#include "fuzz/fuzz_main.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pg::fuzz::Require(pg::fuzz::CheckQuery(pg::fuzz::AsText(data, size), nullptr));
  return 0;
}
