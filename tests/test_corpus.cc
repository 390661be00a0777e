#include "tests/test_corpus.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>

#include "tests/test_util.h"

namespace pg::testing {

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    auto e = Extractor::Load(PAPERGRAPH_DATA_DIR, {});
    REQUIRE_MESSAGE(e.ok(), e.status().ToString());
    return std::move(e).value();
  }();
  return *extractor;
}

namespace {

const char* kOrgs[] = {"google", "nvidia", "bytedance", "meta", "microsoft", "alibaba", "deepmind", "openai"};
const char* kTopics[] = {"looped transformer", "speculative decoding", "mixture of experts", "sparse attention",
                         "linear attention", "rotary position embedding"};

struct Paper {
  std::string arxiv, title, org;
};

std::vector<Paper> PapersOf(int i, char version) {
  char id[32];
  std::vector<Paper> out;
  if (version == 'A') {
    std::snprintf(id, sizeof id, "2601.%05d", 10000 + i);
    out.push_back({id, "Alpha Study " + std::to_string(i) + " One", kOrgs[i % 8]});
    std::snprintf(id, sizeof id, "2601.%05d", 20000 + i);
    out.push_back({id, "Alpha Study " + std::to_string(i) + " Two", kOrgs[(i + 1) % 8]});
  } else {
    std::snprintf(id, sizeof id, "2602.%05d", 10000 + i);
    out.push_back({id, "Beta Study " + std::to_string(i) + " One", kOrgs[(i + 3) % 8]});
    std::snprintf(id, sizeof id, "2602.%05d", 30000 + i);
    out.push_back({id, "Beta Study " + std::to_string(i) + " Three", kOrgs[(i + 6) % 8]});
  }
  return out;
}

std::string DocOf(int i) {
  char name[64];
  std::snprintf(name, sizeof name, "docs/papers/y2025/oct/post-%03d.md", i);
  return name;
}

// The Docusaurus heading slug of "1. Title `org`".
std::string Slug(const Paper& p, int n) {
  std::string s = std::to_string(n) + " " + p.title + " " + p.org;
  std::string out;
  for (char c : s) {
    if (c == ' ')
      out.push_back('-');
    else if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

std::string PostId(int i) { return "post:" + DocOf(i); }

std::vector<GeneratedPost> GeneratePosts(int count, char version) {
  std::vector<GeneratedPost> posts;
  for (int i = 0; i < count; ++i) {
    std::vector<Paper> papers = PapersOf(i, version);
    char date[16];
    std::snprintf(date, sizeof date, "2025-10-%02d", 1 + i % 28);
    std::string text = std::string("# ") + date + " papers review\n\n";
    for (size_t k = 0; k < papers.size(); ++k) {
      const Paper& p = papers[k];
      text += "## " + std::to_string(k + 1) + ". [" + p.title + "](https://huggingface.co/papers/" + p.arxiv + ") `" +
              p.org + "`\n\n";
      text += std::string("This paper studies ") + kTopics[(i + k) % 6] + " and " + kTopics[(i + k + 2) % 6] +
              ". It reports results on reasoning benchmarks and discusses the cost of training.\n\n";
      text += "이 논문은 " + std::string(kTopics[(i + k + 4) % 6]) + " 를 다룬다. 실험 결과와 한계를 정리한다.\n\n";
      if (k == 0 && i > 0) {
        // The previous post's first paper, in the version this post was written against.
        std::vector<Paper> prev = PapersOf(i - 1, version);
        std::string target = DocOf(i - 1);
        target.resize(target.size() - 3);  // without ".md", as site links are written
        text += "[이전 글](/";
        text += target;
        text += "#";
        text += Slug(prev[0], 1);
        text += ") 의 후속 연구.\n\n";
      }
    }
    posts.push_back({DocOf(i), std::move(text)});
  }
  return posts;
}

void WritePosts(const std::string& root, const std::vector<GeneratedPost>& posts) {
  for (const GeneratedPost& p : posts) WriteFile(root + "/" + p.doc, p.text);
}

std::vector<PaperFact> PostPapers(int i, char version) {
  std::vector<PaperFact> out;
  for (const Paper& p : PapersOf(i, version)) out.push_back({"arxiv:" + p.arxiv, p.title, "org:" + p.org});
  return out;
}

std::vector<std::pair<std::string, std::string>> PostAffiliations(int i, char version) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Paper& p : PapersOf(i, version)) out.emplace_back("arxiv:" + p.arxiv, "org:" + p.org);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pg::testing
