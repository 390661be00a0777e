#include "storage/value_codec.h"

#include <nlohmann/json.hpp>

namespace pg {
namespace {

using json = nlohmann::json;

std::string ToBytes(const json& j) {
  std::vector<std::uint8_t> v = json::to_msgpack(j);
  return std::string(v.begin(), v.end());
}

json FromBytes(std::string_view bytes) {
  return json::from_msgpack(bytes.begin(), bytes.end(), /*strict=*/true, /*allow_exceptions=*/false);
}

json FactsToJson(const DocumentFacts& f) {
  json nodes = json::array();
  for (const NodeFacts& n : f.nodes) {
    json props = json::array();
    for (const PropertyFact& p : n.props) props.push_back({p.name, p.value, p.where.line, p.where.snippet});
    nodes.push_back({n.id, props});
  }
  json edges = json::array();
  for (const EdgeFact& e : f.edges)
    edges.push_back({e.src, static_cast<int>(e.kind), e.dst, e.weight, e.position, e.where.line,
                     e.where.snippet});
  json names = json::array();
  for (const NameFact& n : f.names) names.push_back({n.name, n.id});
  return {{"n", nodes}, {"e", edges}, {"a", names}};
}

DocumentFacts FactsFromJson(const json& j, const std::string& doc) {
  DocumentFacts f;
  for (const json& n : j.at("n")) {
    NodeFacts nf;
    nf.id = n.at(0).get<std::string>();
    for (const json& p : n.at(1))
      nf.props.push_back({p.at(0).get<std::string>(), p.at(1).get<std::string>(),
                          {doc, p.at(2).get<int>(), p.at(3).get<std::string>()}});
    f.nodes.push_back(std::move(nf));
  }
  for (const json& e : j.at("e")) {
    EdgeFact ef;
    ef.src = e.at(0).get<std::string>();
    ef.kind = static_cast<EdgeKind>(e.at(1).get<int>());
    ef.dst = e.at(2).get<std::string>();
    ef.weight = e.at(3).get<double>();
    ef.position = e.at(4).get<int>();
    ef.where = {doc, e.at(5).get<int>(), e.at(6).get<std::string>()};
    f.edges.push_back(std::move(ef));
  }
  for (const json& n : j.at("a")) f.names.push_back({n.at(0).get<std::string>(), n.at(1).get<std::string>()});
  return f;
}

}  // namespace

std::string EncodeDocRecord(const DocRecord& rec) {
  json j = {{"doc", rec.doc},       {"hash", rec.hash},
            {"format", rec.format}, {"parsed", json::binary(std::vector<std::uint8_t>(
                                                   rec.parsed.begin(), rec.parsed.end()))},
            {"facts", FactsToJson(rec.facts)}, {"deps", rec.depends_on},
            {"provides", rec.provides}};
  return ToBytes(j);
}

Result<DocRecord> DecodeDocRecord(std::string_view bytes) {
  json j = FromBytes(bytes);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("document record is not valid MessagePack");
  try {
    DocRecord rec;
    rec.doc = j.at("doc").get<std::string>();
    rec.hash = j.at("hash").get<std::string>();
    rec.format = j.at("format").get<std::string>();
    const auto& bin = j.at("parsed").get_binary();
    rec.parsed.assign(bin.begin(), bin.end());
    rec.facts = FactsFromJson(j.at("facts"), rec.doc);
    rec.depends_on = j.at("deps").get<std::vector<std::string>>();
    rec.provides = j.at("provides").get<std::vector<std::string>>();
    return rec;
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("document record: ") + e.what());
  }
}

std::string EncodeProps(const std::vector<PropertyFact>& props) {
  json a = json::array();
  for (const PropertyFact& p : props) a.push_back({p.name, p.value, p.where.line, p.where.snippet});
  return ToBytes(a);
}

Status DecodeProps(std::string_view bytes, std::vector<PropertyFact>* out) {
  json a = FromBytes(bytes);
  if (a.is_discarded() || !a.is_array()) return Status::Corruption("node properties are not valid MessagePack");
  try {
    for (const json& p : a)
      out->push_back({p.at(0).get<std::string>(), p.at(1).get<std::string>(),
                      {"", p.at(2).get<int>(), p.at(3).get<std::string>()}});
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("node properties: ") + e.what());
  }
  return Status::OK();
}

std::string EncodeEdgeSupport(const EdgeSupport& s) {
  json ev = json::array();
  for (const Provenance& p : s.evidence) ev.push_back({p.line, p.snippet});
  return ToBytes(json::array({s.weight, s.position, ev}));
}

Status DecodeEdgeSupport(std::string_view bytes, const std::string& doc, EdgeSupport* out) {
  json a = FromBytes(bytes);
  if (a.is_discarded() || !a.is_array() || a.size() != 3) return Status::Corruption("edge value is not valid");
  try {
    out->weight = a[0].get<double>();
    out->position = a[1].get<int>();
    for (const json& p : a[2]) out->evidence.push_back({doc, p.at(0).get<int>(), p.at(1).get<std::string>()});
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("edge value: ") + e.what());
  }
  return Status::OK();
}

std::string EncodeEdgeWeight(double weight, int position) {
  return ToBytes(json::array({weight, position}));
}

Status DecodeEdgeWeight(std::string_view bytes, double* weight, int* position) {
  json a = FromBytes(bytes);
  if (a.is_discarded() || !a.is_array() || a.size() != 2 || !a[0].is_number() || !a[1].is_number_integer())
    return Status::Corruption("reverse edge value is not valid");
  *weight = a[0].get<double>();
  *position = a[1].get<int>();
  return Status::OK();
}

}  // namespace pg
