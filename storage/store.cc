#include "storage/store.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/utilities/write_batch_with_index.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/node_id.h"
#include "storage/info_log.h"
#include "storage/key_codec.h"
#include "storage/value_codec.h"
#include "storage/write_txn.h"

namespace pg {
namespace fs = std::filesystem;
namespace {

constexpr const char* kVersionKey = "schema_version";
constexpr const char* kOwnerFile = "OWNER";

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::OK();
  if (s.IsNotFound()) return Status::NotFound(what + ": " + s.ToString());
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  return Status::IOError(what + ": " + s.ToString());
}

bool IsLockError(const rocksdb::Status& s) {
  std::string msg = s.ToString();
  return s.IsIOError() && (msg.find("lock") != std::string::npos || msg.find("Lock") != std::string::npos);
}

std::string ReadOwner(const std::string& dir) {
  std::ifstream in(dir + "/" + kOwnerFile);
  std::string line;
  std::getline(in, line);
  return line;
}

rocksdb::Options BaseOptions(const StoreOptions& store_options) {
  rocksdb::Options options;
  if (store_options.env) options.env = store_options.env;
  if (store_options.write_buffer_bytes) options.write_buffer_size = store_options.write_buffer_bytes;
  options.create_if_missing = false;
  options.create_missing_column_families = true;
  options.max_open_files = -1;  // required by secondary instances
  options.keep_log_file_num = 3;
  options.IncreaseParallelism(2);
  options.compression = rocksdb::kLZ4Compression;
  // Column families with little traffic would otherwise pin old log files:
  // cap the log so they get flushed too.
  options.max_total_wal_size = 128 << 20;
  // Every flush writes all column families and records them in the MANIFEST
  // as one atomic group. A document's batch spans the column families; with
  // separate flushes a secondary instance could read the MANIFEST between
  // them, find the log already deleted, and show the document's record new
  // and its index entries old until its next catch-up (seen by
  // tests/concurrency_test.cc).
  options.atomic_flush = true;
  // One thread opens the table files: the default starts 16 per column family,
  // which dominated the open time of one-shot commands (16.6 -> 5.3 ms at 10k posts).
  options.max_file_opening_threads = 1;
  return options;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors(const rocksdb::Options& options) {
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (int i = 0; i < kCfCount; ++i) {
    Cf c = static_cast<Cf>(i);
    rocksdb::ColumnFamilyOptions cf_options(options);
    // Names and in-edges are what a query that lists thousands of nodes reads
    // block after block; uncompressed, a one-shot k = 2 listing at 10k posts
    // took 11-15 ms less CPU (docs/benchmarks.md), for about 15% more disk.
    if (c == Cf::kLabels || c == Cf::kIn) cf_options.compression = rocksdb::kNoCompression;
    cfs.emplace_back(CfName(c), cf_options);
  }
  return cfs;
}

std::string Escape(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out.push_back(static_cast<char>(c));
    } else {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

// An order-independent digest of a set of keys: equal sets give equal
// digests, so Check compares what is stored with what the records derive
// without holding either set in memory.
struct SetDigest {
  uint64_t count = 0;
  uint64_t sum = 0;
  void Add(Cf cf, std::string_view key, std::string_view value) {
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](std::string_view s) {
      for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
      }
      h ^= 0xff;
      h *= 1099511628211ULL;
    };
    mix(CfName(cf));
    mix(key);
    mix(value);
    ++count;
    sum += h;
  }
  bool operator==(const SetDigest&) const = default;
};

// Why a stored index value does not decode, or "" when it does.
std::string ValueProblem(Cf cf, std::string_view value) {
  Status s;
  if (cf == Cf::kNodes || cf == Cf::kLabels) {
    std::vector<PropertyFact> props;
    s = DecodeProps(value, &props);
  } else if (cf == Cf::kOut) {
    EdgeSupport support;
    s = DecodeEdgeSupport(value, "", &support);
  } else if (cf == Cf::kIn) {
    double weight;
    int position;
    s = DecodeEdgeWeight(value, &weight, &position);
  } else if (!value.empty()) {
    return "value should be empty";
  }
  return s.ok() ? "" : s.message();
}

// The pid of the process that holds the RocksDB lock on `dir`, 0 when none
// does (or it cannot be told). Asks the kernel (fcntl F_GETLK on dir/LOCK,
// the lock RocksDB takes) without taking the lock or changing any file, so a
// second writer can be refused before RocksDB's own open, which would
// already rotate the holder's info log.
pid_t LockHolder(const std::string& dir) {
  int fd = ::open((dir + "/LOCK").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct flock probe = {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  probe.l_start = 0;
  probe.l_len = 0;
  pid_t holder = 0;
  if (::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK) holder = probe.l_pid;
  ::close(fd);
  return holder;
}

// The number of the newest table file the instance knows: it changes when
// the writer flushes or compacts.
uint64_t NewestTableFile(rocksdb::DB* db) {
  std::vector<rocksdb::LiveFileMetaData> files;
  db->GetLiveFilesMetaData(&files);
  uint64_t newest = 0;
  for (const rocksdb::LiveFileMetaData& f : files) newest = std::max(newest, f.file_number);
  return newest;
}

Status BusyError(const std::string& dir, pid_t pid) {
  // OWNER names the command; trust it when it names the same process (it is
  // written just after the lock is taken, so it may be missing or stale).
  std::string owner = ReadOwner(dir);
  std::string who;
  if (!owner.empty() && (pid == 0 || owner.rfind("pid " + std::to_string(pid) + ":", 0) == 0))
    who = owner;
  else if (pid != 0)
    who = "pid " + std::to_string(pid);
  return Status::Busy(dir + ": the database is in use by another writer" + (who.empty() ? "" : " (" + who + ")") +
                      "; wait for it to finish, or use a read-only command");
}

// Holds an exclusive flock(2) on a directory while it lives: creators of a
// database in the same parent directory take turns, so two imports started
// at once on a new --db cannot both build it (one creates it, the other then
// finds it and is told it is busy).
class DirLock {
 public:
  explicit DirLock(const std::string& dir) {
    fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) return;
    while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~DirLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;

 private:
  int fd_ = -1;
};

// Creates a complete database (every column family and the schema version)
// in a scratch directory beside `dir`, then renames it into place: a process
// killed during creation leaves no half-made database behind.
Status CreateDatabase(const std::string& dir, rocksdb::Options options) {
  std::string scratch = dir + ".creating";
  std::error_code ec;
  fs::remove_all(scratch, ec);
  options.create_if_missing = true;
  if (fs::create_directory(scratch, ec)) options.info_log = OpenInfoLog(scratch);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, scratch, Descriptors(options), &handles, &db);
  if (s.ok()) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = db->Put(wo, handles[static_cast<int>(Cf::kMeta)], kVersionKey, std::to_string(kSchemaVersion));
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  if (!s.ok()) {
    fs::remove_all(scratch, ec);
    return FromRocks(s, dir + ": cannot create the database");
  }
  // rename(2) replaces an empty directory atomically.
  fs::rename(scratch, dir, ec);
  if (ec) {
    fs::remove_all(scratch, ec);
    return Status::IOError(dir + ": cannot create the database: " + ec.message());
  }
  return Status::OK();
}

}  // namespace

std::vector<std::string> NodeView::Values(std::string_view name) const {
  std::vector<std::string> out;
  for (const PropertyFact& p : props)
    if (p.name == name && std::find(out.begin(), out.end(), p.value) == out.end()) out.push_back(p.value);
  return out;
}

std::string NodeView::Value(std::string_view name) const {
  for (const PropertyFact& p : props)
    if (p.name == name) return p.value;
  return "";
}

std::string ChooseDisplayName(const std::vector<std::string_view>& values, std::string_view id) {
  if (values.empty()) return std::string(IdKey(id));
  if (values.size() == 1) return std::string(values[0]);  // most nodes: one document names them
  std::vector<std::pair<std::string_view, size_t>> titles;  // distinct values, first-seen order
  for (std::string_view v : values) {
    auto it = std::find_if(titles.begin(), titles.end(), [&](const auto& t) { return t.first == v; });
    if (it == titles.end())
      titles.emplace_back(v, 1);
    else
      ++it->second;
  }
  // The most frequent; among equally frequent ones, the first stated.
  auto best = titles.begin();
  for (auto it = titles.begin(); it != titles.end(); ++it)
    if (it->second > best->second) best = it;
  return std::string(best->first);
}

std::string NodeView::DisplayName() const {
  std::vector<std::string_view> values;
  for (const PropertyFact& p : props)
    if (p.name == "title" || p.name == "name") values.push_back(p.value);
  return ChooseDisplayName(values, id);
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, Mode mode, const std::string& holder,
                                           const StoreOptions& store_options) {
  std::unique_ptr<Store> store(new Store(dir, mode));
  rocksdb::Options options = BaseOptions(store_options);
  // What is at `dir`: a database, nothing (create one), or something else.
  auto inspect = [&dir](bool* has_current) -> Status {
    std::error_code ec;
    bool exists = fs::exists(dir, ec);
    if (exists && !fs::is_directory(dir, ec))
      return Status::InvalidArgument(dir + ": not a directory, so not a papergraph database");
    *has_current = exists && fs::exists(fs::path(dir) / "CURRENT", ec);
    bool empty = !exists || fs::is_empty(dir, ec);
    if (!*has_current && !empty)
      return Status::InvalidArgument(dir + ": not a papergraph database (a non-empty directory without one)");
    return Status::OK();
  };
  bool has_current = false;
  if (Status s = inspect(&has_current); !s.ok()) return s;
  if (!has_current && mode == Mode::kRead)
    return Status::NotFound(dir + ": no papergraph database here; create one with `papergraph import`");
  if (!has_current) {
    // Another process may be creating it right now: take turns, then look
    // again. `--db ~/graphs/new/papergraph.db` makes the directories above
    // it first, as mkdir -p would. (When the parent still cannot be opened,
    // creating fails anyway, with RocksDB's message.)
    std::error_code ec;
    fs::path parent = fs::absolute(fs::path(dir), ec).parent_path();
    fs::create_directories(parent, ec);
    DirLock turn(parent.string());
    if (Status s = inspect(&has_current); !s.ok()) return s;
    if (!has_current) {
      Status created = CreateDatabase(dir, options);
      if (!created.ok()) return created;
      has_current = true;
    }
  }
  if (mode == Mode::kWrite) {
    // Refuse a second writer before RocksDB opens anything (see LockHolder).
    if (pid_t pid = LockHolder(dir); pid != 0) return BusyError(dir, pid);
  }
  {
    // Never add our column families to somebody else's RocksDB database.
    std::vector<std::string> names;
    rocksdb::Status ls = rocksdb::DB::ListColumnFamilies(options, dir, &names);
    if (!ls.ok()) return FromRocks(ls, dir + ": cannot read the database");
    if (std::find(names.begin(), names.end(), CfName(Cf::kMeta)) == names.end())
      return Status::InvalidArgument(dir + ": not a papergraph database (a RocksDB database of another program)");
    // Version 1 had no labels: say so before opening would add the family.
    if (std::find(names.begin(), names.end(), CfName(Cf::kLabels)) == names.end())
      return Status::VersionMismatch(dir + ": the database has schema version 1, this papergraph reads version " +
                                     std::to_string(kSchemaVersion) + "; re-import the posts into a new database");
  }
  rocksdb::Status s;
  if (mode == Mode::kWrite) {
    options.info_log = OpenInfoLog(dir);
    s = rocksdb::DB::Open(options, dir, Descriptors(options), &store->handles_, &store->db_);
    if (IsLockError(s)) return BusyError(dir, LockHolder(dir));  // lost a race with another writer
  } else {
    store->options_ = store_options;
    s = store->OpenSecondary(&store->secondary_dir_, &store->handles_, &store->db_);
  }
  if (!s.ok()) {
    store->handles_.clear();
    store->db_ = nullptr;
    if (s.IsInvalidArgument() && s.ToString().find("Column famil") != std::string::npos)
      return Status::InvalidArgument(dir + ": not a papergraph database (" + s.ToString() + ")");
    return FromRocks(s, dir + ": cannot open the database");
  }

  // The schema version: written once by the creating writer, checked by all.
  std::string version;
  rocksdb::Status vs = store->db_->Get(rocksdb::ReadOptions(), store->cf(Cf::kMeta), kVersionKey, &version);
  if (vs.IsNotFound()) {
    return Status::InvalidArgument(dir + ": not a papergraph database (no schema version)");
  } else if (!vs.ok()) {
    return FromRocks(vs, dir + ": cannot read the schema version");
  } else if (version != std::to_string(kSchemaVersion)) {
    return Status::VersionMismatch(dir + ": the database has schema version " + version +
                                   ", this papergraph reads version " + std::to_string(kSchemaVersion) +
                                   "; re-import the posts into a new database");
  }

  if (mode == Mode::kWrite) {
    std::ofstream owner(dir + "/" + kOwnerFile, std::ios::trunc);
    owner << "pid " << getpid() << ": " << holder << "\n";
  } else {
    store->newest_table_file_ = NewestTableFile(store->db_);
  }
  return store;
}

rocksdb::Status Store::OpenSecondary(std::string* secondary_dir, std::vector<rocksdb::ColumnFamilyHandle*>* handles,
                                     rocksdb::DB** db) const {
  char tmpl[] = "/tmp/papergraph-reader-XXXXXX";
  if (!mkdtemp(tmpl)) return rocksdb::Status::IOError("cannot create a reader directory", std::strerror(errno));
  *secondary_dir = tmpl;
  rocksdb::Options options = BaseOptions(options_);
  options.allow_mmap_reads = true;  // readers: table blocks without a read(2) and a copy each
  rocksdb::Status s = rocksdb::DB::OpenAsSecondary(options, dir_, *secondary_dir, Descriptors(options), handles, db);
  if (!s.ok()) {
    std::error_code ec;
    fs::remove_all(*secondary_dir, ec);
    secondary_dir->clear();
  }
  return s;
}

Store::~Store() {
  if (db_) {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
    handles_.clear();
    if (mode_ == Mode::kWrite) {
      std::error_code ec;
      fs::remove(fs::path(dir_) / kOwnerFile, ec);
    }
    delete db_;
    db_ = nullptr;
  }
  if (!secondary_dir_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_dir_, ec);
  }
}

Status Store::ScanPrefix(Cf c, std::string_view prefix,
                         const std::function<bool(std::string_view, std::string_view)>& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(c)));
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    if (!fn(key, std::string_view(it->value().data(), it->value().size()))) break;
  }
  return FromRocks(it->status(), std::string("scanning ") + CfName(c));
}

namespace {

// Moves `it` to the first key starting with `prefix` (or past where it would
// be). Looking nodes up in id order, the next is often a few entries ahead:
// stepping there costs far less than a seek through every level of the tree.
void PositionAt(rocksdb::Iterator* it, std::string_view prefix) {
  auto before = [&] { return std::string_view(it->key().data(), it->key().size()) < prefix; };
  if (it->Valid() && before())
    for (int step = 0; step < 16 && it->Valid(); ++step) {
      it->Next();
      if (it->Valid() && !before()) return;
    }
  it->Seek(rocksdb::Slice(prefix.data(), prefix.size()));
}

}  // namespace

Result<std::optional<NodeView>> Store::GetNode(std::string_view id) const {
  std::optional<NodeKind> kind = KindOfId(id);
  if (!kind) return Status::InvalidArgument(std::string(id) + ": not a node id");
  NodeView node;
  node.id = std::string(id);
  node.kind = *kind;
  // Every document's properties of the node, each with the document as its file.
  std::string prefix = KeyPrefix({id});
  bool found = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kNodes)));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    std::string doc(SplitKey(key).back());
    size_t first = node.props.size();
    Status decode = DecodeProps(std::string_view(it->value().data(), it->value().size()), &node.props);
    if (!decode.ok()) return decode;
    for (size_t i = first; i < node.props.size(); ++i) node.props[i].where.file = doc;
    found = true;
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading node " + std::string(id));
  if (!found) return std::optional<NodeView>();
  return std::optional<NodeView>(std::move(node));
}

Status Store::GetDisplayNames(const std::vector<std::string_view>& sorted_ids,
                              const std::function<void(size_t, std::string)>& fn) const {
  // A long listing reads past the block cache: it would evict what smaller
  // queries keep there, and inserting every block cost a one-shot k = 2
  // listing 5-9 ms of CPU (RocksDB's advice for bulk scans).
  constexpr size_t kBulkFrom = 1000;
  rocksdb::ReadOptions read_options;
  read_options.fill_cache = sorted_ids.size() < kBulkFrom;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read_options, cf(Cf::kLabels)));
  // Only the values are needed, not NodeViews: copies into reused strings
  // (an iterator's value dies at Next()).
  std::vector<std::string> held;
  std::vector<std::string_view> values;
  std::string prefix;
  for (size_t i = 0; i < sorted_ids.size(); ++i) {
    prefix.assign(sorted_ids[i]);
    prefix.push_back(kKeySep);
    PositionAt(it.get(), prefix);
    size_t count = 0;
    bool found = false;
    for (; it->Valid(); it->Next()) {
      std::string_view key(it->key().data(), it->key().size());
      if (key.substr(0, prefix.size()) != prefix) break;
      found = true;
      Status decode = ForEachPropValue(std::string_view(it->value().data(), it->value().size()),
                                       [&](std::string_view name, std::string_view value) {
                                         if (name != "title" && name != "name") return;
                                         if (count == held.size()) held.emplace_back();
                                         held[count++].assign(value);
                                       });
      if (!decode.ok()) return decode;
    }
    if (!it->status().ok()) return FromRocks(it->status(), "reading the name of " + std::string(sorted_ids[i]));
    if (!found) continue;
    values.assign(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(count));
    fn(i, ChooseDisplayName(values, sorted_ids[i]));
  }
  return Status::OK();
}

Status Store::ForEachEdge(std::string_view id, Direction dir, std::optional<EdgeKind> kind,
                          const std::function<bool(const EdgeView&)>& fn) const {
  std::string prefix = kind ? KeyPrefix({id, EdgeKindName(*kind)}) : KeyPrefix({id});
  Cf c = dir == Direction::kOut ? Cf::kOut : Cf::kIn;
  std::optional<EdgeView> pending;
  bool stopped = false;
  Status decode;
  Status s = ScanPrefix(c, prefix, [&](std::string_view key, std::string_view value) {
    std::vector<std::string_view> parts = SplitKey(key);  // a, kind, b, doc
    if (parts.size() != 4) {
      decode = Status::Corruption("malformed edge key " + Escape(key));
      return false;
    }
    std::optional<EdgeKind> k = ParseEdgeKind(parts[1]);
    if (!k) {
      decode = Status::Corruption("unknown edge kind in key " + Escape(key));
      return false;
    }
    std::string other(parts[2]);
    if (pending && (pending->kind != *k || (dir == Direction::kOut ? pending->dst : pending->src) != other)) {
      if (!fn(*pending)) {
        stopped = true;
        pending.reset();
        return false;
      }
      pending.reset();
    }
    if (!pending) {
      pending.emplace();
      pending->kind = *k;
      pending->src = dir == Direction::kOut ? std::string(id) : other;
      pending->dst = dir == Direction::kOut ? other : std::string(id);
    }
    std::string doc(parts[3]);
    double weight = 0;
    int position = 0;
    if (dir == Direction::kOut) {
      EdgeSupport support;
      decode = DecodeEdgeSupport(value, doc, &support);
      weight = support.weight;
      position = support.position;
      for (Provenance& p : support.evidence) pending->evidence.push_back(std::move(p));
    } else {
      decode = DecodeEdgeWeight(value, &weight, &position);
    }
    if (!decode.ok()) return false;
    pending->weight += weight;
    if (position > 0 && (pending->position == 0 || position < pending->position)) pending->position = position;
    pending->docs.push_back(std::move(doc));
    return true;
  });
  if (!s.ok()) return s;
  if (!decode.ok()) return decode;
  if (pending && !stopped) fn(*pending);
  return Status::OK();
}

Result<std::optional<EdgeView>> Store::GetEdge(std::string_view src, EdgeKind kind, std::string_view dst) const {
  std::optional<EdgeView> found;
  Status s = ForEachEdge(src, Direction::kOut, kind, [&](const EdgeView& e) {
    if (e.dst != dst) return true;
    found = e;
    return false;
  });
  if (!s.ok()) return s;
  return found;
}

Status Store::LookupName(std::string_view name, std::vector<std::string>* ids) const {
  ids->clear();
  Status s = ScanPrefix(Cf::kNames, KeyPrefix({name}), [&](std::string_view key, std::string_view) {
    std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() == 3 && (ids->empty() || ids->back() != parts[1])) ids->emplace_back(parts[1]);
    return true;
  });
  return s;
}

Status Store::ScanNamePrefix(std::string_view prefix, size_t limit,
                             std::vector<std::pair<std::string, std::string>>* out) const {
  out->clear();
  return ScanPrefix(Cf::kNames, prefix, [&](std::string_view key, std::string_view) {
    std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 3) return true;
    if (out->empty() || out->back().first != parts[0] || out->back().second != parts[1])
      out->emplace_back(std::string(parts[0]), std::string(parts[1]));
    return out->size() < limit;
  });
}

Status Store::ForEachNode(const std::function<bool(const NodeView&)>& fn) const { return ScanNodes(Cf::kNodes, fn); }

Status Store::ForEachNodeNames(const std::function<bool(const NodeView&)>& fn) const {
  return ScanNodes(Cf::kLabels, fn);
}

Status Store::ForEachEdgeEnds(const std::function<bool(std::string_view, EdgeKind, std::string_view)>& fn) const {
  std::string last;  // "src\0kind\0dst" of the edge just reported
  Status bad;
  Status s = ScanPrefix(Cf::kOut, "", [&](std::string_view key, std::string_view) {
    std::string_view edge = key.substr(0, key.rfind(kKeySep));
    if (edge == last) return true;  // the same edge stated by another document
    std::vector<std::string_view> parts = SplitKey(key);
    std::optional<EdgeKind> k = parts.size() == 4 ? ParseEdgeKind(parts[1]) : std::nullopt;
    if (!k) {
      bad = Status::Corruption("malformed edge key " + Escape(key));
      return false;
    }
    last.assign(edge);
    return fn(parts[0], *k, parts[2]);
  });
  return s.ok() ? bad : s;
}

Status Store::ScanNodes(Cf c, const std::function<bool(const NodeView&)>& fn) const {
  std::optional<NodeView> pending;
  bool stopped = false;
  Status decode;
  Status s = ScanPrefix(c, "", [&](std::string_view key, std::string_view value) {
    std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 2) {
      decode = Status::Corruption("malformed node key " + Escape(key));
      return false;
    }
    if (pending && pending->id != parts[0]) {
      if (!fn(*pending)) {
        stopped = true;
        return false;
      }
      pending.reset();
    }
    if (!pending) {
      pending.emplace();
      pending->id = std::string(parts[0]);
      pending->kind = KindOfId(parts[0]).value_or(NodeKind::kPaper);
    }
    size_t first = pending->props.size();
    decode = DecodeProps(value, &pending->props);
    for (size_t i = first; i < pending->props.size(); ++i) pending->props[i].where.file = std::string(parts[1]);
    return decode.ok();
  });
  if (!s.ok()) return s;
  if (!decode.ok()) return decode;
  if (pending && !stopped) fn(*pending);
  return Status::OK();
}

Status Store::ForEachEdgeAll(const std::function<bool(const EdgeView&)>& fn) const {
  // Source ids come from the out index itself: one pass, grouped by (src, kind, dst).
  std::optional<EdgeView> pending;
  bool stopped = false;
  Status decode;
  Status s = ScanPrefix(Cf::kOut, "", [&](std::string_view key, std::string_view value) {
    std::vector<std::string_view> parts = SplitKey(key);
    std::optional<EdgeKind> k = parts.size() == 4 ? ParseEdgeKind(parts[1]) : std::nullopt;
    if (!k) {
      decode = Status::Corruption("malformed edge key " + Escape(key));
      return false;
    }
    if (pending && (pending->src != parts[0] || pending->kind != *k || pending->dst != parts[2])) {
      if (!fn(*pending)) {
        stopped = true;
        return false;
      }
      pending.reset();
    }
    if (!pending) {
      pending.emplace();
      pending->src = std::string(parts[0]);
      pending->kind = *k;
      pending->dst = std::string(parts[2]);
    }
    EdgeSupport support;
    std::string doc(parts[3]);
    decode = DecodeEdgeSupport(value, doc, &support);
    pending->weight += support.weight;
    if (support.position > 0 && (pending->position == 0 || support.position < pending->position))
      pending->position = support.position;
    for (Provenance& p : support.evidence) pending->evidence.push_back(std::move(p));
    pending->docs.push_back(std::move(doc));
    return decode.ok();
  });
  if (!s.ok()) return s;
  if (!decode.ok()) return decode;
  if (pending && !stopped) fn(*pending);
  return Status::OK();
}

Result<std::optional<DocRecord>> Store::GetDoc(std::string_view doc) const {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(Cf::kDocs), rocksdb::Slice(doc.data(), doc.size()), &value);
  if (s.IsNotFound()) return std::optional<DocRecord>();
  if (!s.ok()) return FromRocks(s, "reading document record");
  Result<DocRecord> rec = DecodeDocRecord(value);
  if (!rec.ok()) return Status::Corruption(std::string(doc) + ": " + rec.status().message());
  return std::optional<DocRecord>(std::move(rec).value());
}

Status Store::ListDocs(std::vector<std::string>* docs) const {
  docs->clear();
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kDocs)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) docs->push_back(it->key().ToString());
  return FromRocks(it->status(), "listing documents");
}

Status Store::CountNodes(uint64_t counts[4]) const {
  // The labels index has the nodes index's keys with small values: the same
  // count for much less reading.
  std::string last;
  return ScanPrefix(Cf::kLabels, "", [&](std::string_view key, std::string_view) {
    std::string_view id = key.substr(0, key.find(kKeySep));
    if (id == last) return true;
    last.assign(id);
    if (std::optional<NodeKind> k = KindOfId(id)) ++counts[static_cast<int>(*k)];
    return true;
  });
}

Result<GraphCounts> Store::Count() const {
  GraphCounts counts;
  Status s = CountNodes(counts.nodes);
  if (!s.ok()) return s;
  std::string last;
  s = ScanPrefix(Cf::kOut, "", [&](std::string_view key, std::string_view) {
    std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 4) return true;
    std::string_view edge = key.substr(0, key.size() - parts[3].size());  // without the doc
    if (edge == last) return true;
    last = std::string(edge);
    if (std::optional<EdgeKind> k = ParseEdgeKind(parts[1])) ++counts.edges[static_cast<int>(*k)];
    return true;
  });
  if (!s.ok()) return s;
  s = ScanPrefix(Cf::kDocs, "", [&](std::string_view, std::string_view) {
    ++counts.documents;
    return true;
  });
  if (!s.ok()) return s;
  return counts;
}

Status Store::Check(std::vector<std::string>* problems) const {
  const Cf derived[] = {Cf::kNodes, Cf::kOut, Cf::kIn, Cf::kNames, Cf::kDeps, Cf::kLabels};
  SetDigest expected, actual;
  // What the records say should be there.
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kDocs)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    Result<DocRecord> rec = DecodeDocRecord(std::string_view(it->value().data(), it->value().size()));
    if (!rec.ok()) {
      problems->push_back("document " + Escape(it->key().ToString()) + ": " + rec.status().message());
      continue;
    }
    if (rec->doc != it->key().ToString())
      problems->push_back("document " + Escape(it->key().ToString()) + ": record names " + Escape(rec->doc));
    for (const auto& [cf, key] : DeriveKeys(*rec)) expected.Add(cf, key, "");
  }
  Status s = FromRocks(it->status(), "scanning documents");
  if (!s.ok()) return s;
  // What is there.
  std::vector<std::string> orphans;
  for (Cf c : derived) {
    s = ScanPrefix(c, "", [&](std::string_view key, std::string_view value) {
      actual.Add(c, key, "");
      if (std::string why = ValueProblem(c, value); !why.empty() && orphans.size() < 20)
        orphans.push_back(std::string(CfName(c)) + " entry " + Escape(key) + ": " + why);
      std::string_view doc = SplitKey(key).back();
      std::string dummy;
      if (orphans.size() < 20 &&
          db_->Get(rocksdb::ReadOptions(), cf(Cf::kDocs), rocksdb::Slice(doc.data(), doc.size()), &dummy).IsNotFound())
        orphans.push_back(std::string(CfName(c)) + " entry " + Escape(key) + " belongs to no document");
      return true;
    });
    if (!s.ok()) return s;
  }
  for (std::string& o : orphans) problems->push_back(std::move(o));
  if (!(expected == actual)) {
    std::ostringstream msg;
    msg << "indexes disagree with the document records: records derive " << expected.count
        << " entries, the indexes hold " << actual.count;
    problems->push_back(msg.str());
  }
  std::string version;
  rocksdb::Status vs = db_->Get(rocksdb::ReadOptions(), cf(Cf::kMeta), kVersionKey, &version);
  if (!vs.ok() || version != std::to_string(kSchemaVersion)) problems->push_back("meta: schema version missing or wrong");
  return Status::OK();
}

Status Store::Dump(std::string* out) const {
  out->clear();
  for (int i = 0; i < kCfCount; ++i) {
    Cf c = static_cast<Cf>(i);
    Status s = ScanPrefix(c, "", [&](std::string_view key, std::string_view value) {
      *out += CfName(c);
      *out += ' ';
      *out += Escape(key);
      *out += " = ";
      *out += Escape(value);
      *out += '\n';
      return true;
    });
    if (!s.ok()) return s;
  }
  return Status::OK();
}

uint64_t Store::Sequence() const { return db_->GetLatestSequenceNumber(); }

Store::ReadScope::ReadScope(const Store* store) {
  std::lock_guard<std::mutex> gate(store->view_gate_);
  lock_ = std::shared_lock<std::shared_timed_mutex>(store->view_mu_);
}

Status Store::CatchUp(std::chrono::milliseconds max_wait, bool* caught_up) {
  if (caught_up) *caught_up = false;
  if (mode_ != Mode::kRead) {
    if (caught_up) *caught_up = true;
    return Status::OK();
  }
  std::lock_guard<std::mutex> gate(view_gate_);
  std::unique_lock<std::shared_timed_mutex> lock(view_mu_, std::defer_lock);
  if (max_wait == std::chrono::milliseconds::max())
    lock.lock();
  else if (!lock.try_lock_for(max_wait))
    return Status::OK();
  Status s = FromRocks(db_->TryCatchUpWithPrimary(), dir_ + ": catching up with the writer");
  if (s.ok() && NewestTableFile(db_) != newest_table_file_) s = Reopen();
  if (caught_up) *caught_up = s.ok();
  return s;
}

// A secondary instance that catches up after the writer has flushed may keep
// memtables older than the table files (when the writer deleted a log
// before the instance read it, nothing replaces them): point reads then
// return old values, and entries the writer has deleted may come back. So
// when the writer has written table files since the last look, a fresh
// instance replaces this one (a few milliseconds; a flush ends each import).
// REQUIRES: view_mu_ held exclusively.
Status Store::Reopen() {
  std::string secondary_dir;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = OpenSecondary(&secondary_dir, &handles, &db);
  if (!s.ok()) return FromRocks(s, dir_ + ": reopening to catch up with the writer");
  for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
  delete db_;
  std::error_code ec;
  fs::remove_all(secondary_dir_, ec);
  db_ = db;
  handles_ = std::move(handles);
  secondary_dir_ = std::move(secondary_dir);
  newest_table_file_ = NewestTableFile(db_);
  return Status::OK();
}

std::unique_ptr<WriteTxn> Store::BeginWrite() { return std::make_unique<WriteTxn>(this); }

Status Store::Sync() { return FromRocks(db_->SyncWAL(), dir_ + ": syncing the log"); }

Status Store::Flush() {
  rocksdb::FlushOptions options;
  options.wait = true;
  return FromRocks(db_->Flush(options, handles_), dir_ + ": flushing");
}

}  // namespace pg
