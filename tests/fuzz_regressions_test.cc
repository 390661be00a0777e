// Replays every input under fuzz/regressions/<target>/ through that target's checks
// (fuzz/checks.h), so inputs that once crashed a fuzzer or broke a property stay tested in
// the normal build and, in build-asan/, under ASan and UBSan, without clang or libFuzzer.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "fuzz/checks.h"

using namespace pg;
namespace fs = std::filesystem;

namespace {

const fs::path kRegressions = fs::path(PAPERGRAPH_SOURCE_DIR) / "fuzz" / "regressions";

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Calls check(bytes) on every file of fuzz/regressions/<target>/ (none is fine).
template <typename Check>
void Replay(const std::string& target, Check check) {
  fs::path dir = kRegressions / target;
  if (!fs::is_directory(dir)) return;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    Status s = check(ReadBytes(e.path()));
    CHECK_MESSAGE(s.ok(), e.path().string() << ": " << s.ToString());
  }
}

}  // namespace

TEST_CASE("every folder under fuzz/regressions/ names a fuzz target") {
  const std::set<std::string> targets = {"post", "front_matter", "link", "query", "query_engine"};
  REQUIRE(fs::is_directory(kRegressions));
  for (const fs::directory_entry& e : fs::directory_iterator(kRegressions))
    if (e.is_directory())
      CHECK_MESSAGE(targets.count(e.path().filename().string()), e.path().string() << " is replayed by no target");
}

TEST_CASE("fuzz regressions: post") {
  auto extractor = Extractor::Load(PAPERGRAPH_DATA_DIR, {});
  REQUIRE(extractor.ok());
  Replay("post", [&](const std::string& bytes) { return fuzz::CheckPost(bytes, **extractor); });
}

TEST_CASE("fuzz regressions: front_matter") { Replay("front_matter", fuzz::CheckFrontMatter); }

TEST_CASE("fuzz regressions: link") { Replay("link", fuzz::CheckLink); }

TEST_CASE("fuzz regressions: query") {
  Replay("query", [](const std::string& bytes) { return fuzz::CheckQuery(bytes, nullptr); });
}

TEST_CASE("fuzz regressions: query_engine") {
  auto fixture = fuzz::QueryFixture::Create(PAPERGRAPH_SOURCE_DIR);
  REQUIRE_MESSAGE(fixture.ok(), fixture.status().ToString());
  // What broke the engine is replayed through the parser checks too, and vice versa: the
  // query target's inputs run through the engine here.
  for (const char* target : {"query_engine", "query"})
    Replay(target, [&](const std::string& bytes) { return fuzz::CheckQuery(bytes, fixture->get()); });
}
