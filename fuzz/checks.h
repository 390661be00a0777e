// The properties the fuzz targets assert, one function per target. The libFuzzer entry points
// (fuzz/*_fuzzer.cc) call them on generated inputs; tests/fuzz_regressions_test.cc calls them
// on every file under fuzz/regressions/<target>/ in the normal build, so an input that once
// broke a property stays tested without clang. Each returns OK or a Status naming the property
// the input broke; crashes, leaks and undefined behaviour are the sanitizers' to report.
// Thread-compatible: a QueryFixture serves one thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "importers/extract.h"
#include "query/engine.h"
#include "storage/store.h"

namespace pg::fuzz {

// post: any bytes as a post file. DetectFormat, ParsePost, then the lexicon and the lab aliases
// (Extractor::Extract) over what it parsed, and the stored form's encode/decode round trip.
// The bytes are also handed to DecodeExtractedPost as if they were a stored record.
Status CheckPost(std::string_view data, const Extractor& extractor);

// front_matter: SplitFrontMatter (yaml-cpp and the line-by-line recovery) on the text, and
// DateFromValue / DateFromFileName on its first line.
Status CheckFrontMatter(std::string_view data);

// link: "url\nlinking_doc\nsite_root" (the third line, when present, turns --site-root on):
// ClassifyLink, CandidateDocs, StripPostExtension, and DocusaurusSlug of the url's text as
// a heading, which a link to it must resolve back to.
Status CheckLink(std::string_view data);

// The query engine over the bundled examples (examples/) in a scratch store that is removed
// with the fixture.
class QueryFixture {
 public:
  // `source_dir` is the repository (it reads examples/ and data/).
  static Result<std::unique_ptr<QueryFixture>> Create(const std::string& source_dir);
  ~QueryFixture();
  QueryEngine* engine() { return engine_.get(); }

 private:
  QueryFixture() = default;
  std::string dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<QueryEngine> engine_;
};

// query (fixture == nullptr): any bytes as query text through the lexer, ParseQuery and the
// error rendering. query_engine (with a fixture): then QueryEngine::Run under tight bounds,
// once on store prefix scans and once on the Boost.Graph snapshot, which must agree.
Status CheckQuery(std::string_view data, QueryFixture* fixture);

}  // namespace pg::fuzz
