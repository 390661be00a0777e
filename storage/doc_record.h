// What the store remembers about one source document: its content hash (to
// skip unchanged files), the importer's parsed form (opaque here; kept so the
// importer can resolve the document again when others change), the facts it
// contributed (so they can be retracted exactly), and the resolution keys it
// depends on and provides. Plain data; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "core/facts.h"

namespace pg {

struct DocRecord {
  std::string doc;     // path relative to the import root; also the provenance file
  std::string hash;    // content hash (with the lexicon and alias fingerprints)
  std::string format;  // "docusaurus", "jekyll", "digest", "generic", "lexicon"
  std::string parsed;  // the importer's parsed form, opaque to the store
  DocumentFacts facts;
  // Keys whose meaning this document's facts were resolved against
  // ("post:<path>" for a cross-link target, "title:<normalized>" for a
  // title-only paper). When a document providing such a key changes, the
  // documents depending on it are resolved again.
  std::vector<std::string> depends_on;
  std::vector<std::string> provides;

  bool operator==(const DocRecord&) const = default;
};

}  // namespace pg
