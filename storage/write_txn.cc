#include "storage/write_txn.h"

#include <rocksdb/db.h>
#include <rocksdb/utilities/write_batch_with_index.h>

#include "storage/key_codec.h"
#include "storage/schema.h"
#include "storage/store.h"
#include "storage/value_codec.h"

namespace pg {
namespace {

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::OK();
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  return Status::IOError(what + ": " + s.ToString());
}

}  // namespace

WriteTxn::WriteTxn(Store* store)
    : store_(store),
      batch_(std::make_unique<rocksdb::WriteBatchWithIndex>(rocksdb::BytewiseComparator(), 0,
                                                            /*overwrite_key=*/true)) {}

WriteTxn::~WriteTxn() = default;

Result<std::optional<DocRecord>> WriteTxn::GetDoc(std::string_view doc) {
  std::string value;
  rocksdb::Status s = batch_->GetFromBatchAndDB(store_->db(), rocksdb::ReadOptions(), store_->cf(Cf::kDocs),
                                                rocksdb::Slice(doc.data(), doc.size()), &value);
  if (s.IsNotFound()) return std::optional<DocRecord>();
  if (!s.ok()) return FromRocks(s, "reading document record");
  Result<DocRecord> rec = DecodeDocRecord(value);
  if (!rec.ok()) return Status::Corruption(std::string(doc) + ": " + rec.status().message());
  return std::optional<DocRecord>(std::move(rec).value());
}

namespace {

// Prefix scan through the batch and the database together.
template <typename Fn>
Status ScanThrough(rocksdb::WriteBatchWithIndex* batch, Store* store, Cf cf, const std::string& prefix, Fn fn) {
  std::unique_ptr<rocksdb::Iterator> base(store->db()->NewIterator(rocksdb::ReadOptions(), store->cf(cf)));
  std::unique_ptr<rocksdb::Iterator> it(batch->NewIteratorWithBase(store->cf(cf), base.release()));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    fn(key);
  }
  return FromRocks(it->status(), std::string("scanning ") + CfName(cf));
}

}  // namespace

Status WriteTxn::DependentsOf(std::string_view key, std::vector<std::string>* docs) {
  docs->clear();
  return ScanThrough(batch_.get(), store_, Cf::kDeps, KeyPrefix({key}), [&](std::string_view k) {
    docs->emplace_back(SplitKey(k).back());
  });
}

Status WriteTxn::LookupName(std::string_view name, std::vector<std::string>* ids) {
  ids->clear();
  return ScanThrough(batch_.get(), store_, Cf::kNames, KeyPrefix({name}), [&](std::string_view k) {
    std::vector<std::string_view> parts = SplitKey(k);
    if (parts.size() == 3 && (ids->empty() || ids->back() != parts[1])) ids->emplace_back(parts[1]);
  });
}

Status WriteTxn::NodeProps(std::string_view id, std::vector<PropertyFact>* props) {
  props->clear();
  std::unique_ptr<rocksdb::Iterator> base(store_->db()->NewIterator(rocksdb::ReadOptions(), store_->cf(Cf::kNodes)));
  std::unique_ptr<rocksdb::Iterator> it(batch_->NewIteratorWithBase(store_->cf(Cf::kNodes), base.release()));
  std::string prefix = KeyPrefix({id});
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    Status s = DecodeProps(std::string_view(it->value().data(), it->value().size()), props);
    if (!s.ok()) return s;
  }
  return FromRocks(it->status(), "reading node properties");
}

Status WriteTxn::Retract(std::string_view doc) {
  Result<std::optional<DocRecord>> old = GetDoc(doc);
  if (!old.ok()) return old.status();
  if (!old->has_value()) return Status::OK();
  for (const auto& [cf, key] : DeriveKeys(**old)) {
    rocksdb::Status s = batch_->Delete(store_->cf(cf), key);
    if (!s.ok()) return FromRocks(s, "retracting " + std::string(doc));
  }
  rocksdb::Status s = batch_->Delete(store_->cf(Cf::kDocs), rocksdb::Slice(doc.data(), doc.size()));
  if (!s.ok()) return FromRocks(s, "retracting " + std::string(doc));
  ++changes_;
  return Status::OK();
}

Status WriteTxn::Put(const DocRecord& rec) {
  Status s = Retract(rec.doc);
  if (!s.ok()) return s;
  for (const Entry& e : DeriveEntries(rec)) {
    rocksdb::Status rs = batch_->Put(store_->cf(e.cf), e.key, e.value);
    if (!rs.ok()) return FromRocks(rs, "writing " + rec.doc);
  }
  rocksdb::Status rs = batch_->Put(store_->cf(Cf::kDocs), rec.doc, EncodeDocRecord(rec));
  if (!rs.ok()) return FromRocks(rs, "writing " + rec.doc);
  ++changes_;
  return Status::OK();
}

Status WriteTxn::Commit() {
  if (!store_->writable()) return Status::InvalidArgument(store_->dir() + ": opened read-only");
  rocksdb::WriteOptions wo;  // the log is synced at the end of an import (Store::Sync)
  return FromRocks(store_->db()->Write(wo, batch_->GetWriteBatch()), store_->dir() + ": writing");
}

}  // namespace pg
