// One atomic change to the store: everything one source document changes
// (its own facts, and the documents resolved again because of it) is written
// in one RocksDB WriteBatch, so a crash leaves either all of it or none.
// Reads through the transaction see its own writes. Not thread-safe; one at a
// time per Store.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "storage/doc_record.h"

namespace rocksdb {
class WriteBatchWithIndex;
}

namespace pg {

class Store;

class WriteTxn {
 public:
  explicit WriteTxn(Store* store);
  ~WriteTxn();

  Result<std::optional<DocRecord>> GetDoc(std::string_view doc);
  // Documents that depend on `key` (see DocRecord::depends_on), sorted.
  Status DependentsOf(std::string_view key, std::vector<std::string>* docs);
  // Distinct ids with this normalized name, sorted.
  Status LookupName(std::string_view name, std::vector<std::string>* ids);
  // Every property value stated about node `id`, over all documents.
  Status NodeProps(std::string_view id, std::vector<PropertyFact>* props);

  // Removes a document's record and every entry it owns; OK when absent.
  Status Retract(std::string_view doc);
  // Writes a document's record and its entries, replacing any earlier version.
  Status Put(const DocRecord& rec);

  // Number of documents written or retracted so far.
  size_t changes() const { return changes_; }
  // Applies everything atomically. The transaction is spent afterwards.
  Status Commit();

 private:
  Store* store_;
  std::unique_ptr<rocksdb::WriteBatchWithIndex> batch_;
  size_t changes_ = 0;
};

}  // namespace pg
