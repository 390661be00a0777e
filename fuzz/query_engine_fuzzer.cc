// libFuzzer target "query_engine": CheckQuery (fuzz/checks.h) with the engine over the
// bundled examples: binding and evaluation on both graph views, which must agree.
#include "fuzz/checks.h"
#include "fuzz/fuzz_main.h"

namespace {
// libFuzzer's interface has no context argument: the store is built once per process.
pg::fuzz::QueryFixture* fixture = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto created = pg::fuzz::QueryFixture::Create(PAPERGRAPH_SOURCE_DIR);
  pg::fuzz::Require(created.status());
  fixture = created->release();
  // Closed by an exit handler, not a static destructor: handlers run in reverse order of
  // registration, so this one runs before RocksDB's own statics (made while the store
  // opened) are destroyed; a static unique_ptr would close the store after them.
  std::atexit([] {
    delete fixture;
    fixture = nullptr;
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pg::fuzz::Require(pg::fuzz::CheckQuery(pg::fuzz::AsText(data, size), fixture));
  return 0;
}
