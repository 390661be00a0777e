// A parsed post plus what the lexicon and the lab aliases found in it: the
// form the importer stores with each document and resolves into graph facts
// (see materialize.h). Depends only on the text and the data files, never on
// other documents. Plain data; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "importers/parsed_document.h"

namespace pg {

// A technique named in a paper's title or review text.
struct TopicHit {
  std::string topic;    // canonical id without prefix ("looped-transformer")
  std::string surface;  // as written ("루프 트랜스포머", "Looped Transformers")
  int line = 0;
  std::string snippet;
  double weight = 1;      // title mentions weigh more than body mentions
  bool discovered = false;  // a definition found in the text, not a lexicon topic
  std::string name;         // display name of a discovered topic ("Rollout Routing Replay")
};

// A lab tied to a paper: an explicit tag (affiliated) or a name in the text (mentions).
struct OrgHit {
  std::string org;      // canonical id without prefix ("xiaomi")
  std::string name;     // display name ("Xiaomi")
  std::string surface;  // as written ("shaomi")
  int line = 0;
  std::string snippet;
  bool tag = false;  // true: explicit tag; false: named in the text
};

struct PaperExtraction {
  std::vector<TopicHit> topics;
  std::vector<OrgHit> orgs;
  // Labs named at the end of a cross-link's anchor (`...-amazon`): evidence
  // for the paper the link points to. `surface` holds the link's URL.
  std::vector<OrgHit> link_orgs;
};

struct ExtractedPost {
  ParsedPost post;
  std::vector<PaperExtraction> papers;  // index-aligned with post.papers
  // Where site-absolute links (/docs/...) start, relative to the import root,
  // when the user named it (--site-root); otherwise found per link from the
  // linking file's own path.
  bool has_site_root = false;
  std::string site_root;
};

// Compact binary encoding (core/bytes.h), stored as DocRecord::parsed.
std::string EncodeExtractedPost(const ExtractedPost& x);
Result<ExtractedPost> DecodeExtractedPost(std::string_view bytes);

}  // namespace pg
