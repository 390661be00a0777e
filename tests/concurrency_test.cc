// Readers beside a live import (DESIGN §3): while a writer replaces every
// document again and again (version A of each post, then version B, with
// other papers and labs), readers must see each document wholly in one
// version, never a mix of the two, and the indexes always agreeing with
// the records. Readers: secondary Store instances (reads under
// Store::ReadScope, CatchUp from another thread), the query engine, and the
// web server (requests on its thread pool, each catching up first). The
// CLI side (separate processes, two importers at once) is
// tests/concurrency_cli_test.py.
#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/text.h"
#include "importers/extract.h"
#include "importers/importer.h"
#include "query/engine.h"
#include "storage/store.h"
#include "tests/test_corpus.h"
#include "tests/test_util.h"
#include "web/server.h"

using namespace pg;
using pg::testing::ScratchDir;
using pg::testing::TheExtractor;

namespace {

constexpr int kPosts = 40;
constexpr int kRounds = 9;  // imports after the first: B, A, B, ... (odd: ends on B)

std::string Doc(int i) { return pg::testing::PostId(i).substr(5); }

// Everything one document wrote, across the column families, as a string:
// its record (docs), the post's properties (nodes), its reviews edges (out),
// the papers' reverse edges (in), their labs (out) and their titles (names),
// for the papers of both versions. Only facts that no other document
// states: equal strings mean the same version of the document.
// (Called from reader threads: no REQUIRE; a failed read makes the
// signature an error, which matches neither version.)
std::string Signature(const Store& s, int i) {
  std::string doc = Doc(i), post = pg::testing::PostId(i), out;
  auto failed = [](const Status& st) { return "read error: " + st.ToString(); };
  auto rec = s.GetDoc(doc);
  if (!rec.ok()) return failed(rec.status());
  out += "record " + (rec->has_value() ? (*rec)->hash : std::string("-")) + "\n";
  auto node = s.GetNode(post);
  if (!node.ok()) return failed(node.status());
  if (node->has_value())
    for (const PropertyFact& p : (*node)->props) out += "prop " + p.name + "=" + p.value + "\n";
  Status st = s.ForEachEdge(post, Direction::kOut, EdgeKind::kReviews, [&](const EdgeView& e) {
    out += "reviews " + e.dst + "\n";
    return true;
  });
  if (!st.ok()) return failed(st);
  for (char v : {'A', 'B'}) {
    for (const pg::testing::PaperFact& p : pg::testing::PostPapers(i, v)) {
      st = s.ForEachEdge(p.id, Direction::kIn, EdgeKind::kReviews, [&](const EdgeView& e) {
        out += "reviewed " + p.id + " by " + e.src + "\n";
        return true;
      });
      if (!st.ok()) return failed(st);
      auto aff = s.GetEdge(p.id, EdgeKind::kAffiliated, p.org);
      if (!aff.ok()) return failed(aff.status());
      if (aff->has_value()) out += "lab " + p.id + " " + p.org + "\n";
      std::vector<std::string> ids;
      st = s.LookupName(NormalizeName(p.title), &ids);
      if (!st.ok()) return failed(st);
      for (const std::string& id : ids) out += "name " + p.title + " " + id + "\n";
    }
  }
  return out;
}

using Labs = std::vector<std::pair<std::string, std::string>>;

// (paper, org) pairs the query engine answers for one post; empty with an
// error pair when the query fails.
Labs QueryLabs(QueryEngine& engine, int i) {
  QueryOptions options;
  Result<QueryResult> r = engine.Run("post:\"" + Doc(i) + "\" -reviews-> paper -affiliated-> org", options);
  if (!r.ok()) return {{"query error", r.status().ToString()}};
  Labs pairs;
  for (const auto& row : r->rows) {
    if (row.size() < 2) return {{"query error", "a row of " + std::to_string(row.size()) + " columns"}};
    pairs.emplace_back(row[row.size() - 2].text, row[row.size() - 1].text);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

struct TwoVersions {
  ScratchDir tmp;
  std::string a = tmp.Sub("a"), b = tmp.Sub("b"), db = tmp.Sub("db");
  TwoVersions() {
    pg::testing::WritePosts(a, pg::testing::GeneratePosts(kPosts, 'A'));
    pg::testing::WritePosts(b, pg::testing::GeneratePosts(kPosts, 'B'));
  }
  static ImportOptions From(const std::string& root) {
    ImportOptions o;
    o.paths = {root};
    o.root = root;
    return o;
  }
};

// Imports B, A, B, ... kRounds times with `writer`, then sets `done`.
void Alternate(Store* writer, const TwoVersions& v, std::atomic<bool>* done) {
  for (int r = 0; r < kRounds; ++r) {
    ImportReport report;
    Status s = Importer(writer, &TheExtractor()).Run(TwoVersions::From(r % 2 == 0 ? v.b : v.a), &report);
    CHECK_MESSAGE(s.ok(), s.ToString());
    CHECK(report.imported == kPosts);
  }
  *done = true;
}

// A writer that has imported version A of every post, and a reader beside it.
std::pair<std::unique_ptr<Store>, std::unique_ptr<Store>> ImportVersionA(const TwoVersions& v) {
  auto w = Store::Open(v.db, Store::Mode::kWrite, "test");
  REQUIRE(w.ok());
  std::unique_ptr<Store> writer = std::move(w).value();
  ImportReport first;
  REQUIRE(Importer(writer.get(), &TheExtractor()).Run(TwoVersions::From(v.a), &first).ok());
  auto r = Store::Open(v.db, Store::Mode::kRead);
  REQUIRE(r.ok());
  return {std::move(writer), std::move(r).value()};
}

}  // namespace

TEST_CASE("concurrency: secondary readers see each document wholly old or wholly new during imports") {
  TwoVersions v;
  auto [writer, reader] = ImportVersionA(v);
  std::vector<std::string> sig_a(kPosts);
  for (int i = 0; i < kPosts; ++i) sig_a[i] = Signature(*reader, i);

  // Observations: per document, every distinct signature seen.
  std::mutex mu;
  std::vector<std::set<std::string>> seen(kPosts);
  std::atomic<bool> done{false};
  std::atomic<int> passes{0}, mixed_passes{0}, check_failures{0}, query_mismatches{0};
  std::atomic<long> observations{0}, queries{0};
  std::vector<std::string> first_problem;
  QueryEngine engine(reader.get());

  auto read_loop = [&](int t) {
    while (!done) {
      // Thread 0 catches up while the others may be mid-pass: their scopes hold it off.
      if (t == 0 && !reader->CatchUp().ok()) ++check_failures;
      Store::ReadScope scope = reader->PinView();
      std::vector<std::string> sigs(kPosts);
      for (int i = 0; i < kPosts; ++i) sigs[i] = Signature(*reader, i);
      int as = 0;
      for (int i = 0; i < kPosts; ++i) as += sigs[i] == sig_a[i];
      if (as > 0 && as < kPosts) ++mixed_passes;  // the import was half way: proof the readers overlapped it
      std::vector<std::string> problems;
      if (Status st = reader->Check(&problems); !st.ok()) problems.push_back(st.ToString());
      if (!problems.empty()) {
        ++check_failures;
        std::lock_guard<std::mutex> lock(mu);
        if (first_problem.empty()) first_problem = problems;
      }
      for (int i = t; i < kPosts; i += 7) {  // the query engine, on a few posts per pass
        auto labs = QueryLabs(engine, i);
        ++queries;
        if (labs != pg::testing::PostAffiliations(i, 'A') && labs != pg::testing::PostAffiliations(i, 'B'))
          ++query_mismatches;
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        for (int i = 0; i < kPosts; ++i) seen[i].insert(std::move(sigs[i]));
      }
      observations += kPosts;
      ++passes;
    }
  };
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) readers.emplace_back(read_loop, t);
  Alternate(writer.get(), v, &done);
  for (std::thread& t : readers) t.join();

  REQUIRE(reader->CatchUp().ok());
  int bad = 0;
  for (int i = 0; i < kPosts; ++i) {
    std::string sig_b = Signature(*reader, i);
    CHECK(sig_b != sig_a[i]);
    for (const std::string& s : seen[i]) {
      if (s == sig_a[i] || s == sig_b) continue;
      if (++bad <= 3) FAIL_CHECK("post " << i << ": a mix of versions:\n" << s << "A:\n" << sig_a[i] << "B:\n" << sig_b);
    }
  }
  MESSAGE("secondary readers: " << passes.load() << " passes, " << observations.load()
                                << " document observations (" << mixed_passes.load() << " passes during an import), "
                                << queries.load() << " queries, " << kRounds << " imports of " << kPosts << " posts");
  CHECK(bad == 0);
  CHECK_MESSAGE(check_failures.load() == 0, (first_problem.empty() ? "" : first_problem.front()));
  CHECK(query_mismatches.load() == 0);
  CHECK(passes.load() > 0);
}

TEST_CASE("concurrency: the web server answers during imports with each document wholly old or new") {
  TwoVersions v;
  auto [writer, reader] = ImportVersionA(v);
  web::ServerOptions options;
  options.port = 0;
  options.api.catch_up_interval = std::chrono::milliseconds(0);  // every request catches up: the worst case
  web::WebServer server(reader.get(), options);
  Result<int> port = server.Bind();
  REQUIRE(port.ok());
  std::thread serving([&] { (void)server.Run(); });
  for (int i = 0; i < 2000 && !server.IsRunning(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  REQUIRE(server.IsRunning());

  std::atomic<bool> done{false};
  std::atomic<long> requests{0}, as{0}, bs{0}, mismatches{0}, errors{0};
  std::mutex mu;
  std::string first_mismatch;
  auto client = [&](int t) {
    httplib::Client cli("127.0.0.1", *port);
    cli.set_read_timeout(20, 0);
    for (int k = 0; !done || k < 5; ++k) {
      int i = (k * 7 + t * 13) % kPosts;
      std::string q = "post:\"" + Doc(i) + "\" -reviews-> paper -affiliated-> org";
      auto res = cli.Get("/api/query", httplib::Params{{"q", q}}, httplib::Headers{});
      ++requests;
      if (!res || res->status != 200) {
        ++errors;
        continue;
      }
      auto j = nlohmann::json::parse(res->body, nullptr, false);
      std::vector<std::pair<std::string, std::string>> labs;
      for (const auto& row : j["rows"])
        if (row.size() >= 2) labs.emplace_back(row[row.size() - 2]["id"], row[row.size() - 1]["id"]);
      std::sort(labs.begin(), labs.end());
      if (labs == pg::testing::PostAffiliations(i, 'A')) {
        ++as;
      } else if (labs == pg::testing::PostAffiliations(i, 'B')) {
        ++bs;
      } else {
        ++mismatches;
        std::lock_guard<std::mutex> lock(mu);
        if (first_mismatch.empty()) first_mismatch = "post " + std::to_string(i) + ": " + res->body;
      }
      if (k % 10 == 0) {
        auto stats = cli.Get("/api/stats");
        ++requests;
        if (!stats || stats->status != 200) ++errors;
      }
    }
  };
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) clients.emplace_back(client, t);
  Alternate(writer.get(), v, &done);
  for (std::thread& c : clients) c.join();
  server.Stop();
  serving.join();
  MESSAGE("web server: " << requests.load() << " requests during " << kRounds << " imports of " << kPosts
                         << " posts; " << as.load() << " answers in version A, " << bs.load() << " in B");
  CHECK_MESSAGE(mismatches.load() == 0, first_mismatch);
  CHECK(errors.load() == 0);
  CHECK(as.load() > 0);
  CHECK(bs.load() > 0);
}
