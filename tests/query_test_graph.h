// A small hand-built graph for the query tests, written through WriteTxn
// like an import would. Five papers in three posts, three labs, four topics:
//
//   post:a.md (2025-10-20) reviews P1, P2     post:b.md (2025-10-25) reviews P3, P4
//   post:c.md (2025-09-30) reviews P5
//   P1 arxiv:2510.00001 "Looped Transformers for Reasoning"  bytedance; looped-transformer;
//      names google in its text (a mention, not a tag); links to P2
//   P2 arxiv:2510.00002 "Speculative Decoding at Scale"      google; speculative-decoding
//   P3 arxiv:2510.00003 "Universal Looped Models"            bytedance; looped-transformer; links to P4
//   P4 arxiv:2510.00004 "Diffusion Language Models"          stability-ai; diffusion, looped-transformer
//   P5 title:루프 모델 연구 (no arXiv id)                     google; looped-transformer
//   looped-transformer -subtopic_of-> transformer-architecture
#pragma once

#include <memory>
#include <string>

#include "storage/store.h"

namespace pg::testing {

// Opens a new store in `dir` and fills it with the graph above.
std::unique_ptr<Store> BuildQueryTestGraph(const std::string& dir);

}  // namespace pg::testing
