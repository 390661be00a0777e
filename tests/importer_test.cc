// The import pipeline on small posts written here: identity across posts,
// cross-links (pending, then resolved), incremental and order-independent
// imports, retraction, and bad input.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/bytes.h"
#include "importers/extract.h"
#include "importers/extracted_post.h"
#include "importers/importer.h"
#include "storage/store.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::ScratchDir;
using pg::testing::WriteFile;

namespace {

const char* kPostA =
    "# 2025-10-20 papers review\n"
    "\n"
    "## 1. [Looped Transformers Think in Depth](https://huggingface.co/papers/2510.90001) `bytedance`\n"
    "\n"
    "looped transformer 구조. 루프 트랜스포머는 계산량만 늘린다.\n"
    "\n"
    "## 2. [Loopholing the Denoiser](https://arxiv.org/pdf/2510.90003) `Nvidia`\n"
    "\n"
    "discrete diffusion 논문.\n";

const char* kPostB =
    "# 2025-10-22 papers review\n"
    "\n"
    "## 1. [Recurrent Depth at Scale](https://huggingface.co/papers/2510.90004) `shaomi`\n"
    "\n"
    "[이전 글](/docs/papers/y2025/oct/20251020#1-looped-transformers-think-in-depth-bytedance) 의 후속.\n";

const char* kDigest =
    "[2025/10/20 ~ 26] 이번 주에 살펴볼 만한 AI/ML 논문 모음\n"
    "\n"
    "깊이 반복 / Recurrent Depth at   Scale\n"
    "\n"
    "논문 소개\n"
    "\n"
    "반복 구조를 키운다.\n"
    "\n"
    "논문 초록(Abstract)\n"
    "\n"
    "반복 구조를 대규모로 학습합니다.\n"
    "\n"
    "We train recurrent depth models at scale.\n"
    "\n"
    "논문 링크\n";

std::unique_ptr<Extractor> LoadExtractor() {
  auto e = Extractor::Load(PAPERGRAPH_DATA_DIR, {});
  REQUIRE_MESSAGE(e.ok(), e.status().ToString());
  return std::move(e).value();
}

std::unique_ptr<Store> OpenDb(const std::string& dir) {
  auto s = Store::Open(dir, Store::Mode::kWrite, "test");
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  return std::move(s).value();
}

std::string Dump(const Store& s) {
  std::string d;
  REQUIRE(s.Dump(&d).ok());
  return d;
}

void Import(Store* store, const Extractor* ex, const std::string& doc, const std::string& text) {
  ImportReport r;
  REQUIRE(Importer(store, ex).ImportText(doc, text, &r).ok());
  REQUIRE_MESSAGE(r.errors.empty(), r.errors.front());
}

bool HasEdge(const Store& s, const std::string& src, EdgeKind kind, const std::string& dst) {
  auto e = s.GetEdge(src, kind, dst);
  REQUIRE(e.ok());
  return e->has_value();
}

}  // namespace

TEST_CASE("a cross-link stays pending until its target arrives, whatever the order") {
  ScratchDir tmp;
  auto ex = LoadExtractor();
  const std::string a = "docs/papers/y2025/oct/20251020.md", b = "docs/papers/y2025/oct/20251022.md";

  auto first = OpenDb(tmp.Sub("ab"));
  Import(first.get(), ex.get(), b, kPostB);  // the link's target is not there yet
  auto pending = first->GetNode("arxiv:2510.90004");
  REQUIRE(pending->has_value());
  CHECK((*pending)->Values("pending_link").size() == 1);
  Import(first.get(), ex.get(), a, kPostA);  // now it resolves
  CHECK(HasEdge(*first, "arxiv:2510.90004", EdgeKind::kLinksTo, "arxiv:2510.90001"));
  CHECK((*first->GetNode("arxiv:2510.90004"))->Values("pending_link").empty());
  // The anchor's trailing "bytedance" is evidence for the linked paper.
  CHECK(HasEdge(*first, "arxiv:2510.90001", EdgeKind::kMentions, "org:bytedance"));

  auto second = OpenDb(tmp.Sub("ba"));
  Import(second.get(), ex.get(), a, kPostA);
  Import(second.get(), ex.get(), b, kPostB);
  CHECK(Dump(*first) == Dump(*second));

  // Retracting the target makes the link pending again.
  ImportReport r;
  REQUIRE(Importer(first.get(), ex.get()).Retract(a, &r).ok());
  CHECK_FALSE(HasEdge(*first, "arxiv:2510.90004", EdgeKind::kLinksTo, "arxiv:2510.90001"));
  CHECK((*first->GetNode("arxiv:2510.90004"))->Values("pending_link").size() == 1);
  std::vector<std::string> problems;
  REQUIRE(first->Check(&problems).ok());
  CHECK(problems.empty());
}

TEST_CASE("the link summary counts a link that resolves later in the same run") {
  ScratchDir tmp;
  auto ex = LoadExtractor();
  std::string posts = tmp.Sub("posts");
  // Files are written in path order: the linking post (10-19) comes before
  // its target (10-20), so its link is pending when it is first written.
  std::string linking = kPostB;
  linking.replace(linking.find("2025-10-22"), 10, "2025-10-19");
  WriteFile(posts + "/docs/papers/y2025/oct/20251019.md", linking);
  WriteFile(posts + "/docs/papers/y2025/oct/20251020.md", kPostA);
  auto store = OpenDb(tmp.Sub("db"));
  ImportOptions o;
  o.paths = {posts};
  ImportReport r;
  REQUIRE(Importer(store.get(), ex.get()).Run(o, &r).ok());
  CHECK(HasEdge(*store, "arxiv:2510.90004", EdgeKind::kLinksTo, "arxiv:2510.90001"));
  CHECK(r.resolved_again == 1);
  CHECK(r.links_resolved == 1);
  CHECK(r.links_pending == 0);
  CHECK(r.links_external == 0);
}

TEST_CASE("--orgs: a lab named only in the user's alias file is found") {
  ScratchDir tmp;
  std::string orgs = tmp.Sub("my-orgs.tsv");
  WriteFile(orgs, "tomato-lab\tTomato Lab\ttmtlab\tTomato Lab\n");
  auto with = Extractor::Load(PAPERGRAPH_DATA_DIR, {}, {orgs});
  REQUIRE_MESSAGE(with.ok(), with.status().ToString());
  auto without = LoadExtractor();
  // A changed alias table re-extracts every file, as a changed lexicon does.
  CHECK((*with)->Fingerprint() != without->Fingerprint());

  const std::string post =
      "# 2025-10-20 papers review\n"
      "\n"
      "## 1. [Small Loops](https://arxiv.org/abs/2510.90005) `tmtlab`\n"
      "\n"
      "Tomato Lab 의 후속 연구.\n";
  auto store = OpenDb(tmp.Sub("db"));
  Import(store.get(), with->get(), "docs/papers/y2025/oct/20251020.md", post);
  CHECK(HasEdge(*store, "arxiv:2510.90005", EdgeKind::kAffiliated, "org:tomato-lab"));
  CHECK_FALSE(store->GetNode("org:tmtlab")->has_value());
  CHECK((*store->GetNode("org:tomato-lab"))->DisplayName() == "Tomato Lab");

  // Without the file the tag is a lab of its own slug.
  auto plain = OpenDb(tmp.Sub("plain"));
  Import(plain.get(), without.get(), "docs/papers/y2025/oct/20251020.md", post);
  CHECK(HasEdge(*plain, "arxiv:2510.90005", EdgeKind::kAffiliated, "org:tmtlab"));
  CHECK_FALSE(plain->GetNode("org:tomato-lab")->has_value());
}

TEST_CASE("a subtitle's provenance is its own ### line") {
  ScratchDir tmp;
  auto ex = LoadExtractor();
  auto store = OpenDb(tmp.Sub("db"));
  Import(store.get(), ex.get(), "docs/papers/y2025/oct/20251030.md",
         "# 2025-10-30 papers review\n"
         "\n"
         "## 1. [GraphNet](https://huggingface.co/papers/2510.24035) `paddle paddle`\n"
         "### A Large-Scale Computational Graph Dataset\n");
  auto paper = store->GetNode("arxiv:2510.24035");
  REQUIRE(paper->has_value());
  for (const PropertyFact& p : (*paper)->props) {
    if (p.name == "title") CHECK(p.where.line == 3);
    if (p.name == "subtitle") CHECK(p.where.line == 4);
  }
}

TEST_CASE("a stored post of layout 1 (before subtitle_line) still decodes") {
  ByteWriter w;
  w.Varint(1);  // layout
  w.String("docusaurus");
  w.String("2025-10-30 papers review");
  w.Int(1);
  w.String("2025-10-30");
  w.Varint(0);  // tags
  w.Varint(1);  // one paper: position, line, heading, anchor, title, subtitle, title_ko, arxiv id
  w.Int(1);
  w.Int(3);
  for (const char* field : {"1. GraphNet", "1-graphnet", "GraphNet", "A Dataset", "", "2510.24035"}) w.String(field);
  for (int list = 0; list < 4; ++list) w.Varint(0);  // urls, org tags, sections, links
  for (int list = 0; list < 3; ++list) w.Varint(0);  // heading anchors, warnings, extractions
  w.Bool(false);
  w.String("");
  Result<ExtractedPost> x = DecodeExtractedPost(w.Take());
  REQUIRE_MESSAGE(x.ok(), x.status().ToString());
  REQUIRE(x->post.papers.size() == 1);
  CHECK(x->post.papers[0].subtitle == "A Dataset");
  CHECK(x->post.papers[0].subtitle_line == 3);  // the entry's line, as layout 1 had it

  Result<ExtractedPost> again = DecodeExtractedPost(EncodeExtractedPost(*x));
  REQUIRE(again.ok());
  CHECK(again->post.papers[0].subtitle_line == 3);
}

TEST_CASE("a title-only digest entry is the arXiv paper with the same title, in any order") {
  ScratchDir tmp;
  auto ex = LoadExtractor();
  const std::string b = "docs/papers/y2025/oct/20251022.md", d = "digest/week43.txt";

  auto first = OpenDb(tmp.Sub("digest-first"));
  Import(first.get(), ex.get(), d, kDigest);
  CHECK(first->GetNode("title:recurrent depth at scale")->has_value());
  Import(first.get(), ex.get(), b, kPostB);
  CHECK_FALSE(first->GetNode("title:recurrent depth at scale")->has_value());
  CHECK(HasEdge(*first, "post:" + d, EdgeKind::kReviews, "arxiv:2510.90004"));
  auto paper = first->GetNode("arxiv:2510.90004");
  CHECK((*paper)->Values("title_ko") == std::vector<std::string>{"깊이 반복"});

  auto second = OpenDb(tmp.Sub("post-first"));
  Import(second.get(), ex.get(), b, kPostB);
  Import(second.get(), ex.get(), d, kDigest);
  CHECK(Dump(*first) == Dump(*second));
}

TEST_CASE("re-import: unchanged files are skipped, changed files replace their facts") {
  ScratchDir tmp;
  auto ex = LoadExtractor();
  std::string posts = tmp.Sub("posts");
  WriteFile(posts + "/docs/papers/y2025/oct/20251020.md", kPostA);
  WriteFile(posts + "/docs/papers/y2025/oct/20251022.md", kPostB);
  auto store = OpenDb(tmp.Sub("db"));
  ImportOptions o;
  o.paths = {posts};
  ImportReport r1;
  REQUIRE(Importer(store.get(), ex.get()).Run(o, &r1).ok());
  CHECK(r1.imported == 2);
  CHECK(r1.links_resolved == 1);
  std::string after_first = Dump(*store);

  ImportReport r2;
  REQUIRE(Importer(store.get(), ex.get()).Run(o, &r2).ok());
  CHECK(r2.unchanged == 2);
  CHECK(r2.imported == 0);
  CHECK(Dump(*store) == after_first);

  // Change post A: the Nvidia paper goes, the link target stays.
  std::string changed = kPostA;
  changed = changed.substr(0, changed.find("## 2."));
  WriteFile(posts + "/docs/papers/y2025/oct/20251020.md", changed);
  ImportReport r3;
  REQUIRE(Importer(store.get(), ex.get()).Run(o, &r3).ok());
  CHECK(r3.imported == 1);
  CHECK_FALSE(store->GetNode("arxiv:2510.90003")->has_value());
  CHECK(HasEdge(*store, "arxiv:2510.90004", EdgeKind::kLinksTo, "arxiv:2510.90001"));

  // The same final files imported fresh give the same database.
  auto fresh = OpenDb(tmp.Sub("fresh"));
  ImportReport r4;
  REQUIRE(Importer(fresh.get(), ex.get()).Run(o, &r4).ok());
  CHECK(Dump(*fresh) == Dump(*store));

  // --prune retracts a file that is gone.
  std::filesystem::remove(posts + "/docs/papers/y2025/oct/20251022.md");
  o.prune = true;
  ImportReport r5;
  REQUIRE(Importer(store.get(), ex.get()).Run(o, &r5).ok());
  CHECK(r5.pruned == 1);
  CHECK_FALSE(store->GetNode("arxiv:2510.90004")->has_value());
}

TEST_CASE("a source imported before under another root keeps its ids, in either order") {
  ScratchDir tmp;
  auto ex = LoadExtractor();
  std::string corpus = tmp.Sub("corpus");
  WriteFile(corpus + "/blog/docs/papers/y2025/oct/20251020.md", kPostA);
  WriteFile(corpus + "/other/20251022.md", kPostB);
  auto run = [&](Store* store, const std::string& path, bool prune = false) {
    ImportOptions o;
    o.paths = {path};
    o.prune = prune;
    ImportReport r;
    REQUIRE(Importer(store, ex.get()).Run(o, &r).ok());
    return r;
  };
  auto has_post = [](const Store& s, const std::string& id) { return s.GetNode("post:" + id)->has_value(); };

  // The blog first, then the whole corpus: the blog's post is not stored twice.
  auto store = OpenDb(tmp.Sub("db1"));
  CHECK(run(store.get(), corpus + "/blog").imported == 1);
  ImportReport r = run(store.get(), corpus);
  CHECK(r.imported == 1);
  CHECK(r.unchanged == 1);
  CHECK(r.stored_under_other_root == 1);
  CHECK(has_post(*store, "docs/papers/y2025/oct/20251020.md"));
  CHECK_FALSE(has_post(*store, "blog/docs/papers/y2025/oct/20251020.md"));
  CHECK(has_post(*store, "other/20251022.md"));

  // The corpus first, then the blog alone with --prune: the blog's post keeps
  // its id and stays; the other post is pruned.
  auto store2 = OpenDb(tmp.Sub("db2"));
  CHECK(run(store2.get(), corpus).imported == 2);
  r = run(store2.get(), corpus + "/blog", /*prune=*/true);
  CHECK(r.imported == 0);
  CHECK(r.stored_under_other_root == 1);
  CHECK(r.pruned == 1);
  CHECK(has_post(*store2, "blog/docs/papers/y2025/oct/20251020.md"));
  CHECK_FALSE(has_post(*store2, "other/20251022.md"));
}

TEST_CASE("bad files are reported with their name; the others import") {
  ScratchDir tmp;
  auto ex = LoadExtractor();
  std::string posts = tmp.Sub("posts");
  WriteFile(posts + "/good.md", kPostA);
  WriteFile(posts + "/empty.md", "");
  WriteFile(posts + "/nul.md", std::string("# title\n\nabc\0def\n", 18));
  WriteFile(posts + "/latin1.md", "# caf\xE9\n");
  std::filesystem::create_directories(posts + "/dir.md");
  std::filesystem::create_symlink("loop.md", posts + "/loop.md");
  auto store = OpenDb(tmp.Sub("db"));
  ImportOptions o;
  o.paths = {posts, tmp.Sub("missing")};
  ImportReport r;
  REQUIRE(Importer(store.get(), ex.get()).Run(o, &r).ok());
  CHECK(r.imported == 2);  // good.md, and empty.md as a post with no papers
  CHECK(r.failed == 4);
  CHECK(r.files == 6);  // the missing path is one of them, so the counts add up
  std::string all;
  for (const std::string& e : r.errors) all += e + "\n";
  CHECK(r.warnings == std::vector<std::string>{"empty.md: empty file; imported as a post with no papers"});
  CHECK_MESSAGE(all.find("nul.md:3") != std::string::npos, all);
  CHECK_MESSAGE(all.find("latin1.md:1") != std::string::npos, all);
  CHECK_MESSAGE(all.find("loop.md") != std::string::npos, all);
  CHECK_MESSAGE(all.find(tmp.Sub("missing") + ": no such file or directory") != std::string::npos, all);
  CHECK(store->GetNode("arxiv:2510.90001")->has_value());
  std::vector<std::string> problems;
  REQUIRE(store->Check(&problems).ok());
  CHECK(problems.empty());
}

TEST_CASE("the lexicon's topic facts name the TSV row they come from") {
  ScratchDir tmp;
  const std::string row = "looped-transformer\tlooped transformer\ttransformer-architecture\tloop transformers";
  WriteFile(tmp.Sub("data/topics.tsv"),
            "# topics\n\ntransformer-architecture\ttransformer architecture\n" + row + "\n");
  std::filesystem::copy_file(std::string(PAPERGRAPH_DATA_DIR) + "/orgs.tsv", tmp.Sub("data/orgs.tsv"));
  std::string mine = tmp.Sub("my.tsv");
  const std::string user_rows =
      "looped-transformer\tlooped transformer\t\tlooped LM\n"
      "r3\tRollout Routing Replay\tlooped-transformer\tR3\n";
  WriteFile(mine, "# mine\n" + user_rows);
  auto ex = Extractor::Load(tmp.Sub("data"), {mine});
  REQUIRE_MESSAGE(ex.ok(), ex.status().ToString());
  DocRecord rec = (*ex)->LexiconRecord();
  CHECK(rec.doc == "@lexicon");

  auto prop = [&](std::string_view id, std::string_view name, std::string_view value) -> Provenance {
    for (const NodeFacts& n : rec.facts.nodes)
      if (n.id == id)
        for (const PropertyFact& p : n.props)
          if (p.name == name && p.value == value) return p.where;
    FAIL("no " << name << " " << value << " on " << id);
    return {};
  };
  // The built-in file is named from the data directory's parent; a user file as given.
  const Provenance builtin{"data/topics.tsv", 4, MakeSnippet("data/topics.tsv:4: " + row)};
  CHECK(prop("topic:looped-transformer", "name", "looped transformer") == builtin);
  CHECK(prop("topic:looped-transformer", "parent", "transformer-architecture") == builtin);
  CHECK(prop("topic:looped-transformer", "alias", "loop transformers") == builtin);
  CHECK(prop("topic:looped-transformer", "alias", "looped LM") ==
        Provenance{mine, 2, MakeSnippet(mine + ":2: looped-transformer looped transformer looped LM")});
  CHECK(prop("topic:r3", "name", "Rollout Routing Replay") ==
        Provenance{mine, 3, MakeSnippet(mine + ":3: r3 Rollout Routing Replay looped-transformer R3")});
  int edges = 0;
  for (const EdgeFact& e : rec.facts.edges) {
    if (e.kind != EdgeKind::kSubtopicOf) continue;
    ++edges;
    if (e.src == "topic:looped-transformer") CHECK(e.where == builtin);
    if (e.src == "topic:r3") CHECK(e.where.file + ":" + std::to_string(e.where.line) == mine + ":3");
  }
  CHECK(edges == 2);

  // The same files give the same record. A moved row changes the record's hash
  // (its provenance is rewritten), not the fingerprint (posts are not re-matched).
  auto again = Extractor::Load(tmp.Sub("data"), {mine});
  REQUIRE(again.ok());
  CHECK((*again)->LexiconRecord() == rec);
  WriteFile(mine, "# mine\n\n" + user_rows);
  auto moved = Extractor::Load(tmp.Sub("data"), {mine});
  REQUIRE(moved.ok());
  CHECK((*moved)->Fingerprint() == (*ex)->Fingerprint());
  CHECK((*moved)->LexiconRecord().hash != rec.hash);
}
