// Write errors during an import (DESIGN §8 "a full disk"), injected through a
// RocksDB file system that fails like a full disk (tests/fault_fs.h) at
// each place a write can fail: the log, its fsync, a table file being
// created, written or synced by a flush (at the end of the import, or in the
// middle when the write buffer is tiny, where the failure is a RocksDB
// background error), the MANIFEST, and a disk that fills up after N bytes.
// For each: the import stops with an error that names the problem and the
// file; reopened without the fault, the database passes Check(), holds
// every document wholly or not at all (it equals a clean import of exactly
// the documents it holds), and running the import again finishes with the
// bytes of a clean import.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>

#include "importers/extract.h"
#include "importers/importer.h"
#include "storage/store.h"
#include "tests/fault_fs.h"
#include "tests/test_corpus.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::FaultEnv;
using pg::testing::FaultPoint;
using pg::testing::ScratchDir;
using pg::testing::TheExtractor;

namespace {

constexpr int kPosts = 60;
constexpr size_t kTinyBuffer = 64 << 10;  // flushes every few documents

ImportOptions PostsUnder(const std::string& root, std::vector<std::string> paths) {
  ImportOptions o;
  o.paths = std::move(paths);
  o.root = root;
  return o;
}

std::string DumpOf(const Store& store) {
  std::string d;
  REQUIRE(store.Dump(&d).ok());
  return d;
}

// Stores opened without a fault still skip fsyncs, for speed (fault_fs.h).
rocksdb::Env* NoFaultEnv() {
  static FaultEnv fe;
  return fe.env.get();
}

std::unique_ptr<Store> OpenClean(const std::string& dir) {
  auto s = Store::Open(dir, Store::Mode::kWrite, "test", {NoFaultEnv(), 0});
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  return std::move(s).value();
}

// The corpus and what a clean import of it gives.
struct Corpus {
  ScratchDir tmp;
  std::string root = tmp.Sub("posts");
  std::string clean_dump;
  Corpus() {
    pg::testing::WritePosts(root, pg::testing::GeneratePosts(kPosts, 'A'));
    auto store = OpenClean(tmp.Sub("clean.db"));
    ImportReport report;
    REQUIRE(Importer(store.get(), &TheExtractor()).Run(PostsUnder(root, {root}), &report).ok());
    REQUIRE(report.imported == kPosts);
    clean_dump = DumpOf(*store);
  }
};

Corpus& TheCorpus() {
  static Corpus corpus;
  return corpus;
}

// What goes through the file system in a clean import with these options:
// up to the end of Store::Open (creating the database, replaying its log),
// and in all, closing included.
struct Calibration {
  pg::testing::FaultCounts at_open, total;
  // `fraction` of the way between the end of the open and the end.
  uint64_t During(FaultPoint p, double fraction) const {
    uint64_t a = at_open.Of(p), b = total.Of(p);
    return a + static_cast<uint64_t>(static_cast<double>(b - a) * fraction);
  }
};

Calibration Calibrate(size_t write_buffer) {
  ScratchDir tmp;
  FaultEnv fe;
  Calibration c;
  auto store = Store::Open(tmp.Sub("db"), Store::Mode::kWrite, "test", {fe.env.get(), write_buffer});
  REQUIRE(store.ok());
  c.at_open = fe.fs->counts();
  ImportReport report;
  REQUIRE(Importer(store->get(), &TheExtractor()).Run(PostsUnder(TheCorpus().root, {TheCorpus().root}), &report).ok());
  store->reset();
  c.total = fe.fs->counts();
  return c;
}

struct Outcome {
  std::string error;      // what the open or the import said
  bool opened = false;    // Store::Open succeeded under the fault
  bool imported = false;  // ...and so did the import: the fault came while closing, or never
  bool fired = false;     // the fault happened
  size_t docs_kept = 0;   // post documents in the database afterwards
};

int g_runs = 0;     // faulty imports run, for the summary
int g_unfired = 0;  // ...in which the fault came too late to happen

// One import under `point`, failing after `after` operations; then every check.
Outcome RunWithFault(FaultPoint point, uint64_t after, size_t write_buffer) {
  Corpus& corpus = TheCorpus();
  ScratchDir tmp;
  std::string db = tmp.Sub("db");
  Outcome out;
  ++g_runs;
  {
    FaultEnv fe;
    fe.fs->Arm(point, after);
    auto store = Store::Open(db, Store::Mode::kWrite, "test", {fe.env.get(), write_buffer});
    if (!store.ok()) {
      out.error = store.status().message();
    } else {
      out.opened = true;
      ImportReport report;
      Status s = Importer(store->get(), &TheExtractor()).Run(PostsUnder(corpus.root, {corpus.root}), &report);
      out.imported = s.ok();
      out.error = s.message();
      store->reset();  // closing a store with a background error must finish
    }
    // Background work varies from run to run, so a fault placed near the
    // end may find fewer operations than the calibration did.
    out.fired = fe.fs->failures() > 0;
    CHECK_MESSAGE((out.fired || out.imported), "the import failed, but not by the fault: " << out.error);
    if (!out.fired) ++g_unfired;
  }
  INFO("fault: " << std::string(FaultPointName(point)) << " after " << after << "; error: " << out.error);
  if (out.fired && !out.imported) {
    CHECK(out.error.find("No space left on device") != std::string::npos);
    CHECK(out.error.find(db) != std::string::npos);  // every storage error names the database
  }

  // Reopened without the fault: consistent, and each document whole.
  std::error_code ec;
  CHECK_FALSE(std::filesystem::exists(db + ".creating", ec));
  if (!std::filesystem::exists(db + "/CURRENT", ec)) {
    CHECK_FALSE(out.opened);  // only a failed creation leaves no database, and then nothing at all
    CHECK_FALSE(std::filesystem::exists(db, ec));
  } else {
    auto store = OpenClean(db);
    std::vector<std::string> problems;
    REQUIRE(store->Check(&problems).ok());
    CHECK_MESSAGE(problems.empty(), (problems.empty() ? "" : problems.front()));
    std::vector<std::string> docs;
    REQUIRE(store->ListDocs(&docs).ok());
    std::vector<std::string> files;
    bool lexicon = false;
    for (const std::string& d : docs) {
      if (d == "@lexicon")
        lexicon = true;
      else
        files.push_back(corpus.root + "/" + d);
    }
    out.docs_kept = files.size();
    // A clean import of exactly these documents gives the same bytes.
    {
      auto ref = OpenClean(tmp.Sub("ref.db"));
      if (lexicon) {
        ImportReport report;
        REQUIRE(Importer(ref.get(), &TheExtractor()).Run(PostsUnder(corpus.root, files), &report).ok());
      }
      CHECK(DumpOf(*ref) == DumpOf(*store));
    }
    // The next import, with space again, finishes the job.
    ImportReport report;
    Status again = Importer(store.get(), &TheExtractor()).Run(PostsUnder(corpus.root, {corpus.root}), &report);
    REQUIRE_MESSAGE(again.ok(), again.ToString());
    CHECK(report.imported + report.unchanged == kPosts);
    CHECK(DumpOf(*store) == corpus.clean_dump);
  }
  return out;
}

bool NamesAPost(const std::string& error) { return error.find(".md: not imported: ") != std::string::npos; }

}  // namespace

TEST_CASE("fault: a write to the log fails in the middle of an import") {
  Calibration c = Calibrate(0);
  MESSAGE("a clean import of " << kPosts << " posts: " << c.total.wal_appends << " log appends, "
                               << c.total.wal_syncs << " log fsyncs, " << c.total.table_creates << " table files, "
                               << c.total.manifest_appends << " MANIFEST records, " << c.total.bytes << " bytes");
  for (double at : {0.0, 0.5, 0.95}) {
    Outcome o = RunWithFault(FaultPoint::kWalAppend, c.During(FaultPoint::kWalAppend, at), 0);
    CHECK(o.opened);
    CHECK_FALSE(o.imported);
    if (at == 0.0)
      CHECK(o.error.find("the topic lexicon: not written") != std::string::npos);
    else
      CHECK_MESSAGE(NamesAPost(o.error), o.error);
    CHECK(o.docs_kept < static_cast<size_t>(kPosts));
  }
}

TEST_CASE("fault: the fsync of the log fails") {
  Calibration c = Calibrate(0);
  // The first fsync: creating the database; the last: the end of the import.
  Outcome first = RunWithFault(FaultPoint::kWalSync, 0, 0);
  CHECK_FALSE(first.opened);
  CHECK(first.error.find("cannot create the database") != std::string::npos);
  Outcome last = RunWithFault(FaultPoint::kWalSync, c.total.wal_syncs - 1, 0);
  CHECK(last.opened);
  CHECK_FALSE(last.imported);
  CHECK((last.error.find("syncing the log") != std::string::npos || last.error.find("flushing") != std::string::npos));
  CHECK(last.docs_kept == static_cast<size_t>(kPosts));  // committed before the fsync; the OS had them
}

TEST_CASE("fault: the flush at the end of an import fails") {
  Calibration c = Calibrate(0);
  for (FaultPoint p : {FaultPoint::kTableCreate, FaultPoint::kTableAppend, FaultPoint::kTableSync}) {
    Outcome o = RunWithFault(p, c.at_open.Of(p), 0);
    CHECK(o.opened);
    CHECK_FALSE(o.imported);
    CHECK_MESSAGE(o.error.find("flushing") != std::string::npos, o.error);
    CHECK(o.docs_kept == static_cast<size_t>(kPosts));  // in the log, replayed on reopen
  }
}

TEST_CASE("fault: a background flush fails in the middle of an import; the import stops with an error") {
  // With a tiny write buffer RocksDB flushes while the import writes. A
  // failed flush is a background error: writes then fail (the import stops
  // at that post), or go on while RocksDB retries the flush, and the
  // import's own flush at the end fails. Either way Run returns the error.
  Calibration c = Calibrate(kTinyBuffer);
  REQUIRE_MESSAGE(c.total.table_creates - c.at_open.table_creates > 12,
                  "the tiny write buffer should make flushes during the import");
  for (FaultPoint p : {FaultPoint::kTableCreate, FaultPoint::kTableAppend, FaultPoint::kTableSync}) {
    Outcome o = RunWithFault(p, c.During(p, 0.3), kTinyBuffer);
    CHECK(o.opened);
    CHECK_FALSE(o.imported);
    CHECK_MESSAGE((NamesAPost(o.error) || o.error.find("flushing") != std::string::npos), o.error);
  }
}

TEST_CASE("fault: a MANIFEST write fails (at creation, at a flush, at the last one)") {
  for (size_t buffer : {size_t{0}, kTinyBuffer}) {
    Calibration c = Calibrate(buffer);
    for (double at : {0.3, 1.0}) {
      uint64_t after = std::min(c.During(FaultPoint::kManifestAppend, at), c.total.manifest_appends - 1);
      RunWithFault(FaultPoint::kManifestAppend, after, buffer);
    }
  }
  Outcome o = RunWithFault(FaultPoint::kManifestAppend, 0, 0);
  CHECK(o.error.find("cannot create the database") != std::string::npos);
}

TEST_CASE("fault: the disk fills up after N bytes") {
  std::map<std::string, int> where;  // where the failures were reported
  for (size_t buffer : {size_t{0}, kTinyBuffer}) {
    Calibration c = Calibrate(buffer);
    for (double at : {0.0, 0.1, 0.4, 0.7, 0.9, 0.98}) {
      Outcome o = RunWithFault(FaultPoint::kAnyAppend, c.During(FaultPoint::kAnyAppend, at), buffer);
      ++where[!o.opened    ? "at open"
              : !o.fired   ? "never (after the last write)"
              : o.imported ? "at close"
              : NamesAPost(o.error) ? "at a post"
                                    : "at the end"];
    }
  }
  std::string summary;
  for (const auto& [k, n] : where) summary += " " + k + ": " + std::to_string(n) + ";";
  MESSAGE("disk full after N bytes, where the import stopped:" << summary);
  CHECK(where["at a post"] > 0);
  MESSAGE(g_runs << " faulty imports so far (" << g_unfired
                 << " where the fault came after the last write), each followed by Check, a subset import and a "
                    "re-import");
  CHECK(g_unfired * 4 < g_runs);
}
