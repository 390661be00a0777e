#include <doctest/doctest.h>

#include <filesystem>

#include "storage/adjacency_reader.h"
#include "storage/store.h"
#include "storage/write_txn.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::ScratchDir;

namespace {

DocRecord MakeDoc(const std::string& doc, const std::string& paper, const std::string& org) {
  DocRecord rec;
  rec.doc = doc;
  rec.hash = "h-" + doc;
  rec.format = "test";
  rec.parsed = "parsed form of " + doc;
  std::string post = "post:" + doc;
  rec.facts.nodes.push_back({post, {{"title", "Post " + doc, {doc, 1, "# Post"}}}});
  rec.facts.nodes.push_back({paper, {{"title", "Paper in " + doc, {doc, 3, "## 1. Paper"}}}});
  rec.facts.nodes.push_back({org, {}});
  rec.facts.edges.push_back({post, EdgeKind::kReviews, paper, 1, 1, {doc, 3, "## 1. Paper"}});
  rec.facts.edges.push_back({paper, EdgeKind::kAffiliated, org, 1, 0, {doc, 3, "`org`"}});
  rec.facts.names.push_back({"paper title", paper});
  rec.provides = {"title:paper title"};
  return rec;
}

std::unique_ptr<Store> OpenWrite(const std::string& dir) {
  Result<std::unique_ptr<Store>> s = Store::Open(dir, Store::Mode::kWrite, "test");
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  return std::move(s).value();
}

std::string DumpOf(const Store& store) {
  std::string d;
  REQUIRE(store.Dump(&d).ok());
  return d;
}

void PutDocs(Store* store, const std::vector<DocRecord>& docs) {
  for (const DocRecord& d : docs) {
    auto txn = store->BeginWrite();
    REQUIRE(txn->Put(d).ok());
    REQUIRE(txn->Commit().ok());
  }
}

}  // namespace

TEST_CASE("a document round-trips through the store") {
  ScratchDir tmp;
  auto store = OpenWrite(tmp.Sub("db"));
  DocRecord a = MakeDoc("a.md", "arxiv:2510.00001", "org:google");
  PutDocs(store.get(), {a});

  auto node = store->GetNode("arxiv:2510.00001");
  REQUIRE(node.ok());
  REQUIRE(node->has_value());
  CHECK((*node)->kind == NodeKind::kPaper);
  CHECK((*node)->Value("title") == "Paper in a.md");
  CHECK((*node)->props[0].where == Provenance{"a.md", 3, "## 1. Paper"});
  CHECK((*node)->DisplayName() == "Paper in a.md");

  auto rec = store->GetDoc("a.md");
  REQUIRE(rec.ok());
  REQUIRE(rec->has_value());
  // The record keeps the keys of its facts, not their values.
  CHECK((*rec)->hash == a.hash);
  CHECK((*rec)->parsed == a.parsed);
  CHECK((*rec)->provides == a.provides);
  REQUIRE((*rec)->facts.nodes.size() == 3);
  CHECK((*rec)->facts.nodes[0].id == "arxiv:2510.00001");
  CHECK((*rec)->facts.nodes[0].props.empty());
  CHECK((*rec)->facts.edges.size() == 2);
  CHECK((*rec)->facts.names == a.facts.names);

  int out = 0;
  REQUIRE(store->ForEachEdge("arxiv:2510.00001", Direction::kOut, std::nullopt, [&](const EdgeView& e) {
    CHECK(e.kind == EdgeKind::kAffiliated);
    CHECK(e.dst == "org:google");
    CHECK(e.evidence.size() == 1);
    ++out;
    return true;
  }).ok());
  CHECK(out == 1);
  int in = 0;
  REQUIRE(store->ForEachEdge("arxiv:2510.00001", Direction::kIn, EdgeKind::kReviews, [&](const EdgeView& e) {
    CHECK(e.src == "post:a.md");
    CHECK(e.position == 1);
    ++in;
    return true;
  }).ok());
  CHECK(in == 1);

  std::vector<std::string> ids;
  REQUIRE(store->LookupName("paper title", &ids).ok());
  CHECK(ids == std::vector<std::string>{"arxiv:2510.00001"});
  auto missing = store->GetNode("arxiv:9999.99999");
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());

  auto counts = store->Count();
  REQUIRE(counts.ok());
  CHECK(counts->nodes[static_cast<int>(NodeKind::kPaper)] == 1);
  CHECK(counts->nodes[static_cast<int>(NodeKind::kPost)] == 1);
  CHECK(counts->edges[static_cast<int>(EdgeKind::kReviews)] == 1);
  CHECK(counts->documents == 1);
  std::vector<std::string> problems;
  REQUIRE(store->Check(&problems).ok());
  CHECK(problems.empty());
}

TEST_CASE("an uncommitted or failed transaction leaves nothing") {
  ScratchDir tmp;
  auto store = OpenWrite(tmp.Sub("db"));
  std::string before = DumpOf(*store);
  {
    auto txn = store->BeginWrite();
    REQUIRE(txn->Put(MakeDoc("a.md", "arxiv:2510.00001", "org:google")).ok());
    // Reads inside the transaction see its own writes...
    auto rec = txn->GetDoc("a.md");
    REQUIRE(rec.ok());
    CHECK(rec->has_value());
    // ...and the transaction is dropped without Commit, as after a failure.
  }
  CHECK(DumpOf(*store) == before);
}

TEST_CASE("two documents supporting one edge: retracting one keeps the other's evidence") {
  ScratchDir tmp;
  auto store = OpenWrite(tmp.Sub("db"));
  PutDocs(store.get(), {MakeDoc("a.md", "arxiv:2510.00001", "org:google"),
                        MakeDoc("b.md", "arxiv:2510.00001", "org:google")});
  auto edge = store->GetEdge("arxiv:2510.00001", EdgeKind::kAffiliated, "org:google");
  REQUIRE(edge.ok());
  REQUIRE(edge->has_value());
  CHECK((*edge)->weight == 2);
  CHECK((*edge)->docs == std::vector<std::string>{"a.md", "b.md"});

  auto txn = store->BeginWrite();
  REQUIRE(txn->Retract("a.md").ok());
  REQUIRE(txn->Commit().ok());
  edge = store->GetEdge("arxiv:2510.00001", EdgeKind::kAffiliated, "org:google");
  REQUIRE(edge->has_value());
  CHECK((*edge)->weight == 1);
  CHECK((*edge)->evidence.size() == 1);
  CHECK((*edge)->evidence[0].file == "b.md");
  auto post_a = store->GetNode("post:a.md");
  CHECK_FALSE(post_a->has_value());
  std::vector<std::string> problems;
  REQUIRE(store->Check(&problems).ok());
  CHECK(problems.empty());
}

TEST_CASE("retract then add, and any order, give identical databases") {
  ScratchDir tmp;
  DocRecord a = MakeDoc("a.md", "arxiv:2510.00001", "org:google");
  DocRecord b = MakeDoc("b.md", "arxiv:2510.00001", "org:meta");
  DocRecord c = MakeDoc("c.md", "arxiv:2510.00002", "org:google");
  auto s1 = OpenWrite(tmp.Sub("one"));
  PutDocs(s1.get(), {a, b, c});
  auto s2 = OpenWrite(tmp.Sub("two"));
  PutDocs(s2.get(), {c, b, a});
  CHECK(DumpOf(*s1) == DumpOf(*s2));

  // Change b, then change it back: the database returns to the same bytes.
  DocRecord b2 = MakeDoc("b.md", "arxiv:2510.00003", "org:nvidia");
  PutDocs(s2.get(), {b2});
  CHECK(DumpOf(*s1) != DumpOf(*s2));
  auto txn = s2->BeginWrite();
  REQUIRE(txn->Retract("b.md").ok());
  REQUIRE(txn->Put(b).ok());
  REQUIRE(txn->Commit().ok());
  CHECK(DumpOf(*s1) == DumpOf(*s2));
}

TEST_CASE("reopen keeps the data; a reader sees the writer's commits after CatchUp") {
  ScratchDir tmp;
  std::string dir = tmp.Sub("db");
  {
    auto store = OpenWrite(dir);
    PutDocs(store.get(), {MakeDoc("a.md", "arxiv:2510.00001", "org:google")});
  }
  auto writer = OpenWrite(dir);
  auto node = writer->GetNode("arxiv:2510.00001");
  CHECK(node->has_value());

  auto reader = Store::Open(dir, Store::Mode::kRead);
  REQUIRE_MESSAGE(reader.ok(), reader.status().ToString());
  CHECK((*reader)->GetNode("arxiv:2510.00001")->has_value());
  PutDocs(writer.get(), {MakeDoc("b.md", "arxiv:2510.00002", "org:google")});
  REQUIRE((*reader)->CatchUp().ok());
  CHECK((*reader)->GetNode("arxiv:2510.00002")->has_value());
  auto txn = (*reader)->BeginWrite();
  CHECK(txn->Commit().IsInvalidArgument());
}

TEST_CASE("a second writer gets a clear error naming the holder") {
  ScratchDir tmp;
  std::string dir = tmp.Sub("db");
  auto first = OpenWrite(dir);
  auto second = Store::Open(dir, Store::Mode::kWrite, "second");
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().IsBusy());
  CHECK(second.status().message().find("in use by another writer") != std::string::npos);
  CHECK(second.status().message().find("pid ") != std::string::npos);
  CHECK(second.status().message().find("test") != std::string::npos);
}

TEST_CASE("schema version mismatch and foreign directories") {
  ScratchDir tmp;
  std::string dir = tmp.Sub("db");
  { auto store = OpenWrite(dir); }
  pg::testing::WriteFile(tmp.Sub("plain/notes.txt"), "hello");
  auto plain = Store::Open(tmp.Sub("plain"), Store::Mode::kWrite);
  REQUIRE_FALSE(plain.ok());
  CHECK(plain.status().message() == tmp.Sub("plain") + ": not a papergraph database (a non-empty directory without one)");

  auto missing = Store::Open(tmp.Sub("none"), Store::Mode::kRead);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().IsNotFound());

  auto nested = Store::Open(tmp.Sub("new/parents/db"), Store::Mode::kWrite);  // made like mkdir -p
  CHECK_MESSAGE(nested.ok(), nested.status().ToString());

  pg::testing::WriteFile(tmp.Sub("file"), "x");
  auto file = Store::Open(tmp.Sub("file"), Store::Mode::kWrite);
  REQUIRE_FALSE(file.ok());
  CHECK(file.status().message() == tmp.Sub("file") + ": not a directory, so not a papergraph database");
}

#include <rocksdb/db.h>

TEST_CASE("a database of another schema version is refused clearly") {
  ScratchDir tmp;
  std::string dir = tmp.Sub("db");
  { auto store = OpenWrite(dir); }
  {  // Rewrite the version as a future papergraph would.
    rocksdb::Options options;
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    for (int i = 0; i < kCfCount; ++i) cfs.emplace_back(CfName(static_cast<Cf>(i)), rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(options, dir, cfs, &handles, &db).ok());
    REQUIRE(db->Put(rocksdb::WriteOptions(), handles[static_cast<int>(Cf::kMeta)], "schema_version", "99").ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  auto store = Store::Open(dir, Store::Mode::kWrite);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().IsVersionMismatch());
  CHECK(store.status().message() == dir + ": the database has schema version 99, this papergraph reads version 2; "
                                          "re-import the posts into a new database");

  {  // A version 1 database: no labels family.
    rocksdb::Options options;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    for (int i = 0; i < kCfCount; ++i) cfs.emplace_back(CfName(static_cast<Cf>(i)), rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(options, dir, cfs, &handles, &db).ok());
    REQUIRE(db->DropColumnFamily(handles[static_cast<int>(Cf::kLabels)]).ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  for (Store::Mode mode : {Store::Mode::kWrite, Store::Mode::kRead}) {
    auto old = Store::Open(dir, mode);
    REQUIRE_FALSE(old.ok());
    CHECK(old.status().IsVersionMismatch());
    CHECK(old.status().message() == dir + ": the database has schema version 1, this papergraph reads version 2; "
                                          "re-import the posts into a new database");
  }
}

TEST_CASE("batched reads: display names in one pass, neighbours once per edge") {
  ScratchDir tmp;
  auto store = OpenWrite(tmp.Sub("db"));
  PutDocs(store.get(), {MakeDoc("a.md", "arxiv:2510.00001", "org:google"),
                        MakeDoc("b.md", "arxiv:2510.00001", "org:google"),
                        MakeDoc("c.md", "arxiv:2510.00002", "org:meta")});

  std::vector<std::pair<std::string, std::string>> names;
  std::vector<std::string_view> ids = {"arxiv:2510.00001", "arxiv:2510.00002", "arxiv:2510.00009", "post:c.md"};
  REQUIRE(store->GetDisplayNames(ids,
                                 [&](size_t i, std::string name) { names.emplace_back(ids[i], name); })
              .ok());
  // Absent nodes are skipped; a title stated by two documents is chosen by the usual rule.
  CHECK(names == std::vector<std::pair<std::string, std::string>>{{"arxiv:2510.00001", "Paper in a.md"},
                                                                  {"arxiv:2510.00002", "Paper in c.md"},
                                                                  {"post:c.md", "Post c.md"}});

  AdjacencyReader adjacency(store.get());
  std::vector<std::string> seen;
  auto collect = [&](std::string_view other, EdgeKind k) { seen.push_back(std::string(EdgeKindName(k)) + " " + std::string(other)); };
  // Two documents state the affiliated edge: it comes once.
  REQUIRE(adjacency.ForEachNeighbor("arxiv:2510.00001", Direction::kOut, std::nullopt, collect).ok());
  CHECK(seen == std::vector<std::string>{"affiliated org:google"});
  seen.clear();
  REQUIRE(adjacency.ForEachNeighbor("arxiv:2510.00001", Direction::kIn, EdgeKind::kReviews, collect).ok());
  CHECK(seen == std::vector<std::string>{"reviews post:a.md", "reviews post:b.md"});
  seen.clear();
  // The reused iterator seeks back as well as forward.
  REQUIRE(adjacency.ForEachNeighbor("arxiv:2510.00002", Direction::kOut, EdgeKind::kAffiliated, collect).ok());
  REQUIRE(adjacency.ForEachNeighbor("arxiv:2510.00001", Direction::kOut, EdgeKind::kReviews, collect).ok());
  CHECK(seen == std::vector<std::string>{"affiliated org:meta"});

  // Every lab's in-edges in one scan: each edge once, with the node it is at.
  std::vector<std::string> under;
  REQUIRE(adjacency
              .ForEachNeighborUnder("org:", Direction::kIn,
                                    [&](std::string_view id, std::string_view other, EdgeKind k) {
                                      under.push_back(std::string(id) + " " + std::string(EdgeKindName(k)) + " " +
                                                      std::string(other));
                                    })
              .ok());
  CHECK(under == std::vector<std::string>{"org:google affiliated arxiv:2510.00001",
                                          "org:meta affiliated arxiv:2510.00002"});
  // The estimate counts the memtables: something under "org:" in, nothing out.
  CHECK(adjacency.ApproximateBytesUnder("org:", Direction::kIn) > 0);
  CHECK(adjacency.ApproximateBytesUnder("org:", Direction::kOut) == 0);
}
