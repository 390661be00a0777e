#include "storage/schema.h"

#include <map>
#include <set>
#include <tuple>

#include "core/kinds.h"
#include "storage/key_codec.h"
#include "storage/value_codec.h"

namespace pg {

const char* CfName(Cf cf) {
  switch (cf) {
    case Cf::kDefault: return "default";
    case Cf::kMeta: return "meta";
    case Cf::kDocs: return "docs";
    case Cf::kNodes: return "nodes";
    case Cf::kOut: return "out";
    case Cf::kIn: return "in";
    case Cf::kNames: return "names";
    case Cf::kDeps: return "deps";
    case Cf::kLabels: return "labels";
  }
  return "?";
}

std::vector<Entry> DeriveEntries(const DocRecord& rec) {
  const std::string& doc = rec.doc;
  std::vector<Entry> out;

  std::map<std::string, std::vector<PropertyFact>> props;  // merged per node id
  for (const NodeFacts& n : rec.facts.nodes) {
    auto& list = props[n.id];
    list.insert(list.end(), n.props.begin(), n.props.end());
  }
  for (const auto& [id, list] : props) {
    out.push_back({Cf::kNodes, JoinKey({id, doc}), EncodeProps(list)});
    std::vector<PropertyFact> names;
    for (const PropertyFact& p : list)
      if (p.name == "title" || p.name == "name") names.push_back({p.name, p.value, {}});
    out.push_back({Cf::kLabels, JoinKey({id, doc}), EncodeProps(names)});
  }

  std::map<std::tuple<std::string, int, std::string>, EdgeSupport> edges;
  for (const EdgeFact& e : rec.facts.edges) {
    EdgeSupport& s = edges[{e.src, static_cast<int>(e.kind), e.dst}];
    s.weight += e.weight;
    if (e.position > 0 && (s.position == 0 || e.position < s.position)) s.position = e.position;
    s.evidence.push_back(e.where);
  }
  for (const auto& [k, s] : edges) {
    const auto& [src, kind, dst] = k;
    std::string_view kind_name = EdgeKindName(static_cast<EdgeKind>(kind));
    out.push_back({Cf::kOut, JoinKey({src, kind_name, dst, doc}), EncodeEdgeSupport(s)});
    out.push_back({Cf::kIn, JoinKey({dst, kind_name, src, doc}), EncodeEdgeWeight(s.weight, s.position)});
  }

  std::map<std::string, bool> names;
  for (const NameFact& n : rec.facts.names) names[JoinKey({n.name, n.id, doc})] = true;
  for (const auto& [key, unused] : names) out.push_back({Cf::kNames, key, ""});

  std::map<std::string, bool> deps;
  for (const std::string& d : rec.depends_on) deps[JoinKey({d, doc})] = true;
  for (const auto& [key, unused] : deps) out.push_back({Cf::kDeps, key, ""});
  return out;
}

std::vector<std::pair<Cf, std::string>> DeriveKeys(const DocRecord& rec) {
  const std::string& doc = rec.doc;
  std::set<std::pair<Cf, std::string>> keys;
  for (const NodeFacts& n : rec.facts.nodes) {
    keys.emplace(Cf::kNodes, JoinKey({n.id, doc}));
    keys.emplace(Cf::kLabels, JoinKey({n.id, doc}));
  }
  for (const EdgeFact& e : rec.facts.edges) {
    std::string_view kind = EdgeKindName(e.kind);
    keys.emplace(Cf::kOut, JoinKey({e.src, kind, e.dst, doc}));
    keys.emplace(Cf::kIn, JoinKey({e.dst, kind, e.src, doc}));
  }
  for (const NameFact& n : rec.facts.names) keys.emplace(Cf::kNames, JoinKey({n.name, n.id, doc}));
  for (const std::string& d : rec.depends_on) keys.emplace(Cf::kDeps, JoinKey({d, doc}));
  return {keys.begin(), keys.end()};
}

}  // namespace pg
