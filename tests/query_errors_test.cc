// Invalid queries and their exact messages, kept as data in
// tests/data/query_errors.txt.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "query/parser.h"

using namespace pg;

TEST_CASE("every invalid query in tests/data/query_errors.txt fails with its message") {
  std::ifstream in(std::string(PAPERGRAPH_SOURCE_DIR) + "/tests/data/query_errors.txt");
  REQUIRE(in.good());
  // Blocks separated by blank lines: "> query", then the expected message lines.
  std::string line, query, expected;
  int cases = 0;
  auto finish = [&] {
    if (query.empty()) return;
    Query q;
    QueryError e;
    bool ok = ParseQuery(query, &q, &e);
    CHECK_MESSAGE(!ok, "parsed but should fail: " << query);
    if (!ok) CHECK(FormatQueryError(query, e) + "\n" == expected);
    ++cases;
    query.clear();
    expected.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) continue;
    if (line.empty()) {
      finish();
      continue;
    }
    if (line.rfind("> ", 0) == 0) {
      query = line.substr(2);
      continue;
    }
    expected += line + "\n";
  }
  finish();
  CHECK(cases >= 25);
}
