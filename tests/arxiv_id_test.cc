#include <doctest/doctest.h>

#include "core/arxiv_id.h"

using pg::ArxivIdFromUrl;

TEST_CASE("arXiv ids from every URL form the corpus uses") {
  CHECK(ArxivIdFromUrl("https://huggingface.co/papers/2510.24035") == "2510.24035");
  CHECK(ArxivIdFromUrl("https://arxiv.org/abs/2510.24035") == "2510.24035");
  CHECK(ArxivIdFromUrl("https://arxiv.org/abs/2510.24035v2") == "2510.24035");
  CHECK(ArxivIdFromUrl("http://arxiv.org/abs/2509.01234v1") == "2509.01234");
  CHECK(ArxivIdFromUrl("https://arxiv.org/pdf/2510.00526") == "2510.00526");
  CHECK(ArxivIdFromUrl("https://arxiv.org/pdf/2510.00526v1.pdf") == "2510.00526");
  CHECK(ArxivIdFromUrl("https://arxiv.org/pdf/2510.00526.pdf") == "2510.00526");
  CHECK(ArxivIdFromUrl("https://www.alphaxiv.org/overview/2510.18245") == "2510.18245");
  CHECK(ArxivIdFromUrl("https://www.alphaxiv.org/ko/overview/2510.18245") == "2510.18245");
  CHECK(ArxivIdFromUrl("https://www.alphaxiv.org/ko/overview/2510.18245v3") == "2510.18245");
  CHECK(ArxivIdFromUrl("arXiv:2510.24035") == "2510.24035");
  CHECK(ArxivIdFromUrl("arxiv:2510.24035v4") == "2510.24035");
  CHECK(ArxivIdFromUrl("https://arxiv.org/abs/hep-th/9901001") == "hep-th/9901001");
  CHECK(ArxivIdFromUrl("https://arxiv.org/abs/hep-th/9901001v2") == "hep-th/9901001");
  CHECK(ArxivIdFromUrl("https://arxiv.org/abs/0704.0001") == "0704.0001");
  CHECK(ArxivIdFromUrl("HTTPS://ARXIV.ORG/ABS/2510.24035") == "2510.24035");
  CHECK(ArxivIdFromUrl("https://arxiv.org/abs/2510.24035#section") == "2510.24035");
  CHECK(ArxivIdFromUrl("<https://arxiv.org/abs/2510.24035>") == "2510.24035");
}

TEST_CASE("URLs that are not paper pages are rejected") {
  CHECK_FALSE(ArxivIdFromUrl("https://huggingface.co/PaddlePaddle/PaddleOCR-VL"));
  CHECK_FALSE(ArxivIdFromUrl("https://huggingface.co/datasets/foo/bar"));
  CHECK_FALSE(ArxivIdFromUrl("https://huggingface.co/papers"));
  CHECK_FALSE(ArxivIdFromUrl("https://arxiv.org/list/cs.CL/recent"));
  CHECK_FALSE(ArxivIdFromUrl("https://github.com/arxiv.org/abs/2510.24035"));
  CHECK_FALSE(ArxivIdFromUrl("https://example.com/2510.24035"));
  CHECK_FALSE(ArxivIdFromUrl("https://arxiv.org/abs/2510.240351"));  // six digits
  CHECK_FALSE(ArxivIdFromUrl("https://arxiv.org/abs/2510.24035/extra"));
  CHECK_FALSE(ArxivIdFromUrl("/docs/papers/y2025/oct/20251007.md#front-loading-reasoning-nvidia"));
  CHECK_FALSE(ArxivIdFromUrl(""));
}

TEST_CASE("canonical ids") {
  CHECK(pg::IsArxivId("2510.24035"));
  CHECK(pg::IsArxivId("hep-th/9901001"));
  CHECK_FALSE(pg::IsArxivId("2510.24035v2"));
  CHECK_FALSE(pg::IsArxivId("abc"));
  CHECK(pg::StripArxivVersion("2510.24035v12") == "2510.24035");
}
