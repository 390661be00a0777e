// The lab (organization) alias table (DESIGN §2): canonical labs with display
// names, the spellings used in org tags (`paddle paddle`, `shaomi`), the names
// that may be matched in prose, and phrases that look like a name but are not
// the lab ("MIT license"). Read from data/orgs.tsv (format in docs/lexicon.md).
//
// A plain value: thread-compatible (const methods may run concurrently; Merge
// needs exclusive access).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace pg {

struct Org {
  std::string id;                        // canonical slug, "stability-ai"; node id OrgId(id)
  std::string name;                      // display name, "Stability AI"
  std::vector<std::string> aliases;      // tag spellings ("stability", "stabilityai")
  // Names matched in running text. A leading '=' means exact case and not glued
  // to '-' ("=Apple", "=MIT"); the others match in any case. Empty: tags only.
  std::vector<std::string> prose_names;
  std::vector<std::string> not_in_prose; // phrases that are not the lab ("MIT license")

  bool operator==(const Org&) const = default;
};

class OrgAliases {
 public:
  OrgAliases() = default;

  // Parses the TSV format of data/orgs.tsv. Errors name "source_name:line".
  // The row with id "-" lists tags that mean "no lab" (`미확인`, `unknown`).
  static Result<OrgAliases> FromTsv(std::string_view text, const std::string& source_name);

  // Adds the labs of `other` (a user's --orgs file): a new id is appended; a
  // known id gains aliases, prose names and not-in-prose phrases, and a
  // different display name replaces the old one. A spelling that already
  // belongs to another lab is an error naming other's line; *this is then
  // unchanged.
  Status Merge(const OrgAliases& other);

  // The canonical id for an org tag:
  //  - blank or punctuation-only tags, and the "no lab" spellings -> nullopt;
  //  - any listed spelling, ignoring case, spaces and punctuation
  //    ("Paddle Paddle", "paddle-paddle" -> "paddlepaddle"; "shaomi" -> "xiaomi");
  //  - a near miss of a listed spelling of 7 or more letters (one insertion,
  //    deletion, substitution or swap, and only one lab that close:
  //    "hugginface" -> "hugging-face");
  //  - otherwise the slug of the tag itself ("OpenMOSS" -> "openmoss"), so a lab
  //    that is not in the table still becomes its own node. Check IsKnown() to
  //    tell the two apart.
  std::optional<std::string> Canonicalize(std::string_view tag) const;
  // True when Canonicalize(tag) comes from the table (not the slug fallback).
  bool IsKnown(std::string_view tag) const;

  const Org* Find(std::string_view canonical_id) const;
  // The display name for a canonical id; for an id not in the table (a slug
  // fallback) the id itself.
  std::string DisplayName(std::string_view canonical_id) const;

  const std::vector<Org>& orgs() const { return orgs_; }
  size_t size() const { return orgs_.size(); }

  // A stable hash of the content, independent of line order and comments:
  // "orgs1-<16 hex digits>".
  std::string Fingerprint() const;

 private:
  Status AddOrg(Org org, const std::string& where);
  Status AddSpelling(std::string_view spelling, size_t org, const std::string& where);
  std::optional<size_t> Lookup(std::string_view tag, bool* ignored) const;

  static constexpr size_t kNoLab = static_cast<size_t>(-1);
  std::vector<Org> orgs_;
  std::vector<std::string> where_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, size_t> by_key_;   // compact spelling -> org or kNoLab
  std::unordered_map<std::string, std::string> key_where_;
  std::vector<std::string> no_lab_;                   // spellings of the "-" row
};

// Reads a data/orgs.tsv-format file. Errors name the file (and line).
Result<OrgAliases> LoadOrgAliasesFile(const std::string& path);

// <data_dir>/orgs.tsv, then each extra file merged in order.
Result<OrgAliases> LoadOrgAliases(const std::string& data_dir,
                                  const std::vector<std::string>& extra_paths = {});

// The key tags are compared by: NFKC, case-folded, letters and digits only
// ("Noah's Ark" -> "noahsark", "Paddle Paddle" -> "paddlepaddle").
std::string CompactOrgKey(std::string_view tag);

}  // namespace pg
