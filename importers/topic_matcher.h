// Finding topic mentions in review text (DESIGN §2 "Topics"), and the alias
// scanner it is built on, which org_matcher.h shares.
//
// AliasScanner: a one-pass multi-pattern matcher (an Aho-Corasick automaton over
// folded bytes) with papergraph's word-boundary rules. TopicMatcher: the
// scanner built from a Lexicon, plus DiscoverDefinitions for new technique
// names defined in the text ("Rollout Routing Replay (R3)").
//
// Both are immutable once built: const methods are thread-safe, so one matcher
// can serve every import thread.
//
// Matching rules (docs/lexicon.md):
//  - ASCII letters match in any case; other characters as they are (Hangul has
//    no case). An alias added as exact-case matches only with its own case.
//  - A run of white space and/or dashes ('-', U+2010..U+2015) in the text or in
//    an alias is one space: "KV-cache" == "KV  cache", "vision–language".
//  - An alias that begins (ends) with an ASCII letter or digit must not have an
//    ASCII letter or digit just before (after) it: RAG is not in DRAGON, LoRA is
//    not in LoRAX, Loop is not in Loopholing. Other neighbours are fine, so
//    "LoRA를" and "(RAG)" match.
//  - An alias that begins with Hangul must not follow another Hangul letter
//    (양자화 is not in 역양자화). After a Hangul alias anything may follow
//    (particles and endings: 양자화는, 양자화된); scanners may restrict this to
//    particles (org names: 메타는, not 메타버스).
//  - Overlaps resolve leftmost-longest: among matches that satisfy the rules,
//    the one that starts first wins, the longest at that position, and the scan
//    goes on after it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "importers/lexicon.h"

namespace pg {

class AliasScanner {
 public:
  enum Flag : uint32_t {
    kExactCase = 1u << 0,             // ASCII case must match too
    kParticlesOnlyAfterHangul = 1u << 1,  // a Hangul ending may be followed only by a particle
    kNotGluedToHyphen = 1u << 2,      // no '-' right before or after ("Meta-learning")
    kParticleRequiredAfterHangul = 1u << 3,  // a Hangul ending must carry a particle (메타는, not 메타 리뷰어)
  };
  // A pattern with this payload is a blocker: it takes part in leftmost-longest
  // resolution (so it swallows what it covers) but is never reported.
  static constexpr uint32_t kBlocker = UINT32_MAX;

  struct Hit {
    size_t offset = 0;  // in the original text, bytes
    size_t length = 0;  // in the original text, bytes
    uint32_t payload = 0;
  };

  // REQUIRES: Build() has not been called. Aliases that fold to nothing are ignored.
  void Add(std::string_view alias, uint32_t payload, uint32_t flags = 0);
  // Builds the automaton; call once after the last Add.
  void Build();

  // Matches in text order, non-overlapping. REQUIRES: Build() was called.
  std::vector<Hit> Scan(std::string_view text) const;

  size_t pattern_count() const { return patterns_.size(); }
  size_t state_count() const { return state_count_; }

 private:
  struct Pattern {
    std::string key;    // folded: dashes/spaces -> one space, ASCII lower-case
    std::string exact;  // folded without lower-casing, for kExactCase
    uint32_t payload = 0;
    uint32_t flags = 0;
    bool latin_start = false, latin_end = false, hangul_start = false, hangul_end = false;
  };
  struct Candidate {
    size_t begin, end;  // folded offsets
    uint32_t pattern;
  };

  bool Accept(const Pattern& p, std::string_view folded, size_t begin, size_t end,
              std::string_view text, size_t obegin, size_t oend) const;

  std::vector<Pattern> patterns_;
  bool built_ = false;
  size_t state_count_ = 0;
  uint32_t classes_ = 1;
  std::array<uint16_t, 256> class_of_{};
  // delta_[state * classes_ + class]: next state; the top bit says "the next
  // state has outputs", so the hot loop needs no second table.
  std::vector<uint32_t> delta_;
  std::vector<int32_t> dict_;        // per state: nearest state (self included) with patterns, or -1
  std::vector<int32_t> dict_next_;   // per state with patterns: next such state on the suffix chain, or -1
  std::vector<uint32_t> out_begin_;  // per state: its patterns are out_ids_[out_begin_[s] .. out_begin_[s+1])
  std::vector<uint32_t> out_ids_;
};

struct TopicMatch {
  std::string topic_id;  // canonical id ("kv-cache")
  size_t offset = 0;     // byte offset in the text
  size_t length = 0;     // bytes
  std::string surface;   // the text as written ("KV-Cache")

  bool operator==(const TopicMatch&) const = default;
};

// A candidate technique defined in the text: "Rollout Routing Replay (R3)" or
// "RLVR (Reinforcement Learning with Verifiable Rewards)".
struct DiscoveredTopic {
  std::string id;         // suggested canonical id: Slugify(long_name)
  std::string acronym;    // "R3"
  std::string long_name;  // "Rollout Routing Replay", as written
  size_t offset = 0;      // byte offset of the whole definition in the text
  size_t length = 0;      // bytes, "Rollout Routing Replay (R3)"

  bool operator==(const DiscoveredTopic&) const = default;
};

// The lexicon entry for a discovered topic: id, long name, the acronym as alias,
// no parent, discovered = true.
Topic MakeDiscoveredTopic(const DiscoveredTopic& d);

class TopicMatcher {
 public:
  // Copies what it needs: the lexicon may go away afterwards.
  explicit TopicMatcher(const Lexicon& lexicon);

  // Every topic mention in `text`, in text order (the same topic may appear many
  // times). Invalid UTF-8 is scanned as opaque bytes.
  std::vector<TopicMatch> FindTopics(std::string_view text) const;

  // Definitions of acronyms the lexicon does not know, each acronym once, in
  // text order. The acronym's letters must be the initials of the words before
  // it (several letters may come from one word: "DyPE" = Dynamic Position
  // Extrapolation; a digit repeats the letter before it: "R3" = Rollout Routing
  // Replay; "2" and "4" may stand for "to" and "for"); small words ("with",
  // "of", "for", ...) may be skipped. Parentheses holding anything else --
  // "(2024)", "(see Fig. 3)", "(e.g. ...)" -- are ignored, and so are acronyms
  // and long names the lexicon already has.
  std::vector<DiscoveredTopic> DiscoverDefinitions(std::string_view text) const;

  // The lexicon's fingerprint at construction.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  bool Known(std::string_view spelling) const;

  AliasScanner scanner_;
  std::vector<std::string> ids_;
  std::unordered_set<std::string> known_;  // NormalizeName of every id, name and alias
  std::string fingerprint_;
};

}  // namespace pg
