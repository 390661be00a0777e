#include "importers/org_matcher.h"

namespace pg {

OrgMatcher::OrgMatcher(const OrgAliases& orgs) {
  for (const Org& org : orgs.orgs()) {
    uint32_t index = static_cast<uint32_t>(ids_.size());
    ids_.push_back(org.id);
    for (const std::string& name : org.prose_names) {
      uint32_t flags = AliasScanner::kParticlesOnlyAfterHangul;
      std::string_view spelling = name;
      if (!spelling.empty() && spelling.front() == '=') {
        spelling.remove_prefix(1);
        flags |= AliasScanner::kExactCase | AliasScanner::kNotGluedToHyphen | AliasScanner::kParticleRequiredAfterHangul;
      }
      scanner_.Add(spelling, index, flags);
    }
    // Blockers get the same Hangul rule so that "메타 학습은" is still covered.
    for (const std::string& phrase : org.not_in_prose) scanner_.Add(phrase, AliasScanner::kBlocker, 0);
  }
  scanner_.Build();
}

std::vector<OrgMatch> OrgMatcher::FindOrgs(std::string_view text) const {
  std::vector<OrgMatch> out;
  for (const AliasScanner::Hit& h : scanner_.Scan(text)) {
    out.push_back({ids_[h.payload], h.offset, h.length, std::string(text.substr(h.offset, h.length))});
  }
  return out;
}

}  // namespace pg
