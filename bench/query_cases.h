// The query half of papergraph-bench: every case of OUT/queries.json
// (../shared/tools/corpus_queries.py) written in papergraph's query language,
// run in-process through QueryEngine on the imported store, timed warm
// (median of R runs) and checked against the case's `expected` exactly as
// ../shared/bench/peers/common.py checks the peers' answers.
//
//   orgs_by_topic  topic:T <-mentions- paper -affiliated-> org | count by org
//   khop           neighbors N depth K via reviews, affiliated, mentions:topic, links_to | select node
//   shortest_path  path A to B via reviews, affiliated, mentions:topic, links_to | select hop, from, edge, to
//   links_chain    N -links_to*1..S-> paper
//
// The truth has neither subtopic_of edges (papergraph links lexicon topics
// to their parents) nor text mentions of labs (paper -mentions-> org), so
// khop and path follow only the truth's edges: its four kinds, mentions only
// where they touch a topic (docs/benchmarks.md).
//
// The answer, as the peers', is the rows' node ids: QueryOptions::list_nodes
// is off (each case is timed again with it on, "with_names_us"), and `path`
// selects away the evidence column (so it reads no evidence from the store).
// Papergraph ids are mapped to the truth's references through
// OUT/truth.jsonl: arxiv:ID -> paper:ID, title:<norm> -> paper:<id> of the
// has_url=false paper with that normalized title, org:/topic:/post:
// unchanged. Not thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/status.h"
#include "storage/store.h"

namespace pg {

struct QueryCase {
  std::string name;   // "khop/paper_k2"
  std::string type;   // "orgs_by_topic", "khop", "shortest_path", "links_chain"
  std::string query;  // papergraph's query text
  nlohmann::json spec;  // the case as queries.json gives it (with "expected")
};

struct QueryCasesReport {
  nlohmann::ordered_json queries = nlohmann::ordered_json::object();  // case -> {"median_us", "ok", ...}
  double truth_s = 0;     // reading truth.jsonl (not part of any query time)
  double snapshot_s = 0;  // building the in-memory snapshot once, before the first case
  bool ok = true;
};

// The cases of out_dir/queries.json with their papergraph queries; reads
// out_dir/truth.jsonl to name title-only papers.
Result<std::vector<QueryCase>> LoadQueryCases(const std::string& out_dir);

// Runs every case once untimed and then `repeat` times on `store` (warm:
// the snapshot is built first and reused) and checks the last answer of each.
Result<QueryCasesReport> RunQueryCases(const Store& store, const std::string& out_dir, int repeat);

}  // namespace pg
