// Neighbour lists straight from the edge indexes, for queries that walk
// thousands of nodes: keys only (no values decoded, no evidence built) and
// one iterator per direction reused from one node to the next, instead of a
// fresh iterator and full EdgeViews per node as Store::ForEachEdge gives.
// Not thread-safe; make one per query. Sees the store as of its first scan.
#pragma once

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

 private:
  const Store* store_;
  std::unique_ptr<rocksdb::Iterator> out_, in_;
};

}  // namespace pg
