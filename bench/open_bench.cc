// papergraph-open-bench DB [N] [VARIANT]
//
// How long opening a database for reading takes (and closing it), with the
// store's options and with RocksDB options a one-shot reader could use
// instead: the evidence behind docs/benchmarks.md "Cold one-shot queries".
// Prints the median and minimum of N opens (default 5) per variant, or of
// variant VARIANT only (0-based, in the order printed). The first open in a
// process costs more than the next ones (threads, file handles): to measure
// what `papergraph query` pays, run one open per process, e.g.
//   for i in 1 2 3 4 5 6 7; do papergraph-open-bench DB 1 0; done
// Only reads the database; the secondary variants use a scratch directory
// under /tmp, removed afterwards.
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "storage/schema.h"
#include "storage/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }

// What storage/store.cc's BaseOptions() sets (keep in step).
rocksdb::Options StoreOptions() {
  rocksdb::Options o;
  o.create_if_missing = false;
  o.create_missing_column_families = true;
  o.max_open_files = -1;
  o.keep_log_file_num = 3;
  o.IncreaseParallelism(2);
  o.compression = rocksdb::kLZ4Compression;
  o.max_total_wal_size = 128 << 20;
  return o;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Families(const rocksdb::Options& o) {
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (int i = 0; i < pg::kCfCount; ++i)
    cfs.emplace_back(pg::CfName(static_cast<pg::Cf>(i)), rocksdb::ColumnFamilyOptions(o));
  return cfs;
}

// Opens (secondary or read-only) with tweaked options, closes; milliseconds, or -1 on failure.
double OpenRaw(const std::string& dir, bool secondary, const std::function<void(rocksdb::Options&)>& tweak) {
  auto start = Clock::now();
  rocksdb::Options o = StoreOptions();
  tweak(o);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  std::string scratch;
  rocksdb::Status s;
  if (secondary) {
    char tmpl[] = "/tmp/papergraph-open-bench-XXXXXX";
    if (!mkdtemp(tmpl)) return -1;
    scratch = tmpl;
    s = rocksdb::DB::OpenAsSecondary(o, dir, scratch, Families(o), &handles, &db);
  } else {
    s = rocksdb::DB::OpenForReadOnly(o, dir, Families(o), &handles, &db);
  }
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return -1;
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
  if (!scratch.empty()) std::filesystem::remove_all(scratch);
  return Ms(start);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: papergraph-open-bench DB [N] [VARIANT]\n");
    return 2;
  }
  std::string dir = argv[1];
  int n = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  int only = argc > 3 ? std::atoi(argv[3]) : -1;

  struct Variant {
    const char* name;
    std::function<double()> open_close;
  };
  auto lazy = [](rocksdb::Options& o) {
    o.max_open_files = 256;  // tables open when first read
    o.skip_stats_update_on_db_open = true;
    o.skip_checking_sst_file_sizes_on_db_open = true;
  };
  std::vector<Variant> variants = {
      {"Store::Open(kRead) + close (secondary instance, as papergraph query)",
       [&] {
         auto start = Clock::now();
         auto store = pg::Store::Open(dir, pg::Store::Mode::kRead);
         if (!store.ok()) {
           std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
           return -1.0;
         }
         store->reset();
         return Ms(start);
       }},
      {"secondary, store options", [&] { return OpenRaw(dir, true, [](rocksdb::Options&) {}); }},
      {"secondary, max_file_opening_threads = 1",
       [&] { return OpenRaw(dir, true, [](rocksdb::Options& o) { o.max_file_opening_threads = 1; }); }},
      {"read-only, store options (max_open_files = -1)", [&] { return OpenRaw(dir, false, [](rocksdb::Options&) {}); }},
      {"read-only, lazy tables + skip stats and size checks", [&] { return OpenRaw(dir, false, lazy); }},
      {"read-only, lazy + skips + max_file_opening_threads = 1", [&] {
         return OpenRaw(dir, false, [&](rocksdb::Options& o) {
           lazy(o);
           o.max_file_opening_threads = 1;
         });
       }},
  };
  for (size_t v = 0; v < variants.size(); ++v) {
    if (only >= 0 && static_cast<size_t>(only) != v) continue;
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
      double t = variants[v].open_close();
      if (t < 0) return 1;
      ms.push_back(t);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%zu  %-66s median %7.1f ms  min %7.1f ms\n", v, variants[v].name, ms[ms.size() / 2], ms.front());
  }
  return 0;
}
