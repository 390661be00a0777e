// A RocksDB file system that fails on purpose, for the fault-injection tests
// (tests/fault_test.cc). It forwards everything to the default file system
// and counts the writes; once armed at a failure point, it lets `after`
// matching operations through and then fails the next one and every later
// one the way a full disk does (an IOError with subcode NoSpace: "No space
// left on device"), until Heal(). An append that fails writes part of its
// data first, as write(2) does when the disk fills in the middle.
//
// Syncs (of files and directories) are counted, and fail when armed, but
// never reach the disk: these tests are about what a process sees after a
// write error, not about power loss, and real fsyncs made them ten times
// slower. Thread-safe: RocksDB writes from its background threads too.
#pragma once

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>
#include <rocksdb/system_clock.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace pg::testing {

enum class FaultPoint {
  kNone,
  kWalAppend,       // an append to the write-ahead log (*.log): a document's batch
  kWalSync,         // an fsync of the log: the import's Sync at the end
  kTableCreate,     // creating a table file (*.sst): a flush starting
  kTableAppend,     // writing a table file: a flush under way
  kTableSync,       // the fsync that ends a table file
  kManifestAppend,  // a MANIFEST record: a flush finishing, or a database opening
  kAnyAppend,       // any append but the info log's, counted in bytes: the disk filling up
};

const char* FaultPointName(FaultPoint p);

// What went through the file system since construction (faults included).
struct FaultCounts {
  uint64_t wal_appends = 0, wal_syncs = 0, table_creates = 0, table_appends = 0, table_syncs = 0,
           manifest_appends = 0, bytes = 0;
  uint64_t Of(FaultPoint p) const;
};

class FaultFs : public rocksdb::FileSystemWrapper {
 public:
  FaultFs();

  const char* Name() const override { return "PapergraphFaultFs"; }

  // Lets `after` matching operations (bytes, for kAnyAppend) succeed, then
  // fails every later one until Heal().
  void Arm(FaultPoint point, uint64_t after);
  void Heal();
  // How many operations failed since Arm.
  uint64_t failures() const;
  FaultCounts counts() const;

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                       std::unique_ptr<rocksdb::FSWritableFile>* r,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& io_opts,
                                 std::unique_ptr<rocksdb::FSDirectory>* result,
                                 rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& f, const std::string& old, const rocksdb::FileOptions& o,
                                      std::unique_ptr<rocksdb::FSWritableFile>* r,
                                      rocksdb::IODebugContext* dbg) override;

  enum class FileKind { kWal, kTable, kManifest, kInfoLog, kOther };
  // For the wrapped files: how many of `n` bytes may be written, and the
  // error to return after writing them (OK: all of them).
  rocksdb::IOStatus OnAppend(FileKind kind, const std::string& name, size_t n, size_t* allowed);
  rocksdb::IOStatus OnSync(FileKind kind, const std::string& name);

 private:
  rocksdb::IOStatus Wrap(const std::string& f, rocksdb::IOStatus s, std::unique_ptr<rocksdb::FSWritableFile>* r);
  bool Matches(FaultPoint p) const { return armed_ == p; }
  rocksdb::IOStatus Fail(const std::string& name);

  mutable std::mutex mu_;
  FaultPoint armed_ = FaultPoint::kNone;
  uint64_t after_ = 0;   // operations (or bytes) still allowed
  uint64_t failures_ = 0;
  FaultCounts counts_;
};

// A FaultFs and an Env over it, for StoreOptions::env. Its clock sleeps at
// most 20 ms: RocksDB waits a second after each failed background flush
// before it retries, and a close waits for that, which would make every
// case of the fault tests take seconds.
struct FaultEnv {
  FaultEnv();
  std::shared_ptr<FaultFs> fs;
  std::unique_ptr<rocksdb::Env> env;
};

}  // namespace pg::testing
