// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex: what the query
// cases of ../shared/tools/corpus_queries.py use to name a set of nodes
// (hashlib.sha256 of the sorted references joined by "\n"). A compact
// implementation so that the benchmark needs no crypto library. Pure
// function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pg {

std::string Sha256Hex(std::string_view data);

}  // namespace pg
