// Lab aliases: canonicalizing org tags (case, spacing, typos, unknown labs,
// "no lab" markers), the TSV format and merging, the real data/orgs.tsv
// against every tag of the real corpus, and lab names in prose.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/org_aliases.h"
#include "importers/org_matcher.h"

using namespace pg;

namespace {

std::string DataDir() {
#ifdef PAPERGRAPH_DATA_DIR
  return PAPERGRAPH_DATA_DIR;
#else
  return DefaultDataDir();
#endif
}

const OrgAliases& Real() {
  static const OrgAliases* table = [] {
    Result<OrgAliases> t = LoadOrgAliases(DataDir());
    REQUIRE_MESSAGE(t.ok(), t.status().ToString());
    return new OrgAliases(std::move(t).value());
  }();
  return *table;
}

std::string Canon(std::string_view tag) { return Real().Canonicalize(tag).value_or("(none)"); }

std::vector<std::string> Prose(std::string_view text) {
  static const OrgMatcher matcher(Real());
  std::vector<std::string> out;
  for (const OrgMatch& m : matcher.FindOrgs(text)) out.push_back(m.org_id + "@" + m.surface);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("org aliases: canonicalizing tags") {
  CHECK(Canon("shaomi") == "xiaomi");
  CHECK(Canon("paddle paddle") == "paddlepaddle");
  CHECK(Canon("PaddlePaddle") == "paddlepaddle");
  CHECK(Canon("Paddle-Paddle") == "paddlepaddle");
  CHECK(Canon("Stability AI") == "stability-ai");
  CHECK(Canon("stability") == "stability-ai");
  CHECK(Canon("stability ai") == "stability-ai");
  CHECK(Canon("Adobe") == "adobe");
  CHECK(Canon("adobe") == "adobe");
  CHECK(Canon("  Google  ") == "google");
  CHECK(Canon("google deepmind") == "deepmind");
  CHECK(Canon("Meta Research") == "meta");
  CHECK(Canon("meta") == "meta");  // as a tag, "meta" is the lab
  CHECK(Canon("lg") == "lg-ai-research");
  CHECK(Canon("huggingface") == "hugging-face");
  CHECK(Canon("구글") == "google");
}

TEST_CASE("org aliases: blank, unknown and 'no lab' tags") {
  CHECK_FALSE(Real().Canonicalize("").has_value());
  CHECK_FALSE(Real().Canonicalize("   ").has_value());
  CHECK_FALSE(Real().Canonicalize("\t\n").has_value());
  CHECK_FALSE(Real().Canonicalize("--").has_value());
  CHECK_FALSE(Real().Canonicalize("미확인").has_value());
  CHECK_FALSE(Real().Canonicalize("Unknown").has_value());
  // A lab the table does not know still becomes a node, under its own slug.
  CHECK(Canon("Some New Lab") == "some-new-lab");
  CHECK_FALSE(Real().IsKnown("Some New Lab"));
  CHECK(Real().DisplayName("some-new-lab") == "some-new-lab");
  CHECK(Real().IsKnown("shaomi"));
}

TEST_CASE("org aliases: near misses of long names") {
  CHECK(Canon("hugginface") == "hugging-face");  // seen in real front matter
  CHECK(Canon("bytednace") == "bytedance");      // swapped letters
  CHECK(Canon("microsft") == "microsoft");
  CHECK(Canon("tencnt") == "tencent");           // one edit from a 7-letter name
  CHECK(Canon("nvidai") == "nvidai");            // "nvidia" is too short to guess: its own lab
}

TEST_CASE("org aliases: display names") {
  CHECK(Real().DisplayName("stability-ai") == "Stability AI");
  CHECK(Real().DisplayName("paddlepaddle") == "PaddlePaddle");
  CHECK(Real().DisplayName("xiaomi") == "Xiaomi");
  REQUIRE(Real().Find("mit"));
  CHECK(Real().Find("mit")->name == "MIT");
}

TEST_CASE("org aliases: the generator's labs and the real corpus tags") {
  // corpus_vocab.ORGS (sample; check_vocab_coverage.py checks all of them):
  // every surface form canonicalizes to the slug of the display name.
  struct Case {
    const char* tag;
    const char* id;
  };
  for (Case c : std::vector<Case>{{"bytedance seed", "bytedance"},  {"Nvidia", "nvidia"},
                                  {"meta ai", "meta"},              {"alibaba qwen", "alibaba"},
                                  {"tencent hunyuan", "tencent"},   {"aws", "amazon"},
                                  {"Shanghai AI Laboratory", "shanghai-ai-lab"},
                                  {"huawei noah's ark", "huawei"},  {"stabilityai", "stability-ai"},
                                  {"carnegie mellon", "cmu"},       {"uc berkeley", "uc-berkeley"},
                                  {"PKU", "peking-university"},     {"naver cloud", "naver"},
                                  {"moonshot", "moonshot-ai"},      {"zhipu", "zhipu-ai"},
                                  {"samsung research", "samsung"},  {"ai2", "allen-ai"},
                                  {"allenai", "allen-ai"},          {"Hugging Face", "hugging-face"},
                                  {"mistral", "mistral-ai"},        {"LG AI Research", "lg-ai-research"},
                                  {"kakao brain", "kakao"},         {"seoul national university", "snu"},
                                  {"eth", "eth-zurich"},            {"zju", "zhejiang-university"},
                                  {"ibm research", "ibm"},          {"Sakana AI", "sakana-ai"},
                                  {"Ant Group", "ant-group"},       {"Cohere", "cohere"}}) {
    CHECK_MESSAGE(Canon(c.tag) == c.id, c.tag);
  }
  // Every tag value of the real tomatosaurus corpus is a known lab.
  for (const char* tag : {"bytedance", "nvidia", "meta", "tencent", "microsoft", "google", "apple", "amazon", "adobe",
                          "alibaba", "Adobe", "tsinghua", "stability ai", "shaomi", "qualcomm", "paddle paddle",
                          "harvard", "deepmind", "xiaomi", "stability", "salesforce", "perplexity", "naver",
                          "huggingface", "baai", "amd", "Tencent", "OpenMOSS", "OpenAI", "Nanjing University",
                          "NVIDIA", "Meta Research", "Google", "AMD", "AMAP-ML"}) {
    CHECK_MESSAGE(Real().IsKnown(tag), tag);
  }
  CHECK(Canon("baai") == "baai");
  CHECK(Canon("perplexity") == "perplexity");
}

TEST_CASE("org aliases: TSV errors and merging") {
  const char* base =
      "# labs\n"
      "google\tGoogle\tgoogle research\tGoogle | 구글\n"
      "-\t(no lab)\t미확인 | unknown\n"
      "xiaomi\tXiaomi\tshaomi\n";
  Result<OrgAliases> t = OrgAliases::FromTsv(base, "orgs.tsv");
  REQUIRE_MESSAGE(t.ok(), t.status().ToString());
  CHECK(t->size() == 2);
  CHECK_FALSE(t->Canonicalize("unknown").has_value());

  auto error = [](std::string_view text) {
    Result<OrgAliases> r = OrgAliases::FromTsv(text, "o.tsv");
    REQUIRE_FALSE(r.ok());
    return r.status().message();
  };
  CHECK(error("Stability AI\tStability AI\n") ==
        "o.tsv:1: canonical id 'Stability AI' is not a slug (a-z, 0-9 and single '-'); did you mean 'stability-ai'?");
  CHECK(error("a\tA\tfoo\nb\tB\tFOO\n") == "o.tsv:2: 'FOO' of lab 'b' is already a spelling of lab 'a' (o.tsv:1)");
  CHECK(error("a\tA\n\na\tA2\n") == "o.tsv:3: lab 'a' is already defined at o.tsv:1");
  CHECK(error("a\n") ==
        "o.tsv:1: expected 'canonical_id<TAB>display name<TAB>aliases<TAB>prose names<TAB>not in prose'");
  CHECK(error("a\tA\tx\ty\tz\tw\n") == "o.tsv:1: 6 tab-separated columns, expected at most 5");
  CHECK(error("a\tA\t!!!\n") == "o.tsv:1: spelling '!!!' has no letters or digits");

  Result<OrgAliases> user = OrgAliases::FromTsv(
      "openmoss\tOpenMOSS\topen moss\n"
      "xiaomi\tXiaomi Corp.\tshao mi\t샤오미\n"
      "-\t\tn/a\n",
      "mine.tsv");
  REQUIRE_MESSAGE(user.ok(), user.status().ToString());
  OrgAliases merged = *t;
  Status s = merged.Merge(*user);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(merged.Canonicalize("Open MOSS") == "openmoss");
  CHECK(merged.IsKnown("openmoss"));
  CHECK(merged.Canonicalize("shao mi") == "xiaomi");
  CHECK(merged.DisplayName("xiaomi") == "Xiaomi Corp.");
  CHECK(merged.Canonicalize("Xiaomi") == "xiaomi");  // the old display name still works
  CHECK_FALSE(merged.Canonicalize("N/A").has_value());
  CHECK(merged.Fingerprint() != t->Fingerprint());

  Result<OrgAliases> clash = OrgAliases::FromTsv("\n\nnew-lab\tNew Lab\tgoogle research\n", "mine.tsv");
  REQUIRE(clash.ok());
  OrgAliases copy = *t;
  Status bad = copy.Merge(*clash);
  CHECK(bad.message() ==
        "mine.tsv:3: 'google research' of lab 'new-lab' is already a spelling of lab 'google' (orgs.tsv:2)");
  CHECK(copy.Fingerprint() == t->Fingerprint());
}

TEST_CASE("org aliases: the fingerprint ignores order and comments") {
  Result<OrgAliases> a = OrgAliases::FromTsv("a\tA\tx | y\nb\tB\n", "a.tsv");
  Result<OrgAliases> b = OrgAliases::FromTsv("# c\nb\tB\n\na\tA\ty | x\n", "b.tsv");
  REQUIRE((a.ok() && b.ok()));
  CHECK(a->Fingerprint() == b->Fingerprint());
  CHECK(a->Fingerprint().starts_with("orgs1-"));
  CHECK(Real().Fingerprint() != a->Fingerprint());
}

TEST_CASE("org matcher: lab names in prose") {
  CHECK(Prose("구글의 새 논문") == V{"google@구글"});
  CHECK(Prose("엔비디아가 공개한 모델") == V{"nvidia@엔비디아"});
  CHECK(Prose("Google DeepMind released") == V{"deepmind@Google DeepMind"});
  CHECK(Prose("ByteDance Seed team") == V{"bytedance@ByteDance Seed"});
  CHECK(Prose("bytedance랑 칭화대가 협업한 논문") == V{"bytedance@bytedance", "tsinghua@칭화대"});
  CHECK(Prose("세일즈 포스는 일반적인 문제") == V{"salesforce@세일즈 포스"});
  CHECK(Prose("Meta AI and Meta's lab") == V{"meta@Meta AI", "meta@Meta"});
  CHECK(Prose("메타는 방향성이, 메타의 논문") == V{"meta@메타", "meta@메타"});
}

TEST_CASE("org matcher: names that are also words stay out of prose") {
  CHECK(Prose("meta-learning and Meta-Learning and meta learning") == V{});
  CHECK(Prose("메타 학습, 메타 리뷰어, 메타데이터, 메타 토큰") == V{});
  CHECK(Prose("released under the MIT license") == V{});
  CHECK(Prose("researchers at MIT") == V{"mit@MIT"});
  CHECK(Prose("mit und ohne") == V{});
  CHECK(Prose("an apple a day") == V{});
  CHECK(Prose("Apple researchers") == V{"apple@Apple"});
  CHECK(Prose("애플리케이션 개발") == V{});
  CHECK(Prose("perplexity drops") == V{});
  CHECK(Prose("[HuggingFace](https://huggingface.co/papers/2603.1) and Hugging Face") == V{});
  CHECK(Prose("eth and lg and mila") == V{});
  CHECK(Prose("minimax optimization vs MiniMax-M1") == V{});
  CHECK(Prose("a MiniMax model") == V{"minimax@MiniMax"});
  CHECK(Prose("아마존 Mechanical Turk를 통해") == V{});
}
