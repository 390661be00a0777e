#include <doctest/doctest.h>

#include "core/text.h"

using pg::NormalizeName;

TEST_CASE("title normalization: case, spacing, punctuation") {
  CHECK(NormalizeName("Efficient Speculative   Decoders") == "efficient speculative decoders");
  CHECK(NormalizeName("SCALING LAWS MEET MODEL ARCHITECTURE") == "scaling laws meet model architecture");
  CHECK(NormalizeName("GraphNet: A Large-Scale Computational Graph Dataset") ==
        "graphnet a large scale computational graph dataset");
  CHECK(NormalizeName("  Don't Stop\tPretraining\n") == "dont stop pretraining");
  CHECK(NormalizeName("Reasoning w/ Sampling") == "reasoning w sampling");
}

TEST_CASE("title normalization: Unicode") {
  CHECK(NormalizeName("ＡＢＣ　ｄｅｆ") == "abc def");           // full-width letters and space
  CHECK(NormalizeName("추측적 디코딩을 위한 AdaSPEC") == "추측적 디코딩을 위한 adaspec");  // Hangul kept
  CHECK(NormalizeName("Straße") == "strasse");                   // case folding
  CHECK(NormalizeName("café") == NormalizeName("cafe\xCC\x81"));  // composed == decomposed
  CHECK(NormalizeName("Loop—Transformers") == "loop transformers");  // em dash separates
  CHECK(NormalizeName("bad\xFFutf8") == "badutf8");
}

TEST_CASE("collapse spaces keeps case and punctuation") {
  CHECK(pg::CollapseSpaces("  Efficient Speculative   Decoders: A\u00a0Study ") ==
        "Efficient Speculative Decoders: A Study");
  // With a limit it stops once past it: a prefix of the whole, longer than the limit.
  std::string text;
  for (int i = 0; i < 200; ++i) text += "양자화\n\n  word\t";
  std::string whole = pg::CollapseSpaces(text);
  for (size_t limit : {0, 1, 5, 12, 160}) {
    std::string cut = pg::CollapseSpaces(text, limit);
    CHECK(cut.size() > limit);
    CHECK(whole.compare(0, cut.size(), cut) == 0);
  }
  CHECK(pg::CollapseSpaces(" a  b ", 100) == "a b");  // under the limit: the same as without
}

TEST_CASE("UTF-8 validation and widths") {
  size_t bad = 0;
  CHECK(pg::IsValidUtf8("양자화는 good"));
  CHECK_FALSE(pg::IsValidUtf8("ok\xC3(", &bad));
  CHECK(bad == 2);
  CHECK(pg::DisplayWidth("abc") == 3);
  CHECK(pg::DisplayWidth("양자화") == 6);
  CHECK(pg::CodePointCount("양자a") == 3);
}
