// Topic mentions in text: word boundaries (the generator's false friends),
// Korean particles and the Hangul left boundary, case and plural variants,
// leftmost-longest overlaps, offsets back into the original text, and the
// discovery of new acronym definitions.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "importers/lexicon.h"
#include "importers/topic_matcher.h"

using namespace pg;

namespace {

std::string DataDir() {
#ifdef PAPERGRAPH_DATA_DIR
  return PAPERGRAPH_DATA_DIR;
#else
  return DefaultDataDir();
#endif
}

const TopicMatcher& Real() {
  static const TopicMatcher* matcher = [] {
    Result<Lexicon> lex = LoadLexicon(DataDir());
    REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
    return new TopicMatcher(*lex);
  }();
  return *matcher;
}

// "id@surface" for each match, in text order.
std::vector<std::string> Matches(std::string_view text, const TopicMatcher& m = Real()) {
  std::vector<std::string> out;
  for (const TopicMatch& t : m.FindTopics(text)) out.push_back(t.topic_id + "@" + t.surface);
  return out;
}

std::set<std::string> Ids(std::string_view text) {
  std::set<std::string> out;
  for (const TopicMatch& t : Real().FindTopics(text)) out.insert(t.topic_id);
  return out;
}

using V = std::vector<std::string>;
using S = std::set<std::string>;

}  // namespace

TEST_CASE("topic matcher: the generator's false friends match nothing") {
  // corpus_vocab.FALSE_FRIENDS: coined names that contain an alias inside a word.
  for (const char* name : {"DRAGON", "Loopholing", "LoRAX", "DiTto", "CLIPper", "RAGnarok", "MoEbius"}) {
    CHECK_MESSAGE(Matches(name).empty(), name);
    std::string title = std::string(name) + ": Efficient Methods for Video Generation";
    CHECK_MESSAGE(Matches(title).empty(), title);
    std::string ko = std::string(name) + "은 새로운 접근법을 제시한다.";
    CHECK_MESSAGE(Matches(ko).empty(), ko);
  }
  CHECK(Matches("Loopholing Discrete Diffusion") == V{"discrete-diffusion@Discrete Diffusion"});
  CHECK(Matches("dragons and ragged rags") == V{});
}

TEST_CASE("topic matcher: Latin aliases need non-alphanumeric neighbours") {
  CHECK(Matches("RAG") == V{"retrieval-augmented-generation@RAG"});
  CHECK(Matches("(RAG)") == V{"retrieval-augmented-generation@RAG"});
  CHECK(Matches("a RAG-style loop") == V{"retrieval-augmented-generation@RAG"});
  CHECK(Matches("LoRA를 쓴다") == V{"lora@LoRA"});        // a Korean particle is not a letter
  CHECK(Matches("RLLM 은") == V{"llm-reasoning@RLLM"});
  CHECK(Matches("Text-to-LoRA") == V{"lora@LoRA"});
  CHECK(Matches("LoRA2") == V{});
  CHECK(Matches("xLoRA") == V{});
}

TEST_CASE("topic matcher: Korean particles and endings") {
  CHECK(Matches("양자화는 빠르다") == V{"quantization@양자화"});
  CHECK(Matches("양자화를 적용") == V{"quantization@양자화"});
  CHECK(Matches("양자화된 모델") == V{"quantization@양자화"});
  CHECK(Matches("추측적 디코딩은 빠르다") == V{"speculative-decoding@추측적 디코딩"});
  CHECK(Matches("지식 증류를 통해") == V{"knowledge-distillation@지식 증류"});
  CHECK(Matches("확산 모델을 학습") == V{"diffusion-model@확산 모델"});
  CHECK(Matches("혼합 전문가(mixture-of-experts)가 핵심") ==
        V{"mixture-of-experts@혼합 전문가", "mixture-of-experts@mixture-of-experts"});
  CHECK(Matches("양자화(quantization)을 쓴다") == V{"quantization@양자화", "quantization@quantization"});
}

TEST_CASE("topic matcher: a Hangul alias does not start inside a Hangul word") {
  CHECK(Matches("역양자화 과정") == V{});                 // dequantization
  CHECK(Matches("비자기회귀 디코딩") == V{});             // non-autoregressive
  CHECK(Matches("정합성 데이터셋을 통합") == V{});        // "consistency" + dataset, not synthetic data
  CHECK(Matches("반합성 데이터 생성") == V{});
  CHECK(Matches("LLM양자화") == V{"quantization@양자화"});  // Latin before Hangul is a boundary
  CHECK(Matches("(양자화)") == V{"quantization@양자화"});
}

TEST_CASE("topic matcher: case, plurals, dashes and white space") {
  CHECK(Ids("KV-Cache") == S{"kv-cache"});
  CHECK(Ids("kv caching") == S{"kv-cache"});
  CHECK(Ids("LOOPED TRANSFORMERS") == S{"looped-transformer"});
  CHECK(Ids("loop transformers") == S{"looped-transformer"});
  CHECK(Ids("LoRAs") == S{"lora"});
  CHECK(Ids("Mixture of Experts") == S{"mixture-of-experts"});
  CHECK(Ids("vision–language models") == S{"vision-language-model"});  // en dash
  CHECK(Matches("Efficient Speculative   Decoding") == V{"speculative-decoding@Speculative   Decoding"});
  CHECK(Matches("speculative\n  decoding") == V{"speculative-decoding@speculative\n  decoding"});
  CHECK(Ids("speculative decoders") == S{"speculative-decoding"});
}

TEST_CASE("topic matcher: exact-case aliases") {
  CHECK(Ids("the ReAct loop") == S{"react-agent"});
  CHECK(Ids("models react to prompts") == S{});
  CHECK(Ids("SAM 3") == S{"image-segmentation"});
  CHECK(Ids("sam said") == S{});
}

TEST_CASE("topic matcher: leftmost-longest") {
  CHECK(Matches("multi-agent debate") == V{"multi-agent-debate@multi-agent debate"});
  CHECK(Matches("multi-agent systems") == V{"multi-agent-system@multi-agent systems"});
  CHECK(Matches("offline RL") == V{"offline-reinforcement-learning@offline RL"});
  CHECK(Matches("이산 확산 모델") == V{"discrete-diffusion@이산 확산 모델"});
  CHECK(Matches("reinforcement learning from human feedback") ==
        V{"rlhf@reinforcement learning from human feedback"});
  CHECK(Matches("latent diffusion models") == V{"latent-diffusion@latent diffusion models"});
  CHECK(Matches("Stable Diffusion Transformers") ==
        V{"diffusion-transformer@Stable Diffusion Transformers"});  // not latent diffusion + transformers
  CHECK(Matches("KV cache compression") == V{"kv-cache-compression@KV cache compression"});
}

TEST_CASE("topic matcher: offsets and surfaces point into the original text") {
  std::string text = "기존  KV\tcache와   LoRA-based 방법, 그리고 양자화는.";
  std::vector<TopicMatch> m = Real().FindTopics(text);
  REQUIRE(m.size() == 3);
  for (const TopicMatch& t : m) CHECK(text.substr(t.offset, t.length) == t.surface);
  CHECK(m[0].topic_id == "kv-cache");
  CHECK(m[0].surface == "KV\tcache");
  CHECK(m[1].surface == "LoRA");
  CHECK(m[2].surface == "양자화");
  CHECK(Real().FindTopics("").empty());
  CHECK(Real().FindTopics("\xff\xfe LoRA \xc3").size() == 1);  // invalid bytes are opaque
}

TEST_CASE("topic matcher: a sample of generator aliases resolves to the generator's ids") {
  // The full check is tests/check_vocab_coverage.py; this keeps the C++ side honest.
  struct Case {
    const char* alias;
    const char* id;
  };
  for (Case c : std::vector<Case>{{"speculative sampling", "speculative-decoding"},
                                  {"투기적 디코딩", "speculative-decoding"},
                                  {"루프 트랜스포머", "looped-transformer"},
                                  {"KV 캐시", "kv-cache"},
                                  {"저랭크 적응", "lora"},
                                  {"MoE", "mixture-of-experts"},
                                  {"흐름 매칭", "flow-matching"},
                                  {"DiT", "diffusion-transformer"},
                                  {"검증 가능한 보상 기반 강화학습", "rlvr"},
                                  {"CoT", "chain-of-thought"},
                                  {"사고의 연쇄", "chain-of-thought"},
                                  {"retrieval augmented generation", "retrieval-augmented-generation"},
                                  {"검색 증강 생성", "retrieval-augmented-generation"},
                                  {"prompt injection attacks", "prompt-injection"},
                                  {"인간 피드백 기반 강화학습", "rlhf"},
                                  {"group relative policy optimization", "grpo"},
                                  {"FlashAttention", "flashattention"},
                                  {"GQA", "grouped-query-attention"},
                                  {"3DGS", "3d-gaussian-splatting"},
                                  {"가우시안 스플래팅", "3d-gaussian-splatting"},
                                  {"DP-SGD", "differential-privacy"},
                                  {"LLM-as-a-judge", "llm-as-a-judge"},
                                  {"sim-to-real", "sim-to-real-transfer"},
                                  {"Muon optimizer", "muon-optimizer"},
                                  {"하이퍼네트워크", "hypernetwork"},
                                  {"disaggregated serving", "prefill-decode-disaggregation"},
                                  {"몬테카를로 트리 탐색", "monte-carlo-tree-search"},
                                  {"behavior cloning", "imitation-learning"},
                                  {"Fourier neural operator", "neural-operator"},
                                  {"function calling", "tool-use"},
                                  {"재순위화", "reranking"},
                                  {"광학 문자 인식", "optical-character-recognition"},
                                  {"RVOS", "referring-video-object-segmentation"}}) {
    std::vector<TopicMatch> m = Real().FindTopics(c.alias);
    REQUIRE_MESSAGE(m.size() == 1, c.alias);
    CHECK_MESSAGE(m[0].topic_id == c.id, c.alias);
    CHECK_MESSAGE(m[0].surface == c.alias, c.alias);
  }
}

TEST_CASE("alias scanner: blockers swallow what they cover") {
  AliasScanner s;
  s.Add("Meta", 7, AliasScanner::kExactCase | AliasScanner::kNotGluedToHyphen);
  s.Add("meta learning", AliasScanner::kBlocker);
  s.Add("메타", 7, AliasScanner::kParticleRequiredAfterHangul);
  s.Add("구글", 8, AliasScanner::kParticlesOnlyAfterHangul);
  s.Build();
  auto payloads = [&](std::string_view text) {
    std::vector<uint32_t> out;
    for (const AliasScanner::Hit& h : s.Scan(text)) out.push_back(h.payload);
    return out;
  };
  using P = std::vector<uint32_t>;
  CHECK(payloads("Meta released it") == P{7});
  CHECK(payloads("meta released it") == P{});         // exact case
  CHECK(payloads("Meta-Learning works") == P{});      // glued to '-' (and blocked)
  CHECK(payloads("Meta learning works") == P{});      // blocked
  CHECK(payloads("메타의 논문, 메타는") == P{7, 7});
  CHECK(payloads("메타 리뷰어") == P{});               // a strict Korean name needs a particle
  CHECK(payloads("메타데이터") == P{});
  CHECK(payloads("구글 딥마인드, 구글의, 구글") == P{8, 8, 8});
  CHECK(payloads("구글링") == P{});                   // not a particle
  CHECK(s.pattern_count() == 4);
}

TEST_CASE("discovery: acronym definitions") {
  // A lexicon without RLVR, so that its definition counts as new.
  Result<Lexicon> lex = Lexicon::FromTsv("lora\tLoRA\t\tlow-rank adaptation\n", "t.tsv");
  REQUIRE(lex.ok());
  TopicMatcher m(*lex);
  auto found = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const DiscoveredTopic& d : m.DiscoverDefinitions(text)) out.push_back(d.acronym + "=" + d.long_name);
    return out;
  };
  CHECK(found("We propose Rollout Routing Replay (R3) for MoE.") == V{"R3=Rollout Routing Replay"});
  CHECK(found("trained with Reinforcement Learning with Verifiable Rewards (RLVR).") ==
        V{"RLVR=Reinforcement Learning with Verifiable Rewards"});
  CHECK(found("we use Group Relative Policy Optimization (GRPO)") == V{"GRPO=Group Relative Policy Optimization"});
  CHECK(found("Dynamic Position Extrapolation (DyPE)") == V{"DyPE=Dynamic Position Extrapolation"});
  CHECK(found("the Chain of Methodologies (CoM) framework") == V{"CoM=Chain of Methodologies"});
  CHECK(found("Text-to-LoRA (T2L)") == V{"T2L=Text-to-LoRA"});
  CHECK(found("Multi-modal Sample Selection (MSS)") == V{"MSS=Multi-modal Sample Selection"});
  CHECK(found("large vision models (LVMs) are") == V{"LVM=large vision models"});
  CHECK(found("GSPO(Group Sequence Policy Optimization)을 쓴다") == V{"GSPO=Group Sequence Policy Optimization"});
  // Once per acronym per text.
  CHECK(found("Rollout Routing Replay (R3) ... Rollout Routing Replay (R3)").size() == 1);

  // Not definitions.
  CHECK(found("as shown before (2024).") == V{});
  CHECK(found("the results (see Fig. 3) show") == V{});
  CHECK(found("strong models (e.g., GPT-4) fail") == V{});
  CHECK(found("Mamba (MA)") == V{});
  CHECK(found("HUMANAGENCYBENCH (HAB)") == V{});
  CHECK(found("강화학습(RL)을 적용") == V{});
  CHECK(found("the Transformer (TF) block") == V{});
  CHECK(found("Low-Rank Adaptation (LoRA)") == V{});  // known to the lexicon
  CHECK(found("unclosed (RLVR and more") == V{});

  std::vector<DiscoveredTopic> d = m.DiscoverDefinitions("우리는 Rollout Routing Replay (R3)를 제안");
  REQUIRE(d.size() == 1);
  CHECK(d[0].id == "rollout-routing-replay");
  CHECK(std::string("우리는 Rollout Routing Replay (R3)를 제안").substr(d[0].offset, d[0].length) ==
        "Rollout Routing Replay (R3)");
  Topic t = MakeDiscoveredTopic(d[0]);
  CHECK(t.discovered);
  CHECK(t.name == "Rollout Routing Replay");
  CHECK(t.aliases == V{"R3"});
}

TEST_CASE("discovery: acronyms the real lexicon knows are skipped") {
  CHECK(Real().DiscoverDefinitions("Reinforcement Learning with Verifiable Rewards (RLVR)").empty());
  CHECK(Real().DiscoverDefinitions("Group Relative Policy Optimization (GRPO)").empty());
  CHECK(Real().DiscoverDefinitions("large language models (LLMs)").empty());
  CHECK(Real().DiscoverDefinitions("Rollout Routing Replay (R3)").size() == 1);
}

TEST_CASE("topic matcher: the fingerprint follows the lexicon") {
  Result<Lexicon> lex = LoadLexicon(DataDir());
  REQUIRE(lex.ok());
  CHECK(TopicMatcher(*lex).fingerprint() == lex->Fingerprint());
}
