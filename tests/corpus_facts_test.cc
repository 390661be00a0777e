// Facts about the real posts in ../shared/corpus (skipped when it is absent),
// each checked by reading the post named in its comment. The importer runs
// once per process over tomatosaurus/, hahngt/ and seeds/ with the corpus
// directory as the root, so post ids are "post:tomatosaurus/docs/...",
// "post:hahngt/_posts/..." and "post:seeds/..."; site links (/docs/...)
// resolve by finding the docs/ folder in the linking file's path. A second
// import (one case below) adds the *-history folders.
//
// Entry counts are computed here by plain line scanning of the files, never
// through the importer's parsers. Facts the importer gets wrong are kept as
// they should be.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "importers/extract.h"
#include "importers/importer.h"
#include "storage/store.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::ScratchDir;
using pg::testing::SharedDir;

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// One import of the corpus for the whole process.

class Corpus {
 public:
  static Corpus& Get() {
    static Corpus corpus;
    return corpus;
  }
  bool ready() const { return store_ != nullptr; }
  const Store& store() const { return *store_; }
  const ImportReport& report() const { return report_; }
  const std::string& dir() const { return dir_; }  // .../shared/corpus

 private:
  Corpus() {
    std::string shared = SharedDir();
    if (shared.empty()) return;
    dir_ = shared + "/corpus";
    auto ex = Extractor::Load(PAPERGRAPH_DATA_DIR, {});
    REQUIRE_MESSAGE(ex.ok(), ex.status().ToString());
    extractor_ = std::move(ex).value();
    auto store = Store::Open(tmp_.Sub("db"), Store::Mode::kWrite, "corpus facts test");
    REQUIRE_MESSAGE(store.ok(), store.status().ToString());
    store_ = std::move(store).value();
    ImportOptions o;
    o.root = dir_;
    o.paths = {dir_ + "/tomatosaurus", dir_ + "/hahngt", dir_ + "/seeds"};
    Status s = Importer(store_.get(), extractor_.get()).Run(o, &report_);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
  }

  ScratchDir tmp_;
  std::string dir_;
  std::unique_ptr<Extractor> extractor_;
  std::unique_ptr<Store> store_;
  ImportReport report_;
};

#define SKIP_WITHOUT_CORPUS()                                              \
  if (!Corpus::Get().ready()) {                                            \
    MESSAGE("../shared/corpus not found: skipping real-corpus tests");     \
    return;                                                                \
  }

const Store& S() { return Corpus::Get().store(); }

// ---------------------------------------------------------------------------
// Graph helpers.

std::optional<NodeView> NodeIn(const Store& store, const std::string& id) {
  auto r = store.GetNode(id);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}
std::optional<NodeView> Node(const std::string& id) { return NodeIn(S(), id); }

std::optional<EdgeView> EdgeIn(const Store& store, const std::string& src, EdgeKind kind,
                               const std::string& dst) {
  auto r = store.GetEdge(src, kind, dst);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}
std::optional<EdgeView> Edge(const std::string& src, EdgeKind kind, const std::string& dst) {
  return EdgeIn(S(), src, kind, dst);
}
bool Has(const std::string& src, EdgeKind kind, const std::string& dst) {
  return Edge(src, kind, dst).has_value();
}

std::set<std::string> NeighboursIn(const Store& store, const std::string& id, Direction dir,
                                   EdgeKind kind) {
  std::set<std::string> out;
  Status s = store.ForEachEdge(id, dir, kind, [&](const EdgeView& e) {
    out.insert(dir == Direction::kOut ? e.dst : e.src);
    return true;
  });
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  return out;
}
std::set<std::string> Out(const std::string& id, EdgeKind kind) {
  return NeighboursIn(S(), id, Direction::kOut, kind);
}
std::set<std::string> In(const std::string& id, EdgeKind kind) {
  return NeighboursIn(S(), id, Direction::kIn, kind);
}

size_t ReviewCountIn(const Store& store, const std::string& post) {
  return NeighboursIn(store, post, Direction::kOut, EdgeKind::kReviews).size();
}

// The paper a post reviews at `position` (1-based order of entries), or "".
std::string PaperAt(const std::string& post, int position) {
  std::string found;
  Status s = S().ForEachEdge(post, Direction::kOut, EdgeKind::kReviews, [&](const EdgeView& e) {
    if (e.position == position) found = e.dst;
    return found.empty();
  });
  REQUIRE(s.ok());
  return found;
}

// The evidence of an edge at file:line, or nullptr.
const Provenance* EvidenceAt(const EdgeView& e, const std::string& file, int line) {
  for (const Provenance& p : e.evidence)
    if (p.file == file && p.line == line) return &p;
  return nullptr;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// True when `s` holds a Hangul syllable (U+AC00..U+D7A3) in UTF-8.
bool HasHangul(const std::string& s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    unsigned char a = s[i], b = s[i + 1], c = s[i + 2];
    if (a < 0xE0 || a > 0xEF || (b & 0xC0) != 0x80 || (c & 0xC0) != 0x80) continue;
    unsigned cp = ((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F);
    if (cp >= 0xAC00 && cp <= 0xD7A3) return true;
  }
  return false;
}

std::string StartOf(const std::string& s, size_t n) { return s.substr(0, std::min(n, s.size())); }

const std::string kT = "post:tomatosaurus/docs/papers/";  // tomatosaurus daily posts
const std::string kH = "post:hahngt/_posts/";
const std::string kDigest = "post:seeds/003_135f57eff4839651.txt";

// ---------------------------------------------------------------------------
// Plain line scanning, independent of the importer.

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool StartsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

// "# 12. [" — a Jekyll "Daily Papers" entry heading.
bool IsJekyllEntry(const std::string& line) {
  if (!StartsWith(line, "# ")) return false;
  size_t i = 2;
  while (i < line.size() && isdigit(static_cast<unsigned char>(line[i]))) ++i;
  return i > 2 && line.compare(i, 3, ". [") == 0;
}

// The arXiv id in a huggingface.co/papers/ID, arxiv.org/abs|pdf/ID link, or "".
std::string LinkedArxivId(const std::string& line) {
  for (const char* prefix : {"huggingface.co/papers/", "arxiv.org/abs/", "arxiv.org/pdf/"}) {
    size_t at = line.find(prefix);
    if (at == std::string::npos) continue;
    std::string id = line.substr(at + std::string(prefix).size(), 10);
    if (id.size() == 10 && id[4] == '.' &&
        std::all_of(id.begin(), id.end(), [](char c) { return isdigit(static_cast<unsigned char>(c)) || c == '.'; }))
      return id;
  }
  return "";
}

struct Expected {
  size_t entries = 0;               // paper entries as written (bullets counted one by one)
  size_t papers = 0;                // distinct papers among them (what reviews edges count)
  std::vector<std::string> arxiv;   // arXiv ids written in the entries' headings / bullets
};

// What a file should contribute, by its kind of post.
Expected ExpectedEntries(const std::string& rel, const std::string& path) {
  Expected x;
  std::vector<std::string> lines = ReadLines(path);
  auto count_h2 = [&] {
    for (const auto& l : lines)
      if (StartsWith(l, "## ")) {
        ++x.entries;
        std::string id = LinkedArxivId(l);
        if (!id.empty()) x.arxiv.push_back(id);
      }
    x.papers = x.entries;
  };
  auto count_jekyll = [&] {
    std::set<std::string> ids;
    for (const auto& l : lines)
      if (IsJekyllEntry(l)) {
        ++x.entries;
        std::string id = LinkedArxivId(l);
        if (!id.empty()) { x.arxiv.push_back(id); ids.insert(id); }
      }
    x.papers = ids.size();
  };
  if (StartsWith(rel, "tomatosaurus/docs/papers/bigtech/")) {
    // `## Company` headings hold no link and are not papers; each `- [Title](url)` bullet is.
    std::set<std::string> ids;
    for (const auto& l : lines) {
      if ((StartsWith(l, "## ") && l.find("](") != std::string::npos) || StartsWith(l, "- [")) {
        ++x.entries;
        std::string id = LinkedArxivId(l);
        if (!id.empty()) { x.arxiv.push_back(id); ids.insert(id); }
      }
    }
    x.papers = ids.size();  // the list repeats ids (author errors): one node each
  } else if (StartsWith(rel, "tomatosaurus/docs/papers/")) {
    count_h2();
  } else if (StartsWith(rel, "tomatosaurus/")) {
    // concept, model and task pages and the blog: not reviews
  } else if (StartsWith(rel, "hahngt/")) {
    count_jekyll();
  } else if (StartsWith(rel, "seeds/")) {
    if (!lines.empty() && lines[0].find("이번 주에 살펴볼 만한 AI/ML 논문 모음") != std::string::npos) {
      for (const auto& l : lines)
        if (l == "논문 소개") ++x.entries;  // one per digest paper
      x.papers = x.entries;
    } else if (!lines.empty() && lines[0] == "---") {
      count_jekyll();
    } else {
      count_h2();
    }
  }
  return x;
}

bool IsPostFile(const fs::path& p) {
  std::string e = p.extension().string();
  return e == ".md" || e == ".mdx" || e == ".markdown" || e == ".txt";
}

std::vector<std::string> CorpusFiles(const std::string& corpus, const std::vector<std::string>& dirs) {
  std::vector<std::string> rels;
  for (const auto& d : dirs)
    for (const auto& entry : fs::recursive_directory_iterator(corpus + "/" + d))
      if (entry.is_regular_file() && IsPostFile(entry.path()))
        rels.push_back(fs::relative(entry.path(), corpus).generic_string());
  std::sort(rels.begin(), rels.end());
  return rels;
}

const std::vector<std::string> kEmptyFiles = {
    "tomatosaurus/docs/concepts/math/calculus/Calculus.md",
    "tomatosaurus/docs/concepts/math/linearalgebra/Linear Algebra.md",
    "tomatosaurus/docs/concepts/math/statistics/Statistics.md",
    "tomatosaurus/docs/tasks/retrieval/intro.md",
};

}  // namespace

// ===========================================================================
// The whole import

TEST_CASE("corpus: importing tomatosaurus, hahngt and seeds reports no errors") {
  SKIP_WITHOUT_CORPUS();
  const ImportReport& r = Corpus::Get().report();
  std::vector<std::string> files = CorpusFiles(Corpus::Get().dir(), {"tomatosaurus", "hahngt", "seeds"});
  CHECK(r.files == files.size());  // 191 + 93 + 5
  CHECK(files.size() == 289);
  // The four concept/task pages below are 0-byte files: posts with no papers and a warning each.
  for (const auto& f : kEmptyFiles) CHECK(fs::file_size(Corpus::Get().dir() + "/" + f) == 0);
  for (const auto& e : r.errors) CHECK_MESSAGE(false, "unexpected import error: " << e);
  CHECK(r.failed == 0);
  CHECK(r.imported == r.files);
  for (const auto& f : kEmptyFiles)
    CHECK(std::count(r.warnings.begin(), r.warnings.end(), f + ": empty file; imported as a post with no papers") == 1);
  // Every file is a post.
  size_t missing = 0;
  for (const auto& f : files) {
    if (!Node("post:" + f)) {
      ++missing;
      MESSAGE("no post node for " << f);
    }
  }
  CHECK(missing == 0);
}

TEST_CASE("corpus: the importer sees every paper entry (counted by line scanning)") {
  SKIP_WITHOUT_CORPUS();
  size_t entries = 0, hahngt = 0, daily = 0, bigtech_bullets = 0, seeds = 0;
  for (const auto& rel : CorpusFiles(Corpus::Get().dir(), {"tomatosaurus", "hahngt", "seeds"})) {
    Expected x = ExpectedEntries(rel, Corpus::Get().dir() + "/" + rel);
    entries += x.entries;
    if (StartsWith(rel, "hahngt/")) hahngt += x.entries;
    else if (StartsWith(rel, "tomatosaurus/docs/papers/bigtech/")) bigtech_bullets += x.entries;
    else if (StartsWith(rel, "tomatosaurus/")) daily += x.entries;
    else seeds += x.entries;
  }
  CHECK(hahngt == 787);          // SOURCES.md: "787 paper entries in all"
  CHECK(daily == 216);           // `## ` lines of the 44 daily posts
  CHECK(bigtech_bullets == 53);  // bullets of bigtech/2025-10.md
  CHECK(seeds == 6 + 9 + 8 + 10 + 11);
  CHECK(Corpus::Get().report().papers == entries);
}

TEST_CASE("corpus: every paper entry becomes a node reviewed by its post") {
  SKIP_WITHOUT_CORPUS();
  size_t posts_with_papers = 0, checked_ids = 0;
  for (const auto& rel : CorpusFiles(Corpus::Get().dir(), {"tomatosaurus", "hahngt", "seeds"})) {
    Expected x = ExpectedEntries(rel, Corpus::Get().dir() + "/" + rel);
    const std::string post = "post:" + rel;
    CHECK_MESSAGE(ReviewCountIn(S(), post) == x.papers, rel);
    if (x.papers > 0) ++posts_with_papers;
    for (const auto& id : x.arxiv) {
      ++checked_ids;
      CHECK_MESSAGE(Has(post, EdgeKind::kReviews, "arxiv:" + id), rel << " should review arxiv:" << id);
    }
  }
  // 44 daily posts + the bigtech list + 91 hahngt posts + 5 seeds.
  CHECK(posts_with_papers == 44 + 1 + 91 + 5);
  CHECK(checked_ids > 900);
}

TEST_CASE("title-only entries do not merge into an arXiv id whose sources disagree on its title") {
  SKIP_WITHOUT_CORPUS();
  // bigtech/2025-10.md gives wrong ids (author errors): line 66 "Towards General
  // Agentic Intelligence..." and line 90 "AToken..." both with 2509.09658 (really
  // "Measuring Epistemic Humility", 20250918.md:7); line 112 "Emu3.5..." with
  // 2510.25992 (really "Supervised Reinforcement Learning", 20251031.md:23).
  // Matching the title-only headings 20250922.md:3, :19 and 20251031.md:4 by
  // title to those ids would make two different entries of one post one node.
  //   20250922.md: 3 entries (## 1. Towards General..., ## 2. Mind the Gap, ## 3. AToken)
  //   20251031.md: 5 entries (Emu3.5, Supervised RL, Can Agent Conquer Web?,
  //                Magentic Marketplace, CRAG-MM)
  CHECK(ReviewCountIn(S(), kT + "y2025/oct/20250922.md") == 3);
  CHECK(ReviewCountIn(S(), kT + "y2025/oct/20251031.md") == 5);
  // "## 3. AToken" must be a paper at position 3 of its own, not position 1's node.
  CHECK_FALSE(PaperAt(kT + "y2025/oct/20250922.md", 3).empty());
  CHECK(PaperAt(kT + "y2025/oct/20250922.md", 1) != PaperAt(kT + "y2025/oct/20250922.md", 3));
  CHECK(PaperAt(kT + "y2025/oct/20251031.md", 1) != "arxiv:2510.25992");
  // Emu3.5 has no arXiv link in 20251031.md; Supervised RL does.
  CHECK(Has(kT + "y2025/oct/20251031.md", EdgeKind::kReviews, "arxiv:2510.25992"));
}

// ===========================================================================
// tomatosaurus (Docusaurus "papers review")

TEST_CASE("tomatosaurus: GraphNet is affiliated with PaddlePaddle, with provenance") {
  SKIP_WITHOUT_CORPUS();
  // 20251030.md:5 `## 1. [GraphNet](https://huggingface.co/papers/2510.24035) \`paddle paddle\` `
  // 20251030.md:6 `### A Large-Scale Computational Graph Dataset for Tensor Compiler Research`
  auto g = Node("arxiv:2510.24035");
  REQUIRE(g);
  CHECK(g->DisplayName() == "GraphNet");
  CHECK(g->Values("subtitle") == std::vector<std::string>{"A Large-Scale Computational Graph Dataset for Tensor Compiler Research"});
  CHECK(Contains(g->Values("url"), "https://huggingface.co/papers/2510.24035"));
  auto e = Edge("arxiv:2510.24035", EdgeKind::kAffiliated, "org:paddlepaddle");
  REQUIRE(e);
  const Provenance* p = EvidenceAt(*e, "tomatosaurus/docs/papers/y2025/oct/20251030.md", 5);
  REQUIRE(p);
  CHECK(p->snippet.find("paddle paddle") != std::string::npos);
  CHECK(Out("arxiv:2510.24035", EdgeKind::kAffiliated) == std::set<std::string>{"org:paddlepaddle"});
  auto r = Edge(kT + "y2025/oct/20251030.md", EdgeKind::kReviews, "arxiv:2510.24035");
  REQUIRE(r);
  CHECK(r->position == 1);
  CHECK(EvidenceAt(*r, "tomatosaurus/docs/papers/y2025/oct/20251030.md", 5));
}

TEST_CASE("tomatosaurus: the link to #front-loading-reasoning-nvidia resolves to that paper") {
  SKIP_WITHOUT_CORPUS();
  // 20251030.md:30, under "## 3. [Scaling Latent Reasoning via Looped Language Models](.../2510.25741)":
  //   [Fron loading-nvidia](/docs/papers/y2025/oct/20251007.md#front-loading-reasoning-nvidia)
  // 20251007.md:55 `## Front-Loading Reasoning \`nvidia\`` (no link), :56 `### The Synergy between ...`
  const std::string target = PaperAt(kT + "y2025/oct/20251007.md", 5);
  REQUIRE(!target.empty());
  auto t = Node(target);
  REQUIRE(t);
  CHECK(t->DisplayName() == "Front-Loading Reasoning");
  CHECK(t->Values("subtitle") == std::vector<std::string>{"The Synergy between Pretraining and Post-Training Data"});
  CHECK(Has(target, EdgeKind::kAffiliated, "org:nvidia"));
  auto link = Edge("arxiv:2510.25741", EdgeKind::kLinksTo, target);
  REQUIRE(link);
  const Provenance* p = EvidenceAt(*link, "tomatosaurus/docs/papers/y2025/oct/20251030.md", 30);
  REQUIRE(p);
  CHECK(p->snippet.find("front-loading-reasoning-nvidia") != std::string::npos);
  // The anchor's "-nvidia" is (weaker) evidence naming the target's lab.
  auto m = Edge(target, EdgeKind::kMentions, "org:nvidia");
  REQUIRE(m);
  CHECK(EvidenceAt(*m, "tomatosaurus/docs/papers/y2025/oct/20251030.md", 30));
}

TEST_CASE("tomatosaurus: cross-links with and without .md resolve to the paper under the heading") {
  SKIP_WITHOUT_CORPUS();
  const std::string f27 = "tomatosaurus/docs/papers/y2025/oct/20251027.md";
  // 20251027.md:104 (under "## 4. [Soft Instruction De-escalation Defense](.../2510.21057)"):
  //   [논문](/docs/papers/y2025/oct/20251021#1-distractor-injection-attacks-on-large-reasoning-models-amazon)
  // -> 20251021.md:8 "## 1. [DISTRACTOR INJECTION ATTACKS ...](https://arxiv.org/pdf/2510.16259) `amazon`"
  auto l1 = Edge("arxiv:2510.21057", EdgeKind::kLinksTo, "arxiv:2510.16259");
  REQUIRE(l1);
  CHECK(EvidenceAt(*l1, f27, 104));
  auto am = Edge("arxiv:2510.16259", EdgeKind::kMentions, "org:amazon");
  REQUIRE(am);
  CHECK(EvidenceAt(*am, f27, 104));
  // 20251027.md:15 [beyond log likelihood](/docs/papers/y2025/oct/20251003.md#beyond-log-likelihood)
  // -> 20251003.md:21 "## BEYOND LOG LIKELIHOOD", whose id comes from the bare URL at :24.
  auto l2 = Edge("arxiv:2510.14901", EdgeKind::kLinksTo, "arxiv:2510.00526");
  REQUIRE(l2);
  CHECK(EvidenceAt(*l2, f27, 15));
  auto bll = Node("arxiv:2510.00526");
  REQUIRE(bll);
  CHECK(bll->DisplayName() == "BEYOND LOG LIKELIHOOD");
  CHECK(Contains(bll->Values("url"), "https://arxiv.org/pdf/2510.00526"));
  // 20251121.md:12 [Search self-play](/docs/papers/y2025/oct/20251027#2-search-self-play)
  // -> 20251027.md:73 "## 2. [Search Self-play](.../2510.18821)"; from Agent0 (2511.16043).
  CHECK(Has("arxiv:2511.16043", EdgeKind::kLinksTo, "arxiv:2510.18821"));
  // 20251106.md:28 [Latent Sketchpad](/docs/papers/y2025/oct/20251029.md#latent-sketchpad-...-microsoft)
  // -> 20251029.md:16, an unnumbered heading; the link sits under MIRA (2511.02779).
  CHECK(Has("arxiv:2511.02779", EdgeKind::kLinksTo, "arxiv:2510.24514"));
  // 20251113.md:122 -> 20251111.md#10-robot-learning-from-a-physical-world-model-deepmind,
  // under "## 7. [WMPO](.../2511.09515)".
  CHECK(Has("arxiv:2511.09515", EdgeKind::kLinksTo, "arxiv:2511.07416"));
  // 20251118.md:57 -> 20251021.md#14-language-models-model-language, under
  // "## 5. [Genomic Next-Token Predictors are In-Context Learners](.../2511.12797)".
  CHECK(Has("arxiv:2511.12797", EdgeKind::kLinksTo, "arxiv:2510.12766"));
  // 20251024.md:29 -> 20251007#judging-with-confidence-google (a heading without link),
  // under "## 2. [Every Question Has Its Own Value](.../2510.20187)".
  CHECK(Has("arxiv:2510.20187", EdgeKind::kLinksTo, PaperAt(kT + "y2025/oct/20251007.md", 2)));
  CHECK(Node(PaperAt(kT + "y2025/oct/20251007.md", 2))->DisplayName() == "Judging with Confidence");
}

TEST_CASE("tomatosaurus: links to a page without an anchor resolve to that post") {
  SKIP_WITHOUT_CORPUS();
  // 20251018_bigtech.md:8 [이 글](/docs/tasks/retrieval/lattice.md), under "## 1. [LLM-GUIDED
  // HIERARCHICAL RETRIEVAL](https://arxiv.org/pdf/2510.13217) `google`".
  auto e = Edge("arxiv:2510.13217", EdgeKind::kLinksTo, "post:tomatosaurus/docs/tasks/retrieval/lattice.md");
  REQUIRE(e);
  CHECK(EvidenceAt(*e, "tomatosaurus/docs/papers/y2025/oct/20251018_bigtech.md", 8));
  // 20251017.md:85 [이 글](/docs/papers/y2025/oct/20251007.md), under "## 3. HoneyBee: ...".
  const std::string honeybee = PaperAt(kT + "y2025/oct/20251017.md", 3);
  REQUIRE(!honeybee.empty());
  CHECK(Contains(Node(honeybee)->Values("title"), "HoneyBee: Data Recipes for Vision-Language Reasoners"));
  CHECK(Has(honeybee, EdgeKind::kLinksTo, kT + "y2025/oct/20251007.md"));
}

TEST_CASE("tomatosaurus: org tags go through the alias table") {
  SKIP_WITHOUT_CORPUS();
  // 20251027.md:51 "## [Stabilizing MoE ...](.../2510.11370) `shaomi`" (a typo for xiaomi)
  auto x = Edge("arxiv:2510.11370", EdgeKind::kAffiliated, "org:xiaomi");
  REQUIRE(x);
  CHECK(EvidenceAt(*x, "tomatosaurus/docs/papers/y2025/oct/20251027.md", 51));
  CHECK_FALSE(Node("org:shaomi"));
  // 20251027.md:93 `stability ai`; 20251127.md:55 `stability` (trailing space)
  CHECK(Has("arxiv:2510.21581", EdgeKind::kAffiliated, "org:stability-ai"));
  CHECK(Has("arxiv:2511.20426", EdgeKind::kAffiliated, "org:stability-ai"));
  // 20251017.md:8 "## 1. UniFusion: ... `Adobe`" (capital A) -> org:adobe
  auto ad = Edge(PaperAt(kT + "y2025/oct/20251017.md", 1), EdgeKind::kAffiliated, "org:adobe");
  REQUIRE(ad);
  CHECK(EvidenceAt(*ad, "tomatosaurus/docs/papers/y2025/oct/20251017.md", 8));
  // 20251021.md:93 `huggingface` -> org:hugging-face; :174 `naver`
  CHECK(Has("arxiv:2510.17269", EdgeKind::kAffiliated, "org:hugging-face"));
  CHECK(Has("arxiv:2510.16333", EdgeKind::kAffiliated, "org:naver"));
  // 20251029.md:16 unnumbered "## [Latent Sketchpad: ...](.../2510.24514) `microsoft`   "
  CHECK(Has("arxiv:2510.24514", EdgeKind::kAffiliated, "org:microsoft"));
  // 20251208.md:6 "## 1. [Native Parallel Reasoner](.../2512.07461)" has no tag.
  CHECK(Out("arxiv:2512.07461", EdgeKind::kAffiliated).empty());
  CHECK(Node("arxiv:2512.07461")->Values("subtitle") ==
        std::vector<std::string>{"Reasoning in Parallelism via Self-Distilled Reinforcement Learning"});
}

TEST_CASE("tomatosaurus: empty org tags are ignored") {
  SKIP_WITHOUT_CORPUS();
  // SOURCES.md mentions empty tags (``); none occur in this snapshot (grep finds
  // no `` outside code fences in tomatosaurus/), so check the graph-wide rule:
  // every affiliation points at a named org ("org:" alone is not even a valid id).
  CHECK_FALSE(S().GetNode("org:").ok());
  size_t affiliations = 0, bad = 0;
  Status s = S().ForEachEdgeAll([&](const EdgeView& e) {
    if (e.kind != EdgeKind::kAffiliated) return true;
    ++affiliations;
    if (!StartsWith(e.dst, "org:") || e.dst.size() <= 4) ++bad;
    return true;
  });
  REQUIRE(s.ok());
  CHECK(affiliations > 100);
  CHECK(bad == 0);
}

TEST_CASE("tomatosaurus: tags on the ### subtitle line") {
  SKIP_WITHOUT_CORPUS();
  // 20251004.md:5 "## Self-Forcing++", :6 "### Towards Minute-Scale High-Quality Video Generation `bytedance`"
  const std::string sf = PaperAt(kT + "y2025/oct/20251004.md", 1);
  REQUIRE(!sf.empty());
  CHECK(Node(sf)->DisplayName() == "Self-Forcing++");
  CHECK(Node(sf)->Values("subtitle") == std::vector<std::string>{"Towards Minute-Scale High-Quality Video Generation"});
  auto e = Edge(sf, EdgeKind::kAffiliated, "org:bytedance");
  REQUIRE(e);
  CHECK(EvidenceAt(*e, "tomatosaurus/docs/papers/y2025/oct/20251004.md", 6) != nullptr);
  // 20251005.md:5-6 "## Winning the Pruning Gamble" / "### A Unified Approach ... Fine-Tuning  `alibaba`"
  const std::string wp = PaperAt(kT + "y2025/oct/20251005.md", 1);
  CHECK(Node(wp)->DisplayName() == "Winning the Pruning Gamble");
  CHECK(Node(wp)->Values("subtitle") ==
        std::vector<std::string>{"A Unified Approach to Joint Sample and Token Pruning for Efficient Supervised Fine-Tuning"});
  CHECK(Has(wp, EdgeKind::kAffiliated, "org:alibaba"));
}

TEST_CASE("tomatosaurus: heading forms without number, link or space") {
  SKIP_WITHOUT_CORPUS();
  // 20250918.md:15 "## 2.Lost in Embeddings: Information Loss in Vision–Language Models"
  auto lost = Node("title:lost in embeddings information loss in vision language models");
  REQUIRE(lost);
  CHECK(lost->DisplayName() == "Lost in Embeddings: Information Loss in Vision–Language Models");
  // 20251027.md:58 "##  1. [Video-As-Prompt](.../2510.20888) `bytedance`  " (double space, repeated number)
  auto vap = Node("arxiv:2510.20888");
  REQUIRE(vap);
  CHECK(vap->DisplayName() == "Video-As-Prompt");
  CHECK(Contains(vap->Values("subtitle"), "Unified Semantic Control for Video Generation"));
  CHECK(Has("arxiv:2510.20888", EdgeKind::kAffiliated, "org:bytedance"));
  // 20251027 numbers its headings 1, 1, 3, 2, (none), 1, 2, 3, 4: positions follow the order.
  CHECK(PaperAt(kT + "y2025/oct/20251027.md", 5) == "arxiv:2510.11370");
  CHECK(PaperAt(kT + "y2025/oct/20251027.md", 6) == "arxiv:2510.20888");
  // 20251106.md:7 "## 0. [Don't Blind Your VLA](.../2510.25616)" is the first entry.
  CHECK(PaperAt(kT + "y2025/nov/20251106.md", 1) == "arxiv:2510.25616");
  // 20251120.md:34 "## 3.   What Does It Take to Be a Good AI Research Agent? ... `meta`" (no link)
  const std::string wd = "title:what does it take to be a good ai research agent studying the role of ideation diversity";
  CHECK(Has(kT + "y2025/nov/20251120.md", EdgeKind::kReviews, wd));
  CHECK(Has(wd, EdgeKind::kAffiliated, "org:meta"));
  // 20251121.md:47 "## 3. [MiMo-Embodied] `xiaomi`" (brackets but no URL)
  CHECK(Node("title:mimo embodied")->DisplayName() == "MiMo-Embodied");
  CHECK(Has("title:mimo embodied", EdgeKind::kAffiliated, "org:xiaomi"));
  // 20251125.md:5 "## General Agentic Memory Via Deep Research" and :17 an unnumbered linked heading
  CHECK(Out(kT + "y2025/nov/20251125.md", EdgeKind::kReviews) ==
        std::set<std::string>{"arxiv:2511.17006", "arxiv:2511.19314", "title:general agentic memory via deep research"});
  CHECK(Has("arxiv:2511.17006", EdgeKind::kAffiliated, "org:google"));
}

TEST_CASE("tomatosaurus: a link to a model page does not make an arXiv id") {
  SKIP_WITHOUT_CORPUS();
  // 20251018.md:10 "## 1. [PaddleOCR-VL](https://huggingface.co/PaddlePaddle/PaddleOCR-VL)"
  // :30 "## 2. Qwen3Guard Technical Report", :42 "## 3. LLM models don't know what they know.",
  // :58 "## 4. [LEARNING AN IMAGE EDITING ...](https://arxiv.org/pdf/2510.14978)"
  CHECK(Out(kT + "y2025/oct/20251018.md", EdgeKind::kReviews) ==
        std::set<std::string>{"title:paddleocr vl", "title:qwen3guard technical report",
                              "title:llm models dont know what they know", "arxiv:2510.14978"});
  auto p = Node("title:paddleocr vl");
  REQUIRE(p);
  CHECK(p->Values("arxiv").empty());
  CHECK(Contains(p->Values("url"), "https://huggingface.co/PaddlePaddle/PaddleOCR-VL"));
  CHECK(p->Values("subtitle") ==
        std::vector<std::string>{"Boosting Multilingual Document Parsing via a 0.9B Ultra-Compact Vision-Language Model"});
  // 20260111.md:33 "## 2. [Entropy-Adaptive Fine-Tuning](https://ymxyll.github.io/EAFT/)"
  auto eaft = Node("title:entropy adaptive fine tuning");
  REQUIRE(eaft);
  CHECK(eaft->Values("arxiv").empty());
  CHECK(Contains(eaft->Values("url"), "https://ymxyll.github.io/EAFT/"));
}

TEST_CASE("tomatosaurus: 2026 posts name labs on **기관:** lines") {
  SKIP_WITHOUT_CORPUS();
  const std::string f9 = "tomatosaurus/docs/papers/y2026/mar/20260309.md";
  // 20260309.md:3 "## 1. Penguin-VL: ...", :5 "**기관:** Tencent | [논문 링크](https://huggingface.co/papers/2603.06569)"
  CHECK(PaperAt(kT + "y2026/mar/20260309.md", 1) == "arxiv:2603.06569");
  auto t = Edge("arxiv:2603.06569", EdgeKind::kAffiliated, "org:tencent");
  REQUIRE(t);
  CHECK(EvidenceAt(*t, f9, 5));
  // :19 "**기관:** OpenMOSS" — a lab not in the alias table becomes its own org.
  CHECK(Has("arxiv:2603.04918", EdgeKind::kAffiliated, "org:openmoss"));
  // :33 "**기관:** 미확인" (unknown) — no lab.
  CHECK(Out("arxiv:2603.05438", EdgeKind::kAffiliated).empty());
  CHECK(Has("arxiv:2603.05706", EdgeKind::kAffiliated, "org:openai"));
  CHECK(Has("arxiv:2603.06351", EdgeKind::kAffiliated, "org:amd"));
  // 20260311.md: 6 papers among 24 `###` section headings; :121 "**기관:** Meta Research",
  // :55 "**기관:** Google | **추천수:** 34 | **논문:** [HuggingFace](...2603.09906)"
  CHECK(Out(kT + "y2026/mar/20260311.md", EdgeKind::kReviews).size() == 6);
  CHECK(Has("arxiv:2603.09951", EdgeKind::kAffiliated, "org:meta"));
  CHECK(Has("arxiv:2603.09906", EdgeKind::kAffiliated, "org:google"));
}

TEST_CASE("tomatosaurus: the bigtech list: companies are labs, bullets are papers") {
  SKIP_WITHOUT_CORPUS();
  const std::string bt = "post:tomatosaurus/docs/papers/bigtech/2025-10.md";
  // 53 bullets with 45 distinct huggingface ids (the author repeated 8 ids).
  CHECK(Out(bt, EdgeKind::kReviews).size() == 45);
  CHECK_FALSE(Node("title:microsoft"));
  CHECK_FALSE(Node("title:nvidia"));
  // :5 "## Microsoft", :9 "- [BitNet Distillation](https://huggingface.co/papers/2510.13998) (10-18)"
  auto b = Edge("arxiv:2510.13998", EdgeKind::kAffiliated, "org:microsoft");
  REQUIRE(b);
  CHECK(EvidenceAt(*b, "tomatosaurus/docs/papers/bigtech/2025-10.md", 5));
  // :62 "## ByteDance", :67 "- [Self-Forcing++: ...](https://huggingface.co/papers/2510.17437)",
  // an id no other post uses.
  auto sf = Edge("arxiv:2510.17437", EdgeKind::kAffiliated, "org:bytedance");
  REQUIRE(sf);
  CHECK(sf->docs == std::vector<std::string>{"tomatosaurus/docs/papers/bigtech/2025-10.md"});
  // :80 "## Adobe", :86 PI-FLOW (2510.14974); :121 "## Salesforce", :122 Enterprise Deep Research
  CHECK(Has("arxiv:2510.14974", EdgeKind::kAffiliated, "org:adobe"));
  CHECK(Has("arxiv:2510.17797", EdgeKind::kAffiliated, "org:salesforce"));
  // 2510.18212 is "A Definition of AGI" in 20251027.md:6 (and seed 001), but the list
  // gives it two other titles (:14 SWIREASONING..., :27 Front-Loading Reasoning...).
  auto agi = Node("arxiv:2510.18212");
  REQUIRE(agi);
  std::vector<std::string> titles = agi->Values("title");
  CHECK(Contains(titles, "A Definition of AGI"));
  CHECK(Contains(titles, "SWIREASONING: SWITCH-THINKING IN LATENT AND EXPLICIT FOR PARETO-SUPERIOR REASONING LLMS"));
  CHECK(agi->DisplayName() == "A Definition of AGI");
}

TEST_CASE("tomatosaurus: a title-only heading is the arXiv paper of the same title in hahngt") {
  SKIP_WITHOUT_CORPUS();
  // 20251017.md:28 "## 2. SAIL-Embedding Technical Report: Omni-modal Embedding Foundation Model `bytedance` "
  // hahngt 2025-10-15:142 "# 7. [SAIL-Embedding Technical Report: ...](https://arxiv.org/abs/2510.12709)"
  CHECK(PaperAt(kT + "y2025/oct/20251017.md", 2) == "arxiv:2510.12709");
  CHECK(In("arxiv:2510.12709", EdgeKind::kReviews) ==
        std::set<std::string>{kT + "y2025/oct/20251017.md", kH + "2025-10-15-daily-papers-20251015.md"});
  CHECK(Has("arxiv:2510.12709", EdgeKind::kAffiliated, "org:bytedance"));
}

TEST_CASE("tomatosaurus: post dates come from the file name when the heading disagrees") {
  SKIP_WITHOUT_CORPUS();
  // 20251003.md:4 "# 10-23 Papers Summary" (its history version says "# 10-03 논문");
  // 20260111.md:3 "# 2026-01-01 papers review" (copied from 20260101.md).
  CHECK(Node(kT + "y2025/oct/20251003.md")->Value("date") == "2025-10-03");
  CHECK(Node(kT + "y2026/jan/20260111.md")->Value("date") == "2026-01-11");
  CHECK(Node(kT + "y2025/oct/20251030.md")->Value("date") == "2025-10-30");
  CHECK(Node(kT + "y2025/oct/20251030.md")->Value("title") == "2025-10-30 papers review");
}

TEST_CASE("tomatosaurus: pages that are not reviews import as posts without papers") {
  SKIP_WITHOUT_CORPUS();
  // blog/2023-11-09.md "# tmux 수동 설치"; docs/concepts/largemodel/prompt/rag.md
  for (const char* p : {"post:tomatosaurus/blog/2023-11-09.md", "post:tomatosaurus/docs/concepts/largemodel/prompt/rag.md",
                        "post:tomatosaurus/docs/tasks/retrieval/lattice.md"}) {
    CHECK_MESSAGE(Node(p), p);
    CHECK_MESSAGE(Out(p, EdgeKind::kReviews).empty(), p);
  }
}

// ===========================================================================
// Topics and labs in the text

TEST_CASE("topics: Loopholing is not a looped transformer") {
  SKIP_WITHOUT_CORPUS();
  // hahngt 2025-10-24:33 "# 2. [Loopholing Discrete Diffusion: ...](https://arxiv.org/abs/2510.19304)";
  // its text says 루프홀링 and 이산 확산 모델에서 (:38), never a loop transformer.
  auto l = Node("arxiv:2510.19304");
  REQUIRE(l);
  CHECK(l->DisplayName() == "Loopholing Discrete Diffusion: Deterministic Bypass of the Sampling Wall");
  CHECK_FALSE(Has("arxiv:2510.19304", EdgeKind::kMentions, "topic:looped-transformer"));
  auto d = Edge("arxiv:2510.19304", EdgeKind::kMentions, "topic:discrete-diffusion");
  REQUIRE(d);
  const Provenance* p = EvidenceAt(*d, "hahngt/_posts/2025-10-24-daily-papers-20251024.md", 38);
  REQUIRE(p);
  CHECK(p->snippet.find("이산 확산 모델에서") != std::string::npos);
  // The only papers that mention loop transformers (grep "loop" / "루프 트랜스포머" /
  // "universal transformer" in the posts): 20251030's Looped LMs and Parallel Loop
  // Transformer, and hahngt 2025-12-18's Universal Reasoning Model.
  CHECK(In("topic:looped-transformer", EdgeKind::kMentions) ==
        std::set<std::string>{"arxiv:2510.24824", "arxiv:2510.25741", "arxiv:2512.14693"});
  CHECK(Has("topic:looped-transformer", EdgeKind::kSubtopicOf, "topic:transformer-architecture"));
}

TEST_CASE("topics: AdaSPEC mentions speculative decoding through Korean text") {
  SKIP_WITHOUT_CORPUS();
  // hahngt 2025-10-24:16 "... 토큰 승인율 최대화라는 추측적 디코딩의 실제 목표와 ..." (particle 의 glued on)
  auto e = Edge("arxiv:2510.19779", EdgeKind::kMentions, "topic:speculative-decoding");
  REQUIRE(e);
  const Provenance* p = EvidenceAt(*e, "hahngt/_posts/2025-10-24-daily-papers-20251024.md", 16);
  REQUIRE(p);
  CHECK(HasHangul(p->snippet));
  CHECK(p->snippet.find("추측적 디코딩의") != std::string::npos);
  // :31 "... 추측적 디코딩에서 ..." as well.
  CHECK(EvidenceAt(*e, "hahngt/_posts/2025-10-24-daily-papers-20251024.md", 31));
}

TEST_CASE("topics: Korean nouns with particles glued on") {
  SKIP_WITHOUT_CORPUS();
  // 20251015.md:16 "## QeRL: Beyond Efficiency"; :21 "본 논문은 양자화가 단순한 ..."
  const std::string qerl = PaperAt(kT + "y2025/oct/20251015.md", 2);
  REQUIRE(!qerl.empty());
  auto q = Edge(qerl, EdgeKind::kMentions, "topic:quantization");
  REQUIRE(q);
  const Provenance* p = EvidenceAt(*q, "tomatosaurus/docs/papers/y2025/oct/20251015.md", 21);
  REQUIRE(p);
  CHECK(p->snippet.find("양자화가") != std::string::npos);
  // :23 "양자화 과정을 RLHF 루프에 통합하여" — a loop, not a looped transformer.
  CHECK_FALSE(Has(qerl, EdgeKind::kMentions, "topic:looped-transformer"));
  // 20260311.md:41 "하나의 확산 모델이 세 모달리티의 ..." under "## 2. Omni-Diffusion: ..." (2603.06577)
  auto d = Edge("arxiv:2603.06577", EdgeKind::kMentions, "topic:diffusion-model");
  REQUIRE(d);
  CHECK(EvidenceAt(*d, "tomatosaurus/docs/papers/y2026/mar/20260311.md", 41));
  // digest 003:61 "양자화 인지 학습을 위한 확장 법칙 / Scaling Law for Quantization-Aware Training"
  CHECK(Has("title:scaling law for quantization aware training", EdgeKind::kMentions, "topic:quantization-aware-training"));
}

TEST_CASE("topics: false friends are not matched") {
  SKIP_WITHOUT_CORPUS();
  // 20251007.md:6 "## THE DRAGON HATCHLING": RAG inside DRAGON is not retrieval-augmented generation.
  const std::string dragon = PaperAt(kT + "y2025/oct/20251007.md", 1);
  CHECK(Node(dragon)->DisplayName() == "THE DRAGON HATCHLING");
  CHECK_FALSE(Has(dragon, EdgeKind::kMentions, "topic:retrieval-augmented-generation"));
  // hahngt 2025-09-01-Arxiv:188 "잘못된 정보 확산을 유발" (spreading misinformation) is not diffusion.
  CHECK_FALSE(Has("arxiv:2508.21675", EdgeKind::kMentions, "topic:diffusion-model"));
}

TEST_CASE("labs: names in the text are mentions, kept apart from tags") {
  SKIP_WITHOUT_CORPUS();
  // 20251007.md:50 "## Hybrid Architectures for Language Models `meta`"; :53 "카이스트와 메타가 써서 ..."
  const std::string hy = PaperAt(kT + "y2025/oct/20251007.md", 4);
  CHECK(Node(hy)->DisplayName() == "Hybrid Architectures for Language Models");
  auto k = Edge(hy, EdgeKind::kMentions, "org:kaist");
  REQUIRE(k);
  CHECK(EvidenceAt(*k, "tomatosaurus/docs/papers/y2025/oct/20251007.md", 53));
  CHECK_FALSE(Has(hy, EdgeKind::kAffiliated, "org:kaist"));
  CHECK(Has(hy, EdgeKind::kMentions, "org:meta"));
  CHECK(Has(hy, EdgeKind::kAffiliated, "org:meta"));
  // hahngt 2025-09-12:321 "... OpenAI의 o3와 구글 Gemini 2.5 Pro를 능가하며 ..." (mmBERT, 2509.06888)
  auto g = Edge("arxiv:2509.06888", EdgeKind::kMentions, "org:google");
  REQUIRE(g);
  CHECK(EvidenceAt(*g, "hahngt/_posts/2025-09-12-daily-papers-20250912.md", 321));
  CHECK(Has("arxiv:2509.06888", EdgeKind::kMentions, "org:openai"));
  CHECK(Out("arxiv:2509.06888", EdgeKind::kAffiliated).empty());  // Jekyll posts have no tags
}

TEST_CASE("labs: false friends are not labs") {
  SKIP_WITHOUT_CORPUS();
  // hahngt 2025-09-29:24 LongLive "단일 NVIDIA H100 GPU에서" — hardware, not the lab.
  CHECK_FALSE(Has("arxiv:2509.22622", EdgeKind::kMentions, "org:nvidia"));
  // hahngt 2025-12-01:176 Nemotron-Flash "메타 토큰" (meta tokens) — not Meta.
  CHECK_FALSE(Has("arxiv:2511.18890", EdgeKind::kMentions, "org:meta"));
  // hahngt 2025-12-15:71 MeshSplatting "3D 애플리케이션을" (applications) — not Apple.
  CHECK_FALSE(Has("arxiv:2512.06818", EdgeKind::kMentions, "org:apple"));
}

// ===========================================================================
// hahngt (Jekyll "Daily Papers")

TEST_CASE("hahngt: arXiv ids, collapsed titles, Goal/Motivation/Contribution, Alphaxiv") {
  SKIP_WITHOUT_CORPUS();
  const std::string f = "hahngt/_posts/2025-10-24-daily-papers-20251024.md";
  // :10 "# 1. [AdaSPEC: Selective Knowledge Distillation for Efficient Speculative   Decoders](https://arxiv.org/abs/2510.19779)"
  auto a = Node("arxiv:2510.19779");
  REQUIRE(a);
  CHECK(a->DisplayName() == "AdaSPEC: Selective Knowledge Distillation for Efficient Speculative Decoders");
  CHECK(Contains(a->Values("url"), "https://arxiv.org/abs/2510.19779"));
  CHECK(Contains(a->Values("url"), "https://www.alphaxiv.org/ko/overview/2510.19779"));  // :12
  // :15-17 "- Goal: 본 연구의 목적은 ...", "- Motivation: 기존의 지식 증류는 ...", "- Contribution: AdaSPEC은 ..."
  auto sec = [&](const char* name, int line, const char* start) {
    bool found = false;
    for (const auto& p : a->props)
      if (p.name == name && p.where.file == f && p.where.line == line) {
        found = true;
        CHECK_MESSAGE(StartsWith(p.value, start), name << " = " << StartOf(p.value, 80));
      }
    CHECK_MESSAGE(found, name << " at line " << line);
  };
  sec("section:goal", 15, "본 연구의 목적은 효율적인 추론을 위해");
  sec("section:motivation", 16, "기존의 지식 증류는");
  sec("section:contribution", 17, "AdaSPEC은 참조 모델을");
  sec("section:method", 19, "AdaSPEC은 (1) 참조 모델을");
  sec("section:limitations", 27, "본 연구는 간단한 손실 기반");
  CHECK(Contains(a->Values("date"), "2025-10-24"));
  auto r = Edge(kH + "2025-10-24-daily-papers-20251024.md", EdgeKind::kReviews, "arxiv:2510.19779");
  REQUIRE(r);
  CHECK(r->position == 1);
  CHECK(EvidenceAt(*r, f, 10));
}

TEST_CASE("hahngt: arXiv 2510.18245 is one node reviewed under both URL forms") {
  SKIP_WITHOUT_CORPUS();
  // 20251027.md:34 "## 3. [SCALING LAWS MEET MODEL ARCHITECTURE](https://huggingface.co/papers/2510.18245) `amazon`"
  // hahngt 2025-10-24:163 "# 8. [Scaling Laws Meet Model Architecture: ...](https://arxiv.org/abs/2510.18245)"
  // also bigtech/2025-10.md:48 and :68, seed 001:15 and seed 004 (= hahngt 2025-10-24).
  CHECK(In("arxiv:2510.18245", EdgeKind::kReviews) ==
        std::set<std::string>{kT + "y2025/oct/20251027.md", kT + "bigtech/2025-10.md",
                              kH + "2025-10-24-daily-papers-20251024.md", "post:seeds/001_0e6e98b671394273.txt",
                              "post:seeds/004_0cdf18d804467430.txt"});
  CHECK_FALSE(Node("title:scaling laws meet model architecture"));
  auto n = Node("arxiv:2510.18245");
  CHECK(Contains(n->Values("url"), "https://huggingface.co/papers/2510.18245"));
  CHECK(Contains(n->Values("url"), "https://arxiv.org/abs/2510.18245"));
  CHECK(Has("arxiv:2510.18245", EdgeKind::kAffiliated, "org:amazon"));
  // Parallel Loop Transformer: 20251030.md:41 (huggingface) and hahngt 2025-10-30:73 (arxiv abs).
  CHECK(In("arxiv:2510.24824", EdgeKind::kReviews).count(kT + "y2025/oct/20251030.md"));
  CHECK(In("arxiv:2510.24824", EdgeKind::kReviews).count(kH + "2025-10-30-daily-papers-20251030.md"));
}

TEST_CASE("hahngt: a paper repeated on several days is one node with a reviews edge per day") {
  SKIP_WITHOUT_CORPUS();
  // "# 11. [Durian: Dual Reference-guided Portrait Animation with Attribute Transfer](https://arxiv.org/abs/2509.04434)"
  // at 2025-09-05:259, 2025-09-06:263 and 2025-09-07:261.
  CHECK(In("arxiv:2509.04434", EdgeKind::kReviews) ==
        std::set<std::string>{kH + "2025-09-05-daily-papers-20250905.md", kH + "2025-09-06-daily-papers-20250906.md",
                              kH + "2025-09-07-daily-papers-20250907.md"});
  auto e = Edge(kH + "2025-09-06-daily-papers-20250906.md", EdgeKind::kReviews, "arxiv:2509.04434");
  REQUIRE(e);
  CHECK(EvidenceAt(*e, "hahngt/_posts/2025-09-06-daily-papers-20250906.md", 263));
  // 2025-09-01-Arxiv:9 "# 1. [DriveQA: ...](http://arxiv.org/abs/2508.21824v1)" — version dropped from the id.
  CHECK(In("arxiv:2508.21824", EdgeKind::kReviews) ==
        std::set<std::string>{kH + "2025-09-01-Arxiv.md", kH + "2025-09-02-Arxiv.md"});
  CHECK(Contains(Node("arxiv:2508.21824")->Values("url"), "http://arxiv.org/abs/2508.21824v1"));
  CHECK_FALSE(Node("arxiv:2508.21824v1"));
}

TEST_CASE("hahngt: early posts with broken YAML still import; the empty post has no papers") {
  SKIP_WITHOUT_CORPUS();
  // 2025-08-29:3 `title: Daily Papers — 2025-08-29"` (no opening quote); 10 entries.
  const std::string p = kH + "2025-08-29-daily-papers-20250829.md";
  auto n = Node(p);
  REQUIRE(n);
  CHECK(n->Value("title") == "Daily Papers — 2025-08-29");
  CHECK(n->Value("date") == "2025-08-29");
  CHECK(Out(p, EdgeKind::kReviews).size() == 10);
  CHECK(PaperAt(p, 1) == "arxiv:2508.20751");  // :9 Pref-GRPO
  // 2025-12-26: front matter only.
  auto empty = Node(kH + "2025-12-26-daily-papers-20251226.md");
  REQUIRE(empty);
  CHECK(empty->Value("title") == "Daily Papers — 2025-12-26");
  CHECK(Out(kH + "2025-12-26-daily-papers-20251226.md", EdgeKind::kReviews).empty());
  // 2025-07-01-test.md: "title: test", body "뭐요".
  CHECK(Node(kH + "2025-07-01-test.md")->Value("title") == "test");
  CHECK(Out(kH + "2025-07-01-test.md", EdgeKind::kReviews).empty());
  // 2025-09-23-Arxiv:5 "tags: [arxiv, multimodal, diffusion, generative AI, vision]"
  std::vector<std::string> tags = Node(kH + "2025-09-23-Arxiv.md")->Values("tag");
  CHECK(tags == std::vector<std::string>{"arxiv", "multimodal", "diffusion", "generative AI", "vision"});
}

// ===========================================================================
// seeds: the digest (003) and the older versions of posts

TEST_CASE("digest: ten title-only papers; the introduction makes none") {
  SKIP_WITHOUT_CORPUS();
  auto doc = S().GetDoc("seeds/003_135f57eff4839651.txt");
  REQUIRE(doc.ok());
  REQUIRE(doc->has_value());
  CHECK((*doc)->format == "digest");
  auto post = Node(kDigest);
  REQUIRE(post);
  CHECK(post->Value("title") == "[2025/06/16 ~ 22] 이번 주에 살펴볼 만한 AI/ML 논문 모음");
  CHECK(post->Value("date") == "2025-06-16");
  // Title lines: 14, 31, 46, 61, 76, 91, 106, 121, 136, 151; the introduction is lines 1-11.
  std::set<int> lines;
  Status s = S().ForEachEdge(kDigest, Direction::kOut, EdgeKind::kReviews, [&](const EdgeView& e) {
    CHECK_MESSAGE(StartsWith(e.dst, "title:"), e.dst);
    for (const auto& p : e.evidence) lines.insert(p.line);
    return true;
  });
  REQUIRE(s.ok());
  CHECK(lines == std::set<int>{14, 31, 46, 61, 76, 91, 106, 121, 136, 151});
}

TEST_CASE("digest: Korean titles and both abstracts") {
  SKIP_WITHOUT_CORPUS();
  const std::string f = "seeds/003_135f57eff4839651.txt";
  // :14 "Text-to-LoRA: 즉시 트랜스포머 적응 기술 / Text-to-LoRA: Instant Transformer Adaption"
  auto t = Node("title:text to lora instant transformer adaption");
  REQUIRE(t);
  CHECK(t->DisplayName() == "Text-to-LoRA: Instant Transformer Adaption");
  CHECK(t->Values("title_ko") == std::vector<std::string>{"Text-to-LoRA: 즉시 트랜스포머 적응 기술"});
  bool ko = false, en = false;
  for (const auto& p : t->props) {
    if (p.name == "section:abstract_ko" && p.where.file == f && p.where.line == 20)
      ko = StartsWith(p.value, "파운데이션 모델은 빠른 콘텐츠 생성에");
    if (p.name == "section:abstract_en" && p.where.file == f && p.where.line == 24)
      en = StartsWith(p.value, "While Foundation Models provide a general tool");
  }
  CHECK(ko);
  CHECK(en);
  // :76 "대규모 언어 모델(LLM)의 효율적 추론 서비스 서베이 / Taming the Titans: A Survey of Efficient LLM Inference Serving"
  auto titans = Node("title:taming the titans a survey of efficient llm inference serving");
  REQUIRE(titans);
  CHECK(titans->Values("title_ko") == std::vector<std::string>{"대규모 언어 모델(LLM)의 효율적 추론 서비스 서베이"});
  CHECK(Has(kDigest, EdgeKind::kReviews, "title:reasoning by superposition a theoretical perspective on chain of continuous thought"));
}

TEST_CASE("seeds: older drafts and copies review the same papers as the posts they match") {
  SKIP_WITHOUT_CORPUS();
  auto format = [](const char* doc) {
    auto d = S().GetDoc(doc);
    REQUIRE(d.ok());
    REQUIRE(d->has_value());
    return (*d)->format;
  };
  // 000 = an older 20251030.md (only line 1 differs), 001 = an older draft of 20251027.md.
  CHECK(format("seeds/000_e4b73c0768bb6ad1.txt") == "docusaurus");
  CHECK(Out("post:seeds/000_e4b73c0768bb6ad1.txt", EdgeKind::kReviews) ==
        Out(kT + "y2025/oct/20251030.md", EdgeKind::kReviews));
  CHECK(Out("post:seeds/001_0e6e98b671394273.txt", EdgeKind::kReviews) ==
        Out(kT + "y2025/oct/20251027.md", EdgeKind::kReviews));
  CHECK(Has("arxiv:2510.24035", EdgeKind::kAffiliated, "org:paddlepaddle"));
  CHECK(Edge("arxiv:2510.24035", EdgeKind::kAffiliated, "org:paddlepaddle")->docs.size() == 2);
  // 002 and 004 are byte-identical to hahngt 2025-10-08 and 2025-10-24.
  CHECK(format("seeds/002_757ac137fe7764bc.txt") == "jekyll");
  CHECK(Out("post:seeds/002_757ac137fe7764bc.txt", EdgeKind::kReviews) ==
        Out(kH + "2025-10-08-daily-papers-20251008.md", EdgeKind::kReviews));
  CHECK(Out("post:seeds/004_0cdf18d804467430.txt", EdgeKind::kReviews) ==
        Out(kH + "2025-10-24-daily-papers-20251024.md", EdgeKind::kReviews));
  CHECK(Out("post:seeds/004_0cdf18d804467430.txt", EdgeKind::kReviews).size() == 11);
}

// ===========================================================================
// With the *-history folders

TEST_CASE("history: old and new versions of a post review the same papers") {
  SKIP_WITHOUT_CORPUS();
  ScratchDir tmp;
  auto ex = Extractor::Load(PAPERGRAPH_DATA_DIR, {});
  REQUIRE(ex.ok());
  auto opened = Store::Open(tmp.Sub("db"), Store::Mode::kWrite, "corpus facts test (history)");
  REQUIRE(opened.ok());
  std::unique_ptr<Store> store = std::move(opened).value();
  ImportOptions o;
  o.paths = {Corpus::Get().dir()};  // the whole corpus/, history included; root = corpus/
  ImportReport r;
  REQUIRE(Importer(store.get(), ex->get()).Run(o, &r).ok());
  CHECK(r.files == 320);
  for (const auto& e : r.errors) CHECK_MESSAGE(false, "unexpected import error: " << e);
  const Store& st = *store;
  auto reviewers = [&](const std::string& id) { return NeighboursIn(st, id, Direction::kIn, EdgeKind::kReviews); };
  // tomatosaurus-history/docs-papers-y2025-20251022__6f87a67d.md:6 and the current
  // docs/papers/y2025/oct/20251022.md:6 both open with "## 1. [MoGA](.../2510.18692) `bytedance`".
  std::set<std::string> moga = reviewers("arxiv:2510.18692");
  CHECK(moga.count("post:tomatosaurus-history/docs-papers-y2025-20251022__6f87a67d.md"));
  CHECK(moga.count("post:tomatosaurus/docs/papers/y2025/oct/20251022.md"));
  CHECK(NeighboursIn(st, "post:tomatosaurus-history/docs-papers-y2025-20251022__6f87a67d.md", Direction::kOut,
                     EdgeKind::kReviews) ==
        NeighboursIn(st, "post:tomatosaurus/docs/papers/y2025/oct/20251022.md", Direction::kOut, EdgeKind::kReviews));
  // hahngt-history/2025-08-29-daily-papers__c93bd8ad.md:8 "### 1. [Pref-GRPO: ... for Stable" with the
  // title broken across lines inside the link text (:10 "Text-to-Image Reinforcement Learning](...2508.20751)").
  std::set<std::string> pref = reviewers("arxiv:2508.20751");
  CHECK(pref.count("post:hahngt-history/2025-08-29-daily-papers__c93bd8ad.md"));
  CHECK(pref.count("post:hahngt/_posts/2025-08-29-daily-papers-20250829.md"));
  auto pg = NodeIn(st, "arxiv:2508.20751");
  REQUIRE(pg);
  CHECK(pg->Values("title") ==
        std::vector<std::string>{"Pref-GRPO: Pairwise Preference Reward-based GRPO for Stable Text-to-Image Reinforcement Learning"});
  // tomatosaurus-history/blog-2025-10-03__48b55176.mdx ("# 10-03 논문", an .mdx file) is the
  // old 20251003.md: the same four papers.
  CHECK(NeighboursIn(st, "post:tomatosaurus-history/blog-2025-10-03__48b55176.mdx", Direction::kOut, EdgeKind::kReviews) ==
        NeighboursIn(st, "post:tomatosaurus/docs/papers/y2025/oct/20251003.md", Direction::kOut, EdgeKind::kReviews));
  // The history posts add reviews edges, not papers, to GraphNet's lab.
  CHECK(EdgeIn(st, "arxiv:2510.24035", EdgeKind::kAffiliated, "org:paddlepaddle").has_value());
}
