// The topic lexicon: the TSV format and its errors, merging a user's
// --lexicon file, look-up by any spelling, the fingerprint, and the real
// data/topics.tsv.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <string>

#include "importers/lexicon.h"
#include "tests/test_util.h"

using namespace pg;
using pg::testing::ScratchDir;
using pg::testing::WriteFile;

namespace {

// The source tree's data/, not $PAPERGRAPH_DATA_DIR: the tests check the
// files in the repository.
std::string DataDir() {
#ifdef PAPERGRAPH_DATA_DIR
  return PAPERGRAPH_DATA_DIR;
#else
  return DefaultDataDir();
#endif
}

const char* kBase =
    "# a comment\n"
    "\n"
    "transformer-architecture\ttransformer architecture\t\ttransformer | transformers | 트랜스포머\n"
    "looped-transformer\tlooped transformer\ttransformer-architecture\tlooped transformers | 루프 트랜스포머\n"
    "inference-acceleration\tinference acceleration\t\n"
    "speculative-decoding\tspeculative decoding\tinference-acceleration\tspeculative sampling | 추측적 디코딩\n";

Lexicon Base() {
  Result<Lexicon> lex = Lexicon::FromTsv(kBase, "topics.tsv");
  REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
  return std::move(lex).value();
}

std::string ErrorOf(std::string_view text) {
  Result<Lexicon> lex = Lexicon::FromTsv(text, "t.tsv");
  REQUIRE_FALSE(lex.ok());
  return lex.status().message();
}

}  // namespace

TEST_CASE("lexicon: rows, comments and look-up") {
  Lexicon lex = Base();
  REQUIRE(lex.size() == 4);
  CHECK(lex.topics()[0].id == "transformer-architecture");  // file order
  const Topic* t = lex.Find("looped-transformer");
  REQUIRE(t);
  CHECK(t->name == "looped transformer");
  CHECK(t->parent == "transformer-architecture");
  CHECK(t->aliases == std::vector<std::string>{"looped transformers", "루프 트랜스포머"});
  CHECK_FALSE(t->discovered);
  CHECK(lex.Find("Looped-Transformer") == nullptr);  // ids are exact
  CHECK(lex.WhereDefined("looped-transformer") == "topics.tsv:4");
  CHECK(lex.Validate().ok());
}

TEST_CASE("lexicon: FindByAlias normalizes case, dashes, plurals and Korean") {
  Lexicon lex = Base();
  auto id = [&](std::string_view s) {
    const Topic* t = lex.FindByAlias(s);
    return t ? t->id : std::string("(none)");
  };
  CHECK(id("Looped-Transformer") == "looped-transformer");
  CHECK(id("LOOPED TRANSFORMERS") == "looped-transformer");
  CHECK(id("looped-transformer") == "looped-transformer");  // the id itself
  CHECK(id("루프 트랜스포머") == "looped-transformer");
  CHECK(id("speculative decodings") == "speculative-decoding");  // plural not listed
  CHECK(id("추측적 디코딩") == "speculative-decoding");
  CHECK(id("Speculative  Sampling") == "speculative-decoding");
  CHECK(id("loopholing") == "(none)");
  CHECK(id("") == "(none)");
  CHECK(id("---") == "(none)");
}

TEST_CASE("lexicon: CRLF, trailing tabs, exact-case marker") {
  Result<Lexicon> lex = Lexicon::FromTsv(
      "react-agent\tReAct agent\t\t=ReAct | reason and act\r\n"
      "x\tX thing\t\t\t\r\n",
      "t.tsv");
  REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
  CHECK(lex->Find("react-agent")->aliases == std::vector<std::string>{"=ReAct", "reason and act"});
  CHECK(lex->FindByAlias("react")->id == "react-agent");  // look-up ignores case
  CHECK(lex->Find("x")->aliases.empty());
}

TEST_CASE("lexicon: row errors name file and line") {
  CHECK(ErrorOf("# c\nKV Cache\tKV cache\n") ==
        "t.tsv:2: canonical id 'KV Cache' is not a slug (a-z, 0-9 and single '-'); did you mean 'kv-cache'?");
  CHECK(ErrorOf("a\n") == "t.tsv:1: expected 'canonical_id<TAB>display name<TAB>parent<TAB>aliases'");
  CHECK(ErrorOf("a\tA\t\tx\ty\n") == "t.tsv:1: 5 tab-separated columns, expected at most 4");
  CHECK(ErrorOf("a\tA\n\nb\tB\n# c\na\tA again\n") == "t.tsv:5: topic 'a' is already defined at t.tsv:1");
  CHECK(ErrorOf("a\tA\t\tRAG\nb\tB\t\trag | x\n") ==
        "t.tsv:2: 'rag' of topic 'b' is already a spelling of topic 'a' (t.tsv:1)");
  CHECK(ErrorOf("a\tA\t\t-- | x\n") == "t.tsv:1: alias '--' of 'a' has no letters or digits");
  CHECK(ErrorOf("a\tA\ta\n") == "t.tsv:1: topic 'a' is its own parent");
  CHECK(ErrorOf("a\tA\nb\tB\t\t\xff\xfe\n") == "t.tsv:2: invalid UTF-8");
  CHECK(ErrorOf(std::string("a\tA\nb\tB\t\tx\0y\n", 13)) == "t.tsv:2: NUL byte in a text file");
}

TEST_CASE("lexicon: parents are checked by Validate, not by FromTsv") {
  Result<Lexicon> lex = Lexicon::FromTsv("a\tA\tnot-there\n", "user.tsv");
  REQUIRE(lex.ok());  // a --lexicon file may hang topics under the base file's
  Status s = lex->Validate();
  CHECK(s.message() == "user.tsv:1: unknown parent 'not-there' of topic 'a'");
  Result<Lexicon> cyc = Lexicon::FromTsv("a\tA\tb\nb\tB\tc\nc\tC\ta\n", "c.tsv");
  REQUIRE(cyc.ok());
  CHECK(cyc->Validate().message() == "c.tsv:1: topic 'a' is its own ancestor (parent cycle)");
}

TEST_CASE("lexicon: merging a user lexicon") {
  Lexicon lex = Base();
  std::string before = lex.Fingerprint();
  Result<Lexicon> user = Lexicon::FromTsv(
      "# my topics\n"
      "rollout-routing-replay\tRollout Routing Replay\tinference-acceleration\tR3\n"
      "speculative-decoding\tspeculative decoding\t\tspec decoding | 투기적 디코딩\n",
      "my.tsv");
  REQUIRE(user.ok());
  Status s = lex.Merge(*user);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(lex.size() == 5);
  CHECK(lex.topics().back().id == "rollout-routing-replay");
  CHECK(lex.FindByAlias("r3")->id == "rollout-routing-replay");
  const Topic* sd = lex.Find("speculative-decoding");
  CHECK(sd->parent == "inference-acceleration");  // an empty parent keeps the old one
  CHECK(sd->aliases ==
        std::vector<std::string>{"speculative sampling", "추측적 디코딩", "spec decoding", "투기적 디코딩"});
  CHECK(lex.WhereDefined("rollout-routing-replay") == "my.tsv:2");
  CHECK(lex.Fingerprint() != before);
}

TEST_CASE("lexicon: merge errors name the user's file and line and change nothing") {
  Lexicon lex = Base();
  std::string before = lex.Fingerprint();
  auto merge_error = [&](std::string_view text) {
    Result<Lexicon> user = Lexicon::FromTsv(text, "my.tsv");
    REQUIRE_MESSAGE(user.ok(), user.status().ToString());
    Status s = lex.Merge(*user);
    REQUIRE_FALSE(s.ok());
    CHECK(lex.Fingerprint() == before);
    CHECK(lex.size() == 4);
    return s.message();
  };
  CHECK(merge_error("ok\tOK\n\nx\tX\tno-such-topic\n") == "my.tsv:3: unknown parent 'no-such-topic' of topic 'x'");
  CHECK(merge_error("x\tX\tinference-accelaration\n") ==
        "my.tsv:1: unknown parent 'inference-accelaration' of topic 'x'; did you mean 'inference-acceleration'?");
  CHECK(merge_error("x\tX\ttransformers\n") ==
        "my.tsv:1: unknown parent 'transformers' of topic 'x'; did you mean 'transformer-architecture'?");
  CHECK(merge_error("x\tX\t\tLooped Transformers\n") ==
        "my.tsv:1: 'Looped Transformers' of topic 'x' is already a spelling of topic 'looped-transformer' "
        "(topics.tsv:4)");
  CHECK(merge_error("transformer-architecture\ttransformer architecture\tlooped-transformer\n") ==
        "my.tsv:1: topic 'transformer-architecture' is its own ancestor (parent cycle)");
}

TEST_CASE("lexicon: Add for discovered topics") {
  Lexicon lex = Base();
  Topic t{"rollout-routing-replay", "Rollout Routing Replay", "", {"R3"}, true};
  CHECK(lex.Add(t, "posts/a.md:12").ok());
  CHECK(lex.Find("rollout-routing-replay")->discovered);
  Status again = lex.Add(t, "posts/b.md:3");
  CHECK(again.message() == "posts/b.md:3: topic 'rollout-routing-replay' is already defined at posts/a.md:12");
}

TEST_CASE("lexicon: the fingerprint ignores order and comments") {
  Result<Lexicon> a = Lexicon::FromTsv("a\tA\t\tx | y\nb\tB\ta\tz\n", "a.tsv");
  Result<Lexicon> b = Lexicon::FromTsv("# reordered\nb\tB\ta\tz\n\na\tA\t\ty | x\n", "b.tsv");
  Result<Lexicon> c = Lexicon::FromTsv("a\tA\t\tx | y | w\nb\tB\ta\tz\n", "c.tsv");
  REQUIRE((a.ok() && b.ok() && c.ok()));
  CHECK(a->Fingerprint() == b->Fingerprint());
  CHECK(a->Fingerprint() != c->Fingerprint());
  CHECK(a->Fingerprint().starts_with("lex1-"));
  CHECK(a->Fingerprint().size() == 5 + 16);
}

TEST_CASE("lexicon: files") {
  ScratchDir dir;
  Result<Lexicon> missing = LoadLexiconFile(dir.Sub("nope.tsv"));
  CHECK(missing.status().IsNotFound());
  CHECK(missing.status().message() == dir.Sub("nope.tsv") + ": no such file");
  Result<Lexicon> isdir = LoadLexiconFile(dir.path());
  CHECK(isdir.status().message() == dir.path() + ": is a directory, not a data file");
  WriteFile(dir.Sub("bad.tsv"), "a\tA\n# ok\nb\tB\t\t\xc3\x28\n");
  CHECK(LoadLexiconFile(dir.Sub("bad.tsv")).status().message() == dir.Sub("bad.tsv") + ":3: invalid UTF-8");
  WriteFile(dir.Sub("bom.tsv"), "\xEF\xBB\xBF" "a\tA\n");
  Result<Lexicon> bom = LoadLexiconFile(dir.Sub("bom.tsv"));
  REQUIRE(bom.ok());
  CHECK(bom->Find("a"));

  // LoadLexicon: data dir plus user files, validated at the end.
  WriteFile(dir.Sub("data/topics.tsv"), kBase);
  WriteFile(dir.Sub("mine.tsv"), "r3\tRollout Routing Replay\tnope\n");
  Result<Lexicon> merged = LoadLexicon(dir.Sub("data"), {dir.Sub("mine.tsv")});
  CHECK(merged.status().message() == dir.Sub("mine.tsv") + ":1: unknown parent 'nope' of topic 'r3'");
  WriteFile(dir.Sub("mine.tsv"), "r3\tRollout Routing Replay\tinference-acceleration\n");
  merged = LoadLexicon(dir.Sub("data"), {dir.Sub("mine.tsv")});
  REQUIRE_MESSAGE(merged.ok(), merged.status().ToString());
  CHECK(merged->size() == 5);
}

TEST_CASE("lexicon: DefaultDataDir honours PAPERGRAPH_DATA_DIR") {
  const char* old = std::getenv("PAPERGRAPH_DATA_DIR");
  std::string saved = old ? old : "";
  setenv("PAPERGRAPH_DATA_DIR", "/some/where", 1);
  CHECK(DefaultDataDir() == "/some/where");
  setenv("PAPERGRAPH_DATA_DIR", "", 1);
  CHECK(DefaultDataDir() != "");
  CHECK(DefaultDataDir() != "/some/where");
  if (old) {
    setenv("PAPERGRAPH_DATA_DIR", saved.c_str(), 1);
  } else {
    unsetenv("PAPERGRAPH_DATA_DIR");
  }
}

TEST_CASE("lexicon: the real data/topics.tsv") {
  Result<Lexicon> lex = LoadLexicon(DataDir());
  REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
  CHECK(lex->size() >= 180);
  auto parent = [&](std::string_view id) {
    const Topic* t = lex->Find(id);
    REQUIRE_MESSAGE(t, std::string(id));
    return t->parent;
  };
  CHECK(parent("looped-transformer") == "transformer-architecture");
  CHECK(parent("speculative-decoding") == "inference-acceleration");
  CHECK(parent("lora") == "parameter-efficient-fine-tuning");
  CHECK(parent("grpo") == "policy-gradient");
  CHECK(parent("diffusion-language-model") == "discrete-diffusion");
  // Generator truth ids (slug of the first English name).
  for (const char* id : {"kv-cache", "3d-gaussian-splatting", "llm-as-a-judge", "rlvr", "flashattention",
                         "prefill-decode-disaggregation", "sim-to-real-transfer", "muon-optimizer", "adamw"}) {
    CHECK_MESSAGE(lex->Find(id), id);
  }
  auto id = [&](std::string_view s) {
    const Topic* t = lex->FindByAlias(s);
    return t ? t->id : std::string("(none)");
  };
  CHECK(id("loop transformers") == "looped-transformer");
  CHECK(id("추측적 디코딩") == "speculative-decoding");
  CHECK(id("양자화") == "quantization");
  CHECK(id("지식 증류") == "knowledge-distillation");
  CHECK(id("확산 모델") == "diffusion-model");
  CHECK(id("Mixture-of-Experts") == "mixture-of-experts");
  CHECK(id("dLLMs") == "diffusion-language-model");
  CHECK(id("agent") == "(none)");  // too common a word to be a topic
  // Every topic has a distinct id; every parent is a topic (Validate ran).
  std::set<std::string> ids;
  for (const Topic& t : lex->topics()) CHECK(ids.insert(t.id).second);
}

TEST_CASE("lexicon: each fact keeps the file row it comes from") {
  Lexicon lex = Base();
  const SourceLine* row = lex.Source("looped-transformer", Lexicon::Fact::kRow);
  REQUIRE(row);
  CHECK(*row == SourceLine{"topics.tsv", 4,
                           "looped-transformer\tlooped transformer\ttransformer-architecture\t"
                           "looped transformers | 루프 트랜스포머"});
  CHECK(lex.Source("looped-transformer", Lexicon::Fact::kName) == row);
  CHECK(lex.Source("looped-transformer", Lexicon::Fact::kParent) == row);
  CHECK(lex.Source("looped-transformer", Lexicon::Fact::kAlias, "루프 트랜스포머") == row);
  CHECK(lex.Source("looped-transformer", Lexicon::Fact::kAlias, "no such alias") == nullptr);
  CHECK(lex.Source("inference-acceleration", Lexicon::Fact::kParent) == nullptr);  // it has none
  CHECK(lex.Source("no-such-topic", Lexicon::Fact::kRow) == nullptr);

  // A user file: the facts it gives name its rows; the others keep the base rows.
  Result<Lexicon> user = Lexicon::FromTsv(
      "# mine\n"
      "speculative-decoding\tspec decoding\ttransformer-architecture\t추측적 디코딩 | 투기적 디코딩\n"
      "r3\tRollout Routing Replay\tinference-acceleration\tR3\n",
      "/tmp/x/my.tsv", "my.tsv");
  REQUIRE(user.ok());
  REQUIRE(lex.Merge(*user).ok());
  auto line = [&](std::string_view id, Lexicon::Fact fact, std::string_view alias = {}) {
    const SourceLine* s = lex.Source(id, fact, alias);
    return s ? s->file + ":" + std::to_string(s->line) : std::string("(none)");
  };
  CHECK(line("speculative-decoding", Lexicon::Fact::kRow) == "topics.tsv:6");
  CHECK(line("speculative-decoding", Lexicon::Fact::kName) == "my.tsv:2");
  CHECK(line("speculative-decoding", Lexicon::Fact::kParent) == "my.tsv:2");
  // The replaced display name stays a spelling, from its own row.
  CHECK(line("speculative-decoding", Lexicon::Fact::kAlias, "speculative decoding") == "topics.tsv:6");
  CHECK(line("speculative-decoding", Lexicon::Fact::kAlias, "추측적 디코딩") == "topics.tsv:6");  // listed first there
  CHECK(line("speculative-decoding", Lexicon::Fact::kAlias, "투기적 디코딩") == "my.tsv:2");
  CHECK(line("r3", Lexicon::Fact::kAlias, "R3") == "my.tsv:3");
  CHECK(lex.WhereDefined("r3") == "/tmp/x/my.tsv:3");  // errors name the path opened

  // Discovered topics come from no file.
  Topic t{"dype", "Dynamic Position Extrapolation", "", {"DyPE"}, true};
  REQUIRE(lex.Add(t, "posts/a.md:3").ok());
  CHECK(lex.Source("dype", Lexicon::Fact::kName) == nullptr);
}

TEST_CASE("lexicon: LoadLexicon names the built-in file data/topics.tsv, user files as given") {
  ScratchDir dir;
  WriteFile(dir.Sub("share/data/topics.tsv"), kBase);
  WriteFile(dir.Sub("mine.tsv"), "r3\tRollout Routing Replay\tinference-acceleration\n");
  for (const std::string& data : {dir.Sub("share/data"), dir.Sub("share/data/")}) {
    Result<Lexicon> lex = LoadLexicon(data, {dir.Sub("mine.tsv")});
    REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
    CHECK(lex->Source("looped-transformer", Lexicon::Fact::kName)->file == "data/topics.tsv");
    CHECK(lex->Source("r3", Lexicon::Fact::kName)->file == dir.Sub("mine.tsv"));
  }
  // Errors still name the path that was opened.
  WriteFile(dir.Sub("share/data/topics.tsv"), "Bad Id\tX\n");
  CHECK(LoadLexicon(dir.Sub("share/data")).status().message() ==
        dir.Sub("share/data/topics.tsv") +
            ":1: canonical id 'Bad Id' is not a slug (a-z, 0-9 and single '-'); did you mean 'bad-id'?");
}
