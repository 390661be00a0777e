#include "tests/fault_fs.h"

#include <algorithm>

namespace pg::testing {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

FaultFs::FileKind KindOf(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  auto ends = [&name](const char* s) {
    std::string suffix = s;
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".log")) return FaultFs::FileKind::kWal;
  if (ends(".sst")) return FaultFs::FileKind::kTable;
  if (name.rfind("MANIFEST-", 0) == 0) return FaultFs::FileKind::kManifest;
  if (name == "LOG" || name.rfind("LOG.old", 0) == 0) return FaultFs::FileKind::kInfoLog;
  return FaultFs::FileKind::kOther;
}

class FaultFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultFile(std::unique_ptr<rocksdb::FSWritableFile> file, FaultFs* fs, std::string name)
      : FSWritableFileOwnerWrapper(std::move(file)), fs_(fs), name_(std::move(name)), kind_(KindOf(name_)) {}

  IOStatus Append(const Slice& data, const IOOptions& o, IODebugContext* dbg) override {
    size_t allowed = 0;
    IOStatus fault = fs_->OnAppend(kind_, name_, data.size(), &allowed);
    if (allowed > 0) {
      IOStatus s = target()->Append(Slice(data.data(), allowed), o, dbg);
      if (!s.ok()) return s;
    }
    return fault;
  }
  IOStatus Append(const Slice& data, const IOOptions& o, const rocksdb::DataVerificationInfo&,
                  IODebugContext* dbg) override {
    return Append(data, o, dbg);
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& o, IODebugContext* dbg) override {
    size_t allowed = 0;
    IOStatus fault = fs_->OnAppend(kind_, name_, data.size(), &allowed);
    if (allowed > 0) {
      IOStatus s = target()->PositionedAppend(Slice(data.data(), allowed), offset, o, dbg);
      if (!s.ok()) return s;
    }
    return fault;
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& o,
                            const rocksdb::DataVerificationInfo&, IODebugContext* dbg) override {
    return PositionedAppend(data, offset, o, dbg);
  }
  // Syncs are counted and may fail, but never reach the disk (see fault_fs.h).
  IOStatus Sync(const IOOptions&, IODebugContext*) override { return fs_->OnSync(kind_, name_); }
  IOStatus Fsync(const IOOptions&, IODebugContext*) override { return fs_->OnSync(kind_, name_); }
  IOStatus RangeSync(uint64_t, uint64_t, const IOOptions&, IODebugContext*) override { return IOStatus::OK(); }

 private:
  FaultFs* fs_;
  std::string name_;
  FaultFs::FileKind kind_;
};

class NoSyncDirectory : public rocksdb::FSDirectoryWrapper {
 public:
  explicit NoSyncDirectory(std::unique_ptr<rocksdb::FSDirectory> d) : FSDirectoryWrapper(std::move(d)) {}
  IOStatus Fsync(const IOOptions&, IODebugContext*) override { return IOStatus::OK(); }
  IOStatus FsyncWithDirOptions(const IOOptions&, IODebugContext*, const rocksdb::DirFsyncOptions&) override {
    return IOStatus::OK();
  }
};

}  // namespace

const char* FaultPointName(FaultPoint p) {
  switch (p) {
    case FaultPoint::kNone: return "none";
    case FaultPoint::kWalAppend: return "WAL append";
    case FaultPoint::kWalSync: return "WAL fsync";
    case FaultPoint::kTableCreate: return "table file creation";
    case FaultPoint::kTableAppend: return "table file write (flush)";
    case FaultPoint::kTableSync: return "table file fsync";
    case FaultPoint::kManifestAppend: return "MANIFEST write";
    case FaultPoint::kAnyAppend: return "disk full after N bytes";
  }
  return "?";
}

uint64_t FaultCounts::Of(FaultPoint p) const {
  switch (p) {
    case FaultPoint::kNone: return 0;
    case FaultPoint::kWalAppend: return wal_appends;
    case FaultPoint::kWalSync: return wal_syncs;
    case FaultPoint::kTableCreate: return table_creates;
    case FaultPoint::kTableAppend: return table_appends;
    case FaultPoint::kTableSync: return table_syncs;
    case FaultPoint::kManifestAppend: return manifest_appends;
    case FaultPoint::kAnyAppend: return bytes;
  }
  return 0;
}

FaultFs::FaultFs() : FileSystemWrapper(rocksdb::FileSystem::Default()) {}

void FaultFs::Arm(FaultPoint point, uint64_t after) {
  std::lock_guard<std::mutex> lock(mu_);
  armed_ = point;
  after_ = after;
  failures_ = 0;
}

void FaultFs::Heal() {
  std::lock_guard<std::mutex> lock(mu_);
  armed_ = FaultPoint::kNone;
}

uint64_t FaultFs::failures() const {
  std::lock_guard<std::mutex> lock(mu_);
  return failures_;
}

FaultCounts FaultFs::counts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return counts_;
}

IOStatus FaultFs::Fail(const std::string& name) {
  ++failures_;
  return IOStatus::NoSpace("injected by the test", name);
}

IOStatus FaultFs::OnAppend(FileKind kind, const std::string& name, size_t n, size_t* allowed) {
  std::lock_guard<std::mutex> lock(mu_);
  *allowed = n;
  if (kind == FileKind::kInfoLog) return IOStatus::OK();  // RocksDB ignores its errors; its size varies
  counts_.bytes += n;
  FaultPoint point = kind == FileKind::kWal        ? FaultPoint::kWalAppend
                     : kind == FileKind::kTable    ? FaultPoint::kTableAppend
                     : kind == FileKind::kManifest ? FaultPoint::kManifestAppend
                                                   : FaultPoint::kNone;
  if (point == FaultPoint::kWalAppend) ++counts_.wal_appends;
  if (point == FaultPoint::kTableAppend) ++counts_.table_appends;
  if (point == FaultPoint::kManifestAppend) ++counts_.manifest_appends;
  if (Matches(FaultPoint::kAnyAppend)) {
    if (after_ >= n) {
      after_ -= n;
      return IOStatus::OK();
    }
    *allowed = static_cast<size_t>(after_);  // the disk fills in the middle of this write
    after_ = 0;
    return Fail(name);
  }
  if (point == FaultPoint::kNone || !Matches(point)) return IOStatus::OK();
  if (after_ > 0) {
    --after_;
    return IOStatus::OK();
  }
  *allowed = n / 2;  // a torn write: part of it reached the file
  return Fail(name);
}

IOStatus FaultFs::OnSync(FileKind kind, const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  FaultPoint point = kind == FileKind::kWal ? FaultPoint::kWalSync
                     : kind == FileKind::kTable ? FaultPoint::kTableSync
                                                : FaultPoint::kNone;
  if (point == FaultPoint::kWalSync) ++counts_.wal_syncs;
  if (point == FaultPoint::kTableSync) ++counts_.table_syncs;
  if (point == FaultPoint::kNone || !Matches(point)) return IOStatus::OK();
  if (after_ > 0) {
    --after_;
    return IOStatus::OK();
  }
  return Fail(name);
}

IOStatus FaultFs::Wrap(const std::string& f, IOStatus s, std::unique_ptr<rocksdb::FSWritableFile>* r) {
  if (s.ok()) *r = std::make_unique<FaultFile>(std::move(*r), this, f);
  return s;
}

IOStatus FaultFs::NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                  std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* dbg) {
  if (KindOf(f) == FileKind::kTable) {
    std::lock_guard<std::mutex> lock(mu_);
    ++counts_.table_creates;
    if (Matches(FaultPoint::kTableCreate)) {
      if (after_ > 0)
        --after_;
      else
        return Fail(f);
    }
  }
  return Wrap(f, target()->NewWritableFile(f, o, r, dbg), r);
}

IOStatus FaultFs::NewDirectory(const std::string& name, const IOOptions& io_opts,
                               std::unique_ptr<rocksdb::FSDirectory>* result, IODebugContext* dbg) {
  IOStatus s = target()->NewDirectory(name, io_opts, result, dbg);
  if (s.ok()) *result = std::make_unique<NoSyncDirectory>(std::move(*result));
  return s;
}

IOStatus FaultFs::ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                     std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* dbg) {
  return Wrap(f, target()->ReopenWritableFile(f, o, r, dbg), r);
}

IOStatus FaultFs::ReuseWritableFile(const std::string& f, const std::string& old, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* dbg) {
  return Wrap(f, target()->ReuseWritableFile(f, old, o, r, dbg), r);
}

namespace {

class FastSleepClock : public rocksdb::SystemClockWrapper {
 public:
  FastSleepClock() : SystemClockWrapper(rocksdb::SystemClock::Default()) {}
  const char* Name() const override { return "PapergraphFastSleepClock"; }
  void SleepForMicroseconds(int micros) override { target_->SleepForMicroseconds(std::min(micros, 20000)); }
};

class FaultEnvImpl : public rocksdb::EnvWrapper {
 public:
  explicit FaultEnvImpl(const std::shared_ptr<FaultFs>& fs) : EnvWrapper(rocksdb::NewCompositeEnv(fs)) {
    file_system_ = fs;
    system_clock_ = std::make_shared<FastSleepClock>();
  }
  const char* Name() const override { return "PapergraphFaultEnv"; }
  void SleepForMicroseconds(int micros) override { system_clock_->SleepForMicroseconds(micros); }
};

}  // namespace

FaultEnv::FaultEnv() : fs(std::make_shared<FaultFs>()), env(std::make_unique<FaultEnvImpl>(fs)) {}

}  // namespace pg::testing
