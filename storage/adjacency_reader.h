// Neighbour lists straight from the edge indexes, for queries that walk
// thousands of nodes: keys only (no values decoded, no evidence built) and
// one iterator per direction reused from one node to the next, instead of a
// fresh iterator and full EdgeViews per node as Store::ForEachEdge gives.
// Not thread-safe; make one per query. Sees the store as of its first scan.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "storage/store.h"

namespace rocksdb {
class Iterator;
}

namespace pg {

class AdjacencyReader {
 public:
  // REQUIRES: store outlives the reader.
  explicit AdjacencyReader(const Store* store);
  ~AdjacencyReader();
  AdjacencyReader(const AdjacencyReader&) = delete;
  AdjacencyReader& operator=(const AdjacencyReader&) = delete;

  // Calls fn(other, kind) once per distinct neighbour edge of `id` in `dir`
  // (of `kind` if given): for kOut the edge is id -> other, for kIn other ->
  // id. Edges stated by several documents come once. `other` is valid only
  // during the call.
  Status ForEachNeighbor(std::string_view id, Direction dir, std::optional<EdgeKind> kind,
                         const std::function<void(std::string_view other, EdgeKind kind)>& fn);
  // The same for every node whose id starts with `id_prefix` ("org:": every
  // lab), in one forward scan: fn(id, other, kind). For a step from
  // thousands of nodes into a few, reading the few's edges is one sequential
  // pass instead of a seek per source.
  Status ForEachNeighborUnder(std::string_view id_prefix, Direction dir,
                              const std::function<void(std::string_view id, std::string_view other, EdgeKind kind)>& fn);
  // About how many bytes of table files ForEachNeighborUnder(id_prefix, dir)
  // reads (RocksDB's estimate from the index, memtables included), or
  // UINT64_MAX when there is no estimate.
  uint64_t ApproximateBytesUnder(std::string_view id_prefix, Direction dir) const;

 private:
  rocksdb::Iterator* IteratorFor(Direction dir);

  const Store* store_;
  std::unique_ptr<rocksdb::Iterator> out_, in_;
};

}  // namespace pg
