// Finding lab names in running text (DESIGN §2: org names in text are weaker
// evidence than explicit tags, kept apart as `mentions`). Only the prose names
// of data/orgs.tsv are matched, with the rules of AliasScanner
// (topic_matcher.h); on top of those:
//  - a Korean name may be followed only by a particle (구글의, 메타는; not
//    메타버스, 메타데이터);
//  - a strict name ("=Apple", "=MIT") must match its case and must not be
//    glued to a '-' ("Meta-learning"); a strict Korean name ("=메타") must carry
//    a particle (메타는, 메타의; not 메타 리뷰어, 메타 토큰);
//  - a "not in prose" phrase that covers a name ("MIT license", "메타 학습")
//    swallows it.
// Immutable once built: const methods are thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "importers/org_aliases.h"
#include "importers/topic_matcher.h"

namespace pg {

struct OrgMatch {
  std::string org_id;   // canonical id ("google")
  size_t offset = 0;    // byte offset in the text
  size_t length = 0;    // bytes
  std::string surface;  // as written ("구글", "Google DeepMind")

  bool operator==(const OrgMatch&) const = default;
};

class OrgMatcher {
 public:
  // Copies what it needs: the table may go away afterwards.
  explicit OrgMatcher(const OrgAliases& orgs);

  // Every prose mention of a lab, in text order (one lab may appear many times).
  std::vector<OrgMatch> FindOrgs(std::string_view text) const;

 private:
  AliasScanner scanner_;
  std::vector<std::string> ids_;
};

}  // namespace pg
