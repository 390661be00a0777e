#include "storage/adjacency_reader.h"

#include <rocksdb/db.h>

#include <string>

#include "storage/key_codec.h"

namespace pg {

AdjacencyReader::AdjacencyReader(const Store* store) : store_(store) {}
AdjacencyReader::~AdjacencyReader() = default;

namespace {

Cf IndexOf(Direction dir) { return dir == Direction::kOut ? Cf::kOut : Cf::kIn; }

// Walks the edge keys starting with `prefix` from `it`'s position: keys are
// node \0 kind \0 other \0 doc, one per stating document and adjacent, so
// each edge is reported once. `what` names the scan in errors.
Status ScanEdges(rocksdb::Iterator* it, std::string_view prefix, const std::string& what,
                 const std::function<void(std::string_view, std::string_view, EdgeKind)>& fn) {
  std::string last;  // "node\0kind\0other" of the edge just reported
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    size_t node_sep = key.find(kKeySep);
    size_t kind_sep = key.find(kKeySep, node_sep + 1);
    size_t doc_sep = key.rfind(kKeySep);
    if (node_sep == std::string_view::npos || kind_sep == std::string_view::npos || kind_sep == doc_sep)
      return Status::Corruption("malformed edge key under " + what);
    std::string_view edge = key.substr(0, doc_sep);
    if (edge == last) continue;
    std::optional<EdgeKind> k = ParseEdgeKind(key.substr(node_sep + 1, kind_sep - node_sep - 1));
    if (!k) return Status::Corruption("unknown edge kind under " + what);
    last.assign(edge);
    fn(key.substr(0, node_sep), edge.substr(kind_sep + 1), *k);
  }
  if (!it->status().ok()) return Status::IOError("scanning edges of " + what + ": " + it->status().ToString());
  return Status::OK();
}

}  // namespace

rocksdb::Iterator* AdjacencyReader::IteratorFor(Direction dir) {
  std::unique_ptr<rocksdb::Iterator>& it = dir == Direction::kOut ? out_ : in_;
  if (!it) it.reset(store_->db()->NewIterator(rocksdb::ReadOptions(), store_->cf(IndexOf(dir))));
  return it.get();
}

Status AdjacencyReader::ForEachNeighbor(std::string_view id, Direction dir, std::optional<EdgeKind> kind,
                                        const std::function<void(std::string_view, EdgeKind)>& fn) {
  std::string prefix = kind ? KeyPrefix({id, EdgeKindName(*kind)}) : KeyPrefix({id});
  return ScanEdges(IteratorFor(dir), prefix, std::string(id),
                   [&](std::string_view, std::string_view other, EdgeKind k) { fn(other, k); });
}

Status AdjacencyReader::ForEachNeighborUnder(std::string_view id_prefix, Direction dir,
                                             const std::function<void(std::string_view, std::string_view, EdgeKind)>& fn) {
  return ScanEdges(IteratorFor(dir), id_prefix, std::string(id_prefix) + "*", fn);
}

uint64_t AdjacencyReader::ApproximateBytesUnder(std::string_view id_prefix, Direction dir) const {
  std::string limit(id_prefix);
  // Past every key with the prefix: the prefix with its last byte below 0xff raised.
  while (!limit.empty() && static_cast<unsigned char>(limit.back()) == 0xff) limit.pop_back();
  if (limit.empty()) return UINT64_MAX;  // no such bound: no estimate
  limit.back() = static_cast<char>(limit.back() + 1);
  rocksdb::Range range(rocksdb::Slice(id_prefix.data(), id_prefix.size()), limit);
  rocksdb::SizeApproximationOptions options;
  options.include_memtables = true;
  options.include_files = true;
  uint64_t bytes = 0;
  rocksdb::Status s = store_->db()->GetApproximateSizes(options, store_->cf(IndexOf(dir)), &range, 1, &bytes);
  return s.ok() ? bytes : UINT64_MAX;
}

}  // namespace pg
