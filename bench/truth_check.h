// Compares the graph in a store with the ground truth that
// ../shared/tools/gen_corpus.py writes (truth.jsonl): per edge kind, how many
// truth edges the store has (recall) and how many store edges are true
// (precision). Only the kinds and nodes the truth describes are compared:
// subtopic_of edges and text mentions of labs are papergraph's own additions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "storage/store.h"

namespace pg {

struct KindScore {
  size_t truth = 0, found = 0, correct = 0;
  std::vector<std::string> missing, extra;  // a few examples each
};

struct TruthReport {
  std::map<std::string, KindScore> kinds;  // "reviews", "affiliated", "mentions", "links_to", "nodes:paper", ...
  bool perfect() const;
};

// The papergraph id of a truth node: papers named by arXiv id map to
// "arxiv:ID", papers only ever reviewed by title ("has_url": false) to
// "title:<NormalizeName(name)>"; labs, topics and posts to their prefixes.
std::string PapergraphIdOf(const std::string& kind, const std::string& id, const std::string& name, bool has_url);

Result<TruthReport> CheckAgainstTruth(const Store& store, const std::string& truth_jsonl);

}  // namespace pg
