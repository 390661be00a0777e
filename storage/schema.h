// The store's layout (docs/storage.md): column families, the schema version,
// and the rule that turns a document record into the index entries it owns.
// Every entry of nodes/out/in/names/deps is derived from exactly one document
// record, so writing, retracting and checking a document all use
// DeriveEntries. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/doc_record.h"

namespace pg {

// Bump when the meaning of any key or value changes.
inline constexpr int kSchemaVersion = 2;  // 2: labels

enum class Cf { kDefault = 0, kMeta, kDocs, kNodes, kOut, kIn, kNames, kDeps, kLabels };
inline constexpr int kCfCount = 9;

// "default", "meta", "docs", "nodes", "out", "in", "names", "deps", "labels".
const char* CfName(Cf cf);

struct Entry {
  Cf cf;
  std::string key;
  std::string value;
};

// The index entries a document record owns (not the record itself):
//   nodes  id \0 doc                 -> its property values for that node
//   out    src \0 kind \0 dst \0 doc -> weight, position, evidence
//   in     dst \0 kind \0 src \0 doc -> weight, position
//   names  name \0 id \0 doc         -> ""
//   deps   key \0 doc                -> ""   (one per depends_on key)
//   labels id \0 doc                 -> the "title"/"name" values of its nodes
//                                       entry, without provenance: display
//                                       names for thousands of nodes without
//                                       reading their (long) properties
// Facts repeated inside one document are merged into one entry.
// REQUIRES: rec holds full facts (as built by the importer, not as decoded).
std::vector<Entry> DeriveEntries(const DocRecord& rec);

// The keys of those entries, which is all a decoded record can give (see
// value_codec.h): used to retract a document and to check the indexes.
std::vector<std::pair<Cf, std::string>> DeriveKeys(const DocRecord& rec);

}  // namespace pg
