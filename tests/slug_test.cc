#include "importers/slug.h"

#include <doctest/doctest.h>

namespace pg {
namespace {

// Each pair is a heading's rendered text and the anchor the live site uses
// for it in a cross-link somewhere in shared/corpus/tomatosaurus.
TEST_CASE("DocusaurusSlug reproduces the corpus cross-link anchors") {
  CHECK(DocusaurusSlug("Front-Loading Reasoning nvidia") == "front-loading-reasoning-nvidia");
  CHECK(DocusaurusSlug("1. DISTRACTOR INJECTION ATTACKS ON LARGE REASONING MODELS amazon") ==
        "1-distractor-injection-attacks-on-large-reasoning-models-amazon");
  CHECK(
      DocusaurusSlug(
          "Latent Sketchpad: Sketching Visual Thoughts to Elicit Multimodal Reasoning in MLLMs microsoft") ==
      "latent-sketchpad-sketching-visual-thoughts-to-elicit-multimodal-reasoning-in-mllms-microsoft");
  CHECK(DocusaurusSlug("10. Robot Learning from a Physical World Model deepmind") ==
        "10-robot-learning-from-a-physical-world-model-deepmind");
  CHECK(DocusaurusSlug("14. Language Models Model Language") == "14-language-models-model-language");
  CHECK(DocusaurusSlug("2. Search Self-play") == "2-search-self-play");
  CHECK(DocusaurusSlug("3. SCALING LAWS MEET MODEL ARCHITECTURE amazon") ==
        "3-scaling-laws-meet-model-architecture-amazon");
  CHECK(DocusaurusSlug("BEYOND LOG LIKELIHOOD") == "beyond-log-likelihood");
  CHECK(DocusaurusSlug("SWIREASONING microsoft") == "swireasoning-microsoft");
  CHECK(DocusaurusSlug("Judging with Confidence google") == "judging-with-confidence-google");
}

TEST_CASE("DocusaurusSlug keeps Hangul and other letters") {
  CHECK(DocusaurusSlug("왜 봐야 하는가") == "왜-봐야-하는가");
  CHECK(DocusaurusSlug("웹데이터 뷰어 만들기 (feat. postgres)") == "웹데이터-뷰어-만들기-feat-postgres");
  CHECK(DocusaurusSlug("OpenClaw를 활용한 블로그 자동화") == "openclaw를-활용한-블로그-자동화");
  CHECK(DocusaurusSlug("3. Φeat adobe") == "3-φeat-adobe");  // Greek capital lower-cased
  CHECK(DocusaurusSlug("日本語 タイトル") == "日本語-タイトル");
  CHECK(DocusaurusSlug("Ⓐ circled") == "ⓐ-circled");  // alphabetic symbols survive
}

TEST_CASE("DocusaurusSlug drops punctuation and symbols but keeps '-' and '_'") {
  CHECK(DocusaurusSlug("0. Don't Blind Your VLA") == "0-dont-blind-your-vla");
  CHECK(DocusaurusSlug("WHY CAN\u2019T TRANSFORMERS LEARN MULTIPLICATION") ==
        "why-cant-transformers-learn-multiplication");
  CHECK(DocusaurusSlug("4. UFO^3 microsoft") == "4-ufo3-microsoft");
  CHECK(DocusaurusSlug("1. Kandinsky 5.0") == "1-kandinsky-50");
  CHECK(DocusaurusSlug("Self-Forcing++") == "self-forcing");
  CHECK(DocusaurusSlug("Relational Visual Similarity (relsim)") == "relational-visual-similarity-relsim");
  CHECK(DocusaurusSlug("Best_of vs BeamSearch") == "best_of-vs-beamsearch");
  CHECK(DocusaurusSlug("a, b; c! d? e/f `g` $h$ |i| ~j~ [k] {l} <m> \"n\" #o") ==
        "a-b-c-d-ef-g-h-i-j-k-l-m-n-o");
  CHECK(DocusaurusSlug("2.Lost in Vision\u2013Language Models") ==
        "2lost-in-visionlanguage-models");                  // en dash dropped
  CHECK(DocusaurusSlug("\U0001F680 Launch") == "-launch");  // emoji dropped, its space stays
}

TEST_CASE("DocusaurusSlug turns every space into '-' without collapsing") {
  CHECK(DocusaurusSlug("1. Experience-Guided Adaptation  amazon") ==
        "1-experience-guided-adaptation--amazon");
  CHECK(DocusaurusSlug("3.   What Does It Take") == "3---what-does-it-take");
  CHECK(DocusaurusSlug("a - b") == "a---b");
}

TEST_CASE("DocusaurusSlug trims the ends and drops other white space") {
  CHECK(DocusaurusSlug("  Padded Title  ") == "padded-title");
  CHECK(DocusaurusSlug("tab\there") == "tabhere");                  // a tab is a control character
  CHECK(DocusaurusSlug("no\u00A0break space") == "nobreak-space");  // NBSP is a separator, not ' '
  CHECK(DocusaurusSlug("") == "");
  CHECK(DocusaurusSlug("!!!") == "");
}

TEST_CASE("DocusaurusSlug lower-cases like JavaScript") {
  CHECK(DocusaurusSlug("ÀÉÎ Straße") == "àéî-straße");
  CHECK(DocusaurusSlug("\u0130stanbul") == "i\u0307stanbul");
}

TEST_CASE("DocusaurusSlug skips invalid UTF-8 bytes") {
  CHECK(DocusaurusSlug(std::string("ab\xFF"
                                   "cd")) == "abcd");
}

}  // namespace
}  // namespace pg
