// The papergraph store: one RocksDB database in a directory, the one source
// of truth (DESIGN §3, docs/storage.md).
//
// Open for writing: one writer per directory; a second writer gets Busy with
// the holder's pid and command, and leaves the directory untouched. Open for
// reading: a RocksDB secondary instance, safe beside a live writer; CatchUp()
// shows what the writer has committed since. A Store is thread-safe for
// concurrent reads; writes go through one WriteTxn at a time. Reads that must
// agree with each other while another thread may call CatchUp() hold a
// ReadScope (see there).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/facts.h"
#include "core/kinds.h"
#include "core/status.h"
#include "storage/doc_record.h"
#include "storage/schema.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class Env;
class Status;
}  // namespace rocksdb

namespace pg {

class WriteTxn;

// A node as readers see it: the union of what every document states.
struct NodeView {
  std::string id;
  NodeKind kind = NodeKind::kPaper;
  std::vector<PropertyFact> props;  // grouped by document, documents in path order

  // Every value of `name`, deduplicated, in document order.
  std::vector<std::string> Values(std::string_view name) const;
  // The first value of `name`, or "".
  std::string Value(std::string_view name) const;
  // The name to show (DESIGN §2 "display title"): for papers the title that
  // most documents state, ties going to the first document in path order;
  // for other kinds their "name" or "title"; the id's key as a last resort.
  std::string DisplayName() const;
};

// The display name of node `id` whose "title"/"name" values, as its
// documents state them in order, are `values`: the most frequent, the first
// stated on ties; the id's key when there is none.
std::string ChooseDisplayName(const std::vector<std::string_view>& values, std::string_view id);

// An edge as readers see it: summed over the documents that support it.
struct EdgeView {
  std::string src;
  EdgeKind kind = EdgeKind::kMentions;
  std::string dst;
  double weight = 0;
  int position = 0;                  // smallest non-zero position over documents
  std::vector<Provenance> evidence;  // empty for in-edge scans (see ForEachEdge)
  std::vector<std::string> docs;     // the supporting documents
};

enum class Direction { kOut, kIn };

struct GraphCounts {
  uint64_t nodes[4] = {0, 0, 0, 0};  // by NodeKind
  uint64_t edges[5] = {0, 0, 0, 0, 0};  // by EdgeKind
  uint64_t documents = 0;
};

// How to open a store. The defaults are what papergraph uses; tests change
// them to inject faults (an Env whose file system fails) and to force
// flushes in the middle of an import (a tiny write buffer).
struct StoreOptions {
  rocksdb::Env* env = nullptr;    // nullptr: RocksDB's default; must outlive the Store
  size_t write_buffer_bytes = 0;  // per column family; 0: RocksDB's default (64 MiB)
};

class Store {
 public:
  enum class Mode {
    kWrite,        // open an existing database or create one in a new or empty directory
    kRead,         // secondary instance; the database must exist
  };

  // REQUIRES: the caller names the command for the lock holder message
  // ("papergraph import"); it is written to DIR/OWNER while the writer lives.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, Mode mode,
                                             const std::string& holder = "papergraph",
                                             const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& dir() const { return dir_; }
  bool writable() const { return mode_ == Mode::kWrite; }

  // Reads. Merged over documents; ids as in DESIGN §2.
  Result<std::optional<NodeView>> GetNode(std::string_view id) const;
  // The display names of many nodes in one pass (ids sorted ascending): far
  // cheaper than a GetNode each when a query lists thousands. Calls fn(i,
  // name) for each sorted_ids[i] that exists, in order.
  Status GetDisplayNames(const std::vector<std::string_view>& sorted_ids,
                         const std::function<void(size_t i, std::string name)>& fn) const;
  // Calls fn for each edge of `id` in `dir`, of `kind` if given, grouped by
  // neighbour. Out-edges carry evidence; in-edges only weight and position
  // (use GetEdge for the evidence). fn returns false to stop early.
  Status ForEachEdge(std::string_view id, Direction dir, std::optional<EdgeKind> kind,
                     const std::function<bool(const EdgeView&)>& fn) const;
  Result<std::optional<EdgeView>> GetEdge(std::string_view src, EdgeKind kind, std::string_view dst) const;
  // Ids of the nodes with this (already normalized) name or alias, sorted.
  Status LookupName(std::string_view name, std::vector<std::string>* ids) const;
  // Names starting with `prefix` and their ids, up to `limit` pairs.
  Status ScanNamePrefix(std::string_view prefix, size_t limit,
                        std::vector<std::pair<std::string, std::string>>* out) const;
  // Every node / every edge (merged), in key order.
  Status ForEachNode(const std::function<bool(const NodeView&)>& fn) const;
  Status ForEachEdgeAll(const std::function<bool(const EdgeView&)>& fn) const;
  // Every node with only its "title"/"name" properties (the labels index):
  // enough for DisplayName at a fraction of ForEachNode's reading.
  Status ForEachNodeNames(const std::function<bool(const NodeView&)>& fn) const;
  // Every edge's ends and kind, once however many documents state it, from
  // the keys alone (no weights or evidence decoded).
  Status ForEachEdgeEnds(const std::function<bool(std::string_view src, EdgeKind kind, std::string_view dst)>& fn) const;

  Result<std::optional<DocRecord>> GetDoc(std::string_view doc) const;
  Status ListDocs(std::vector<std::string>* docs) const;

  Result<GraphCounts> Count() const;
  // Only GraphCounts::nodes (adds to counts, by NodeKind): no edge scan.
  Status CountNodes(uint64_t counts[4]) const;
  // Verifies that the indexes are exactly what the document records derive
  // and that every record decodes. Appends one line per problem.
  Status Check(std::vector<std::string>* problems) const;
  // Every key and value of every column family, escaped, in order: equal
  // dumps mean equal databases.
  Status Dump(std::string* out) const;

  // A number that changes whenever the database changes (for caches).
  uint64_t Sequence() const;

  // Holds the view still: while any ReadScope lives, CatchUp() waits, so
  // every read made under one scope sees the same committed batches, and a
  // document in either its old or its new state, never a mix. RocksDB gives
  // a secondary instance no snapshots, its catch-up makes a batch visible
  // one column family at a time, and CatchUp may replace the instance
  // altogether (see Reopen in store.cc), so this is how a request that reads
  // several times (a query, a node panel) stays consistent, and safe, beside
  // other threads' catch-ups. Any number of scopes may live at once, on any
  // threads; do not take a second scope on a thread that holds one.
  class ReadScope {
   public:
    explicit ReadScope(const Store* store);
    ReadScope(ReadScope&&) = default;
    ReadScope& operator=(ReadScope&&) = default;

   private:
    std::shared_lock<std::shared_timed_mutex> lock_;
  };
  ReadScope PinView() const { return ReadScope(this); }

  // Secondary instances: read what the writer has committed since. Waits
  // for the live ReadScopes to end, up to `max_wait`; if they outlast it,
  // nothing changes and *caught_up is false (try again later). New scopes
  // wait while CatchUp waits, so a stream of readers cannot starve it.
  // When the writer has flushed since the last catch-up, the instance is
  // opened afresh (a few milliseconds).
  // REQUIRES: the calling thread holds no ReadScope.
  Status CatchUp(std::chrono::milliseconds max_wait = std::chrono::milliseconds::max(),
                 bool* caught_up = nullptr);

  // REQUIRES: writable(); one transaction at a time.
  std::unique_ptr<WriteTxn> BeginWrite();
  // Makes committed transactions durable (fsync of the log).
  Status Sync();
  // Writes every memtable to table files, so the log is short: readers that
  // open the database later (secondary instances replay the log) start fast.
  Status Flush();

  // Internal, for WriteTxn.
  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles_[static_cast<int>(c)]; }

 private:
  Store(std::string dir, Mode mode) : dir_(std::move(dir)), mode_(mode) {}
  Status ScanNodes(Cf cf, const std::function<bool(const NodeView&)>& fn) const;
  rocksdb::Status OpenSecondary(std::string* secondary_dir, std::vector<rocksdb::ColumnFamilyHandle*>* handles,
                                rocksdb::DB** db) const;
  Status Reopen();
  Status ScanPrefix(Cf cf, std::string_view prefix,
                    const std::function<bool(std::string_view, std::string_view)>& fn) const;

  std::string dir_;
  Mode mode_;
  StoreOptions options_;       // for reopening a secondary instance
  std::string secondary_dir_;  // scratch directory of a secondary instance
  uint64_t newest_table_file_ = 0;  // of a secondary instance, at its last catch-up
  // ReadScope and CatchUp: scopes share view_mu_; CatchUp holds view_gate_
  // while it waits for view_mu_, and a new scope passes the gate first.
  mutable std::mutex view_gate_;
  mutable std::shared_timed_mutex view_mu_;
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

}  // namespace pg
