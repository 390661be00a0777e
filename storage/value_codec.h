// Encoding of the store's values (core/bytes.h: varints and length-prefixed
// strings): compact and fast on the import path. Pure functions; thread-safe.
// Decoders return Corruption on malformed input, never read out of bounds.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/facts.h"
#include "core/status.h"
#include "storage/doc_record.h"

namespace pg {

// A document record keeps the *keys* of its facts, not their values: enough
// to retract them exactly and to check the indexes, at a fraction of the
// size. A decoded record's facts therefore have ids, edge ends and names, but
// no properties, weights or evidence (read those from the indexes).
std::string EncodeDocRecord(const DocRecord& rec);
Result<DocRecord> DecodeDocRecord(std::string_view bytes);

// The properties one document states about one node.
std::string EncodeProps(const std::vector<PropertyFact>& props);
Status DecodeProps(std::string_view bytes, std::vector<PropertyFact>* out);
// Calls fn(name, value) for each property in `bytes` without copying them
// (the views die with `bytes`): for the display names of thousands of nodes.
Status ForEachPropValue(std::string_view bytes, const std::function<void(std::string_view name, std::string_view value)>& fn);

// One document's support for one edge: summed weight, first position, and
// the evidence (file is the document, so only line and snippet are stored).
struct EdgeSupport {
  double weight = 0;
  int position = 0;
  std::vector<Provenance> evidence;
};
std::string EncodeEdgeSupport(const EdgeSupport& s);
Status DecodeEdgeSupport(std::string_view bytes, const std::string& doc, EdgeSupport* out);

// The reverse index keeps only weight and position.
std::string EncodeEdgeWeight(double weight, int position);
Status DecodeEdgeWeight(std::string_view bytes, double* weight, int* position);

}  // namespace pg
