// RocksDB's informational log (DIR/LOG) for a writer, kept so that a failing
// disk cannot bring the process down. Debian's librocksdb keeps its
// assertions, and its own logger asserts when it is written again after a
// failed write: on a full disk that aborted `papergraph import` (exit 134)
// instead of letting it report "No space left on device". This logger stops
// logging at its first failed write. The previous LOG is kept as LOG.old.
#pragma once

#include <memory>
#include <string>

namespace rocksdb {
class Logger;
}

namespace pg {

// A logger appending to DIR/LOG, or null when the file cannot be created
// (RocksDB then logs nothing).
std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir);

}  // namespace pg
