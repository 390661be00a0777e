#include "storage/adjacency_reader.h"

#include <rocksdb/db.h>

#include <string>

#include "storage/key_codec.h"

namespace pg {

AdjacencyReader::AdjacencyReader(const Store* store) : store_(store) {}
AdjacencyReader::~AdjacencyReader() = default;

Status AdjacencyReader::ForEachNeighbor(std::string_view id, Direction dir, std::optional<EdgeKind> kind,
                                        const std::function<void(std::string_view, EdgeKind)>& fn) {
  std::unique_ptr<rocksdb::Iterator>& it = dir == Direction::kOut ? out_ : in_;
  if (!it) it.reset(store_->db()->NewIterator(rocksdb::ReadOptions(), store_->cf(dir == Direction::kOut ? Cf::kOut : Cf::kIn)));
  std::string prefix = kind ? KeyPrefix({id, EdgeKindName(*kind)}) : KeyPrefix({id});
  // Keys are node \0 kind \0 other \0 doc: one edge per document, adjacent.
  std::string last;  // "kind\0other" of the edge just reported
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    std::string_view rest = key.substr(id.size() + 1);  // kind \0 other \0 doc
    size_t doc_sep = rest.rfind(kKeySep);
    size_t kind_sep = rest.find(kKeySep);
    if (doc_sep == std::string_view::npos || kind_sep == doc_sep)
      return Status::Corruption("malformed edge key under " + std::string(id));
    std::string_view edge = rest.substr(0, doc_sep);
    if (edge == last) continue;
    std::optional<EdgeKind> k = ParseEdgeKind(rest.substr(0, kind_sep));
    if (!k) return Status::Corruption("unknown edge kind under " + std::string(id));
    last.assign(edge);
    fn(edge.substr(kind_sep + 1), *k);
  }
  if (!it->status().ok()) return Status::IOError("scanning edges of " + std::string(id) + ": " + it->status().ToString());
  return Status::OK();
}

}  // namespace pg
