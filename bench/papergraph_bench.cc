// papergraph-bench OUT [--db DIR] [--repeat R] [--check-truth] [--jobs N] [--print-queries]
//
// OUT is a ../shared/tools/gen_corpus.py output directory. Imports OUT/posts
// into a database (a temporary one unless --db), then prints one JSON report
// in the shape of ../shared/bench/README.md ({"peer":"papergraph","load_s",
// "queries"}), plus import throughput, peak RSS, database size, and the same
// files' md4c parse-only, parse-and-extract (no storage, one thread) and
// read-only ("cat") times for comparison.
// --check-truth compares the graph with OUT/truth.jsonl and exits 1 unless
// every node and edge agrees. The query cases of OUT/queries.json run
// in-process on the imported store (bench/query_cases.h): warm, R runs each,
// the median in "queries"; a wrong answer makes "ok" false and the exit 1.
// --print-queries prints each case's name and papergraph query (tab
// separated) and exits without importing (for bench/cold_queries.sh).
#include <md4c.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bench/query_cases.h"
#include "bench/truth_check.h"
#include "importers/extract.h"
#include "importers/importer.h"
#include "importers/lexicon.h"
#include "importers/post_parser.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

std::vector<std::string> PostFiles(const std::string& dir, uint64_t* bytes) {
  std::vector<std::string> files;
  *bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    files.push_back(e.path().string());
    *bytes += e.file_size();
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// md4c alone, with callbacks that do nothing: the floor for any markdown importer.
double Md4cParseSeconds(const std::vector<std::string>& files) {
  MD_PARSER parser{};
  parser.flags = MD_FLAG_TABLES | MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_LATEXMATHSPANS;
  parser.enter_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
  parser.leave_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
  parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.text = [](MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) { return 0; };
  auto start = Clock::now();
  for (const std::string& f : files) {
    std::string text = Slurp(f);
    md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, nullptr);
  }
  return Seconds(start);
}

// What the importer does to a post before anything is stored: read, parse
// (md4c plus the format's outline, front matter and checks) and extract
// (topics, labs, links), on one thread. Between this and md4c alone lies the
// extraction's own cost; between this and the import, the storage's.
double ExtractOnlySeconds(const std::vector<std::string>& files, const pg::Extractor& extractor) {
  auto start = Clock::now();
  size_t papers = 0;
  for (const std::string& f : files) {
    pg::Result<pg::ParsedPost> post = pg::ParsePost(Slurp(f), f);
    if (post.ok()) papers += extractor.Extract(std::move(*post)).papers.size();
  }
  volatile size_t sink = papers;
  (void)sink;
  return Seconds(start);
}

double CatSeconds(const std::vector<std::string>& files) {
  auto start = Clock::now();
  size_t total = 0;
  for (const std::string& f : files) total += Slurp(f).size();
  volatile size_t sink = total;
  (void)sink;
  return Seconds(start);
}

// RocksDB's background compaction may delete a file while we walk: it then
// simply does not count (no exception).
uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    if (!it->is_regular_file(file_ec)) continue;
    uint64_t size = it->file_size(file_ec);
    if (!file_ec) total += size;
  }
  return total;
}

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"papergraph-bench: import a generated corpus and time it against the peers' report shape"};
  std::string out, db;
  int repeat = 5, jobs = 2;
  bool check_truth = false, print_queries = false;
  app.add_option("OUT", out, "gen_corpus.py output directory (holds posts/, truth.jsonl, queries.json)")->required();
  app.add_option("--db", db, "keep the database here (default: a temporary directory, removed at the end)");
  app.add_option("--repeat", repeat, "runs per query case; the median is reported");
  app.add_option("--jobs", jobs, "parser threads");
  app.add_flag("--check-truth", check_truth, "compare the graph with OUT/truth.jsonl; exit 1 on any difference");
  app.add_flag("--print-queries", print_queries, "print each query case and its papergraph query, then exit");
  CLI11_PARSE(app, argc, argv);

  if (print_queries) {
    auto cases = pg::LoadQueryCases(out);
    if (!cases.ok()) {
      std::cerr << cases.status().ToString() << "\n";
      return 1;
    }
    for (const pg::QueryCase& c : *cases) std::cout << c.name << "\t" << c.query << "\n";
    return 0;
  }

  std::string posts = out + "/posts";
  uint64_t bytes = 0;
  std::vector<std::string> files = PostFiles(posts, &bytes);
  bool temporary = db.empty();
  if (temporary) db = (fs::temp_directory_path() / ("papergraph-bench-" + std::to_string(getpid()))).string();

  auto extractor = pg::Extractor::Load(pg::DefaultDataDir(), {});
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 1;
  }
  nlohmann::ordered_json report;
  report["peer"] = "papergraph";
  report["version"] = "0.1.0";
  bool ok = true;
  {
    auto store = pg::Store::Open(db, pg::Store::Mode::kWrite, "papergraph-bench");
    if (!store.ok()) {
      std::cerr << store.status().ToString() << "\n";
      return 1;
    }
    pg::ImportOptions options;
    options.paths = {posts};
    options.jobs = jobs;
    pg::ImportReport imported;
    auto start = Clock::now();
    pg::Status s = pg::Importer(store->get(), extractor->get()).Run(options, &imported);
    double load_s = Seconds(start);
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
    report["load_s"] = std::round(load_s * 1000) / 1000;
    report["import"] = {{"files", imported.files},
                        {"imported", imported.imported},
                        {"unchanged", imported.unchanged},
                        {"failed", imported.failed},
                        {"bytes", bytes},
                        {"files_per_s", std::round(files.size() / load_s)},
                        {"mb_per_s", std::round(bytes / 1e6 / load_s * 10) / 10},
                        {"peak_rss_mb", PeakRssKb() / 1024},
                        {"db_mb", std::round(DirBytes(db) / 1e6 * 10) / 10}};
    if (imported.failed) ok = false;
    report["queries"] = nlohmann::ordered_json::object();
    if (check_truth) {
      auto truth = pg::CheckAgainstTruth(**store, out + "/truth.jsonl");
      if (!truth.ok()) {
        std::cerr << truth.status().ToString() << "\n";
        return 1;
      }
      for (const auto& [kind, score] : truth->kinds) {
        report["truth"][kind] = {{"truth", score.truth}, {"found", score.found}, {"correct", score.correct},
                                 {"missing", score.missing}, {"extra", score.extra}};
      }
      if (!truth->perfect()) ok = false;
    }
    auto queries = pg::RunQueryCases(**store, out, repeat);
    if (!queries.ok()) {
      std::cerr << queries.status().ToString() << "\n";
      return 1;
    }
    report["queries"] = std::move(queries->queries);
    report["query_setup"] = {{"repeat", repeat},
                             {"truth_s", std::round(queries->truth_s * 1000) / 1000},
                             {"snapshot_s", std::round(queries->snapshot_s * 1000) / 1000}};
    if (!queries->ok) ok = false;
  }
  report["parse_only_s"] = std::round(Md4cParseSeconds(files) * 1000) / 1000;
  report["extract_only_s"] = std::round(ExtractOnlySeconds(files, **extractor) * 1000) / 1000;
  report["cat_s"] = std::round(CatSeconds(files) * 1000) / 1000;
  report["ok"] = ok;
  std::cout << report.dump(1) << "\n";
  if (temporary) fs::remove_all(db);
  return ok ? 0 : 1;
}
