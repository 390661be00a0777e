// The facts one source document contributes to the graph, with provenance.
// The store keeps each document's facts apart so that a document can be
// retracted exactly; the graph a reader sees is the union over documents.
// Plain data; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "core/kinds.h"
#include "core/provenance.h"

namespace pg {

// One property value of a node, as one document states it ("title" =
// "GraphNet: ..." at posts/a.md:12). A node may have several values for the
// same property from different places; readers choose by a written rule.
struct PropertyFact {
  std::string name;
  std::string value;
  Provenance where;

  bool operator==(const PropertyFact&) const = default;
};

// A node this document mentions, with the properties it states about it.
// A node exists in the graph while at least one document states it.
struct NodeFacts {
  std::string id;
  std::vector<PropertyFact> props;

  bool operator==(const NodeFacts&) const = default;
};

// A directed, typed edge with the evidence for it. `weight` adds up over all
// evidence (mention counts, title mentions weighted higher); `position` is the
// order of a paper in a post for `reviews` edges (0 otherwise).
struct EdgeFact {
  std::string src;
  EdgeKind kind = EdgeKind::kMentions;
  std::string dst;
  double weight = 1.0;
  int position = 0;
  Provenance where;

  bool operator==(const EdgeFact&) const = default;
};

// A name or alias (already normalized with NormalizeName) by which `id` can
// be looked up.
struct NameFact {
  std::string name;
  std::string id;

  bool operator==(const NameFact&) const = default;
};

struct DocumentFacts {
  std::vector<NodeFacts> nodes;
  std::vector<EdgeFact> edges;
  std::vector<NameFact> names;

  bool operator==(const DocumentFacts&) const = default;
};

}  // namespace pg
