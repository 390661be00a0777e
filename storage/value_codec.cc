#include "storage/value_codec.h"

#include <set>
#include <tuple>

#include "core/bytes.h"

namespace pg {
namespace {

// Leading byte of every document record: lets a future format be told apart.
constexpr uint64_t kRecordFormat = 1;

}  // namespace

std::string EncodeDocRecord(const DocRecord& rec) {
  ByteWriter w;
  w.Varint(kRecordFormat);
  w.String(rec.doc);
  w.String(rec.hash);
  w.String(rec.format);
  w.String(rec.parsed);
  std::set<std::string> nodes;
  for (const NodeFacts& n : rec.facts.nodes) nodes.insert(n.id);
  std::set<std::tuple<std::string, int, std::string>> edges;
  for (const EdgeFact& e : rec.facts.edges) edges.emplace(e.src, static_cast<int>(e.kind), e.dst);
  std::set<std::pair<std::string, std::string>> names;
  for (const NameFact& n : rec.facts.names) names.emplace(n.name, n.id);
  w.Varint(nodes.size());
  for (const std::string& id : nodes) w.String(id);
  w.Varint(edges.size());
  for (const auto& [src, kind, dst] : edges) {
    w.String(src);
    w.Varint(static_cast<uint64_t>(kind));
    w.String(dst);
  }
  w.Varint(names.size());
  for (const auto& [name, id] : names) {
    w.String(name);
    w.String(id);
  }
  for (const std::vector<std::string>* list : {&rec.depends_on, &rec.provides}) {
    w.Varint(list->size());
    for (const std::string& s : *list) w.String(s);
  }
  return w.Take();
}

Result<DocRecord> DecodeDocRecord(std::string_view bytes) {
  ByteReader r(bytes);
  if (r.Varint() != kRecordFormat) return Status::Corruption("document record has an unknown format");
  DocRecord rec;
  rec.doc = r.String();
  rec.hash = r.String();
  rec.format = r.String();
  rec.parsed = r.String();
  for (uint64_t n = r.Count(), i = 0; i < n && r.ok(); ++i) rec.facts.nodes.push_back({r.String(), {}});
  for (uint64_t n = r.Count(), i = 0; i < n && r.ok(); ++i) {
    EdgeFact e;
    e.src = r.String();
    uint64_t kind = r.Varint();
    if (kind > static_cast<uint64_t>(EdgeKind::kSubtopicOf)) return Status::Corruption("document record: bad edge kind");
    e.kind = static_cast<EdgeKind>(kind);
    e.dst = r.String();
    e.weight = 0;
    rec.facts.edges.push_back(std::move(e));
  }
  for (uint64_t n = r.Count(), i = 0; i < n && r.ok(); ++i) {
    NameFact name;
    name.name = r.String();
    name.id = r.String();
    rec.facts.names.push_back(std::move(name));
  }
  for (std::vector<std::string>* list : {&rec.depends_on, &rec.provides})
    for (uint64_t n = r.Count(), i = 0; i < n && r.ok(); ++i) list->push_back(r.String());
  if (!r.done()) return Status::Corruption("document record is truncated or malformed");
  return rec;
}

std::string EncodeProps(const std::vector<PropertyFact>& props) {
  ByteWriter w;
  w.Varint(props.size());
  for (const PropertyFact& p : props) {
    w.String(p.name);
    w.String(p.value);
    w.Int(p.where.line);
    w.String(p.where.snippet);
  }
  return w.Take();
}

Status DecodeProps(std::string_view bytes, std::vector<PropertyFact>* out) {
  ByteReader r(bytes);
  for (uint64_t n = r.Count(), i = 0; i < n && r.ok(); ++i) {
    PropertyFact p;
    p.name = r.String();
    p.value = r.String();
    p.where.line = static_cast<int>(r.Int());
    p.where.snippet = r.String();
    out->push_back(std::move(p));
  }
  return r.done() ? Status::OK() : Status::Corruption("node properties are malformed");
}

Status ForEachPropValue(std::string_view bytes, const std::function<void(std::string_view, std::string_view)>& fn) {
  ByteReader r(bytes);
  for (uint64_t n = r.Count(), i = 0; i < n && r.ok(); ++i) {
    std::string_view name = r.StringView();
    std::string_view value = r.StringView();
    r.Int();         // line
    r.StringView();  // snippet
    if (r.ok()) fn(name, value);
  }
  return r.done() ? Status::OK() : Status::Corruption("node properties are malformed");
}

std::string EncodeEdgeSupport(const EdgeSupport& s) {
  ByteWriter w;
  w.Double(s.weight);
  w.Int(s.position);
  w.Varint(s.evidence.size());
  for (const Provenance& p : s.evidence) {
    w.Int(p.line);
    w.String(p.snippet);
  }
  return w.Take();
}

Status DecodeEdgeSupport(std::string_view bytes, const std::string& doc, EdgeSupport* out) {
  ByteReader r(bytes);
  out->weight = r.Double();
  out->position = static_cast<int>(r.Int());
  for (uint64_t n = r.Count(), i = 0; i < n && r.ok(); ++i) {
    Provenance p;
    p.file = doc;
    p.line = static_cast<int>(r.Int());
    p.snippet = r.String();
    out->evidence.push_back(std::move(p));
  }
  return r.done() ? Status::OK() : Status::Corruption("edge value is malformed");
}

std::string EncodeEdgeWeight(double weight, int position) {
  ByteWriter w;
  w.Double(weight);
  w.Int(position);
  return w.Take();
}

Status DecodeEdgeWeight(std::string_view bytes, double* weight, int* position) {
  ByteReader r(bytes);
  *weight = r.Double();
  *position = static_cast<int>(r.Int());
  return r.done() ? Status::OK() : Status::Corruption("reverse edge value is malformed");
}

}  // namespace pg
