// Generated review posts for tests that need many documents that change:
// fault injection and concurrency (tests/fault_test.cc,
// tests/concurrency_test.cc). Deterministic. Post i is a Docusaurus review
// (docs/papers/y2025/oct/post-NNN.md) of two papers with lab tags, a few
// technique names, and a cross-link to post i-1. Version 'A' and version
// 'B' of a post are the same file with other papers and other labs, so a
// test can import A, then B, and tell for every document which one a reader
// sees.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "importers/extract.h"

namespace pg::testing {

// The extractor over data/ (loaded once; fails the test when data/ is broken).
const Extractor& TheExtractor();

struct GeneratedPost {
  std::string doc;   // id path: docs/papers/y2025/oct/post-007.md
  std::string text;
};

std::vector<GeneratedPost> GeneratePosts(int count, char version);

// Writes the posts under `root` (their doc paths are relative to it).
void WritePosts(const std::string& root, const std::vector<GeneratedPost>& posts);

// What version `version` of post `i` reviews: paper id, title, lab (org id).
struct PaperFact {
  std::string id, title, org;
};
std::vector<PaperFact> PostPapers(int i, char version);

// The same as (paper id, org id) pairs, sorted.
std::vector<std::pair<std::string, std::string>> PostAffiliations(int i, char version);

// The post id of post i: "post:docs/papers/y2025/oct/post-007.md".
std::string PostId(int i);

}  // namespace pg::testing
