#include "importers/topic_matcher.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <optional>

#include "core/node_id.h"
#include "core/text.h"

namespace pg {
namespace {

constexpr uint32_t kHasOutput = 0x80000000u;

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsHangulCp(int32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) ||  // syllables
         (cp >= 0x1100 && cp <= 0x11FF) ||  // conjoining jamo
         (cp >= 0x3130 && cp <= 0x318F) ||  // compatibility jamo
         (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

// Decodes the code point starting at s[i]; *len gets its byte length (1 for an
// invalid byte, whose value is returned as -1).
int32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    *len = 1;
    return -1;
  }
  *len = static_cast<size_t>(n);
  return cp;
}

// The code point that ends just before s[i], or -1.
int32_t DecodeBefore(std::string_view s, size_t i) {
  if (i == 0) return -1;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  size_t len = 0;
  int32_t cp = DecodeAt(s, j, &len);
  return j + len == i ? cp : -1;
}

// Byte length of a space-like or dash-like sequence at s[i] (white space, NBSP,
// U+2000..U+200A, dashes U+2010..U+2015, U+202F, U+3000), or 0.
size_t SeparatorAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '-') return 1;
  if (c < 0x80 || i + 1 >= s.size()) return 0;
  unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xC2 && c1 == 0xA0) return 2;
  if (i + 2 >= s.size()) return 0;
  unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || (c2 >= 0x90 && c2 <= 0x95) || c2 == 0xAF)) return 3;
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
  return 0;
}

// The scanning form of a text: separators folded to one space, ASCII letters
// lower-cased (unless keep_case), everything else byte for byte. `jumps` maps
// folded offsets back: original = folded + the extra of the last jump at or
// before it.
struct Folded {
  std::string s;
  std::vector<std::pair<size_t, size_t>> jumps;  // (folded offset, original - folded)

  size_t Orig(size_t f) const {
    auto it = std::upper_bound(jumps.begin(), jumps.end(), std::make_pair(f, SIZE_MAX));
    return f + (it == jumps.begin() ? 0 : std::prev(it)->second);
  }
};

void Fold(std::string_view text, bool keep_case, Folded* out) {
  static const auto kLower = [] {
    std::array<char, 256> t{};
    for (int i = 0; i < 256; ++i) t[static_cast<size_t>(i)] = static_cast<char>(i >= 'A' && i <= 'Z' ? i + 32 : i);
    return t;
  }();
  // Bytes that may start a separator: ASCII white space, '-', and the lead
  // bytes of NBSP (C2), U+2000.. (E2) and U+3000 (E3).
  static const auto kMaybeSeparator = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v', '-'}) t[c] = true;
    t[0xC2] = t[0xE2] = t[0xE3] = true;
    return t;
  }();
  out->jumps.clear();
  out->s.resize(text.size());
  char* dst = out->s.data();
  size_t n = 0;      // bytes written
  size_t extra = 0;  // original offset - folded offset, as of the last jump
  const unsigned char* src = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = src[i];
    size_t sep = kMaybeSeparator[c] ? SeparatorAt(text, i) : 0;
    if (sep && n > 0 && dst[n - 1] == ' ') {
      i += sep;  // part of a run already folded to one space
      continue;
    }
    if (i - n != extra) {
      extra = i - n;
      out->jumps.emplace_back(n, extra);
    }
    if (sep) {
      dst[n++] = ' ';
      i += sep;
    } else {
      dst[n++] = keep_case ? static_cast<char>(c) : kLower[c];
      ++i;
    }
  }
  out->s.resize(n);
}

std::string FoldString(std::string_view s, bool keep_case) {
  Folded f;
  Fold(s, keep_case, &f);
  std::string out = std::move(f.s);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && out[lead] == ' ') ++lead;
  return out.substr(lead);
}

std::string Nfkc(std::string_view s) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                      static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (len < 0) return std::string(s);
  std::string out(reinterpret_cast<char*>(mapped), static_cast<size_t>(len));
  std::free(mapped);
  return out;
}

// Korean particles and particle-like endings that may follow a name
// (구글의, 메타는, 엔비디아에서도, 구글팀은). Anything else glued to a Hangul
// name makes another word (메타버스, 메타데이터).
bool IsParticle(std::string_view run) {
  static constexpr std::string_view kParticles[] = {
      "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "와", "과", "도", "로", "으로", "만",
      "이나", "나", "랑", "이랑", "보다", "처럼", "까지", "부터", "조차", "마저", "께서", "에서의",
      "에서는", "에서도", "에서만", "와의", "과의", "와는", "과는", "와도", "과도", "로는", "으로는",
      "로의", "으로의", "에는", "에도", "에의", "의해", "이며", "이고", "이다", "이라는", "라는", "란",
      "이란", "만의", "만이", "만은", "이지만", "지만", "에선", "사", "사의", "사는", "사가", "사가",
      "사에서", "사와", "측", "측은", "측의", "측이", "측에서", "팀", "팀의", "팀은", "팀이", "팀에서",
      "연구팀", "연구팀의", "연구팀은", "연구팀이", "연구팀에서", "연구진", "연구진의", "연구진은",
      "연구진이", "연구소", "연구소의", "연구소는", "연구소에서", "이었다", "였다", "였고", "이었고"};
  return std::find(std::begin(kParticles), std::end(kParticles), run) != std::end(kParticles);
}

}  // namespace

// ---- AliasScanner --------------------------------------------------------------

void AliasScanner::Add(std::string_view alias, uint32_t payload, uint32_t flags) {
  std::string norm = Nfkc(alias);
  Pattern p;
  p.key = FoldString(norm, false);
  if (p.key.empty()) return;
  if (flags & kExactCase) p.exact = FoldString(norm, true);
  p.payload = payload;
  p.flags = flags;
  p.latin_start = IsAsciiAlnum(static_cast<unsigned char>(p.key.front()));
  p.latin_end = IsAsciiAlnum(static_cast<unsigned char>(p.key.back()));
  size_t len = 0;
  p.hangul_start = IsHangulCp(DecodeAt(p.key, 0, &len));
  p.hangul_end = IsHangulCp(DecodeBefore(p.key, p.key.size()));
  for (const Pattern& q : patterns_) {
    if (q.key == p.key && q.exact == p.exact && q.payload == p.payload && q.flags == p.flags) return;
  }
  patterns_.push_back(std::move(p));
}

void AliasScanner::Build() {
  built_ = true;
  // Byte classes: every byte that occurs in some key gets its own class; all
  // other bytes share class 0, which always leads back to the root.
  class_of_.fill(0);
  classes_ = 1;
  for (const Pattern& p : patterns_) {
    for (unsigned char c : p.key) {
      if (class_of_[c] == 0) class_of_[c] = static_cast<uint16_t>(classes_++);
    }
  }
  const size_t k = classes_;
  // The trie.
  std::vector<int32_t> go(k, -1);
  std::vector<std::vector<uint32_t>> term(1);
  for (uint32_t id = 0; id < patterns_.size(); ++id) {
    size_t s = 0;
    for (unsigned char c : patterns_[id].key) {
      int32_t& next = go[s * k + class_of_[c]];
      if (next < 0) {
        next = static_cast<int32_t>(term.size());
        term.emplace_back();
        go.resize(term.size() * k, -1);
      }
      s = static_cast<size_t>(go[s * k + class_of_[c]]);
    }
    term[s].push_back(id);
  }
  const size_t n = term.size();
  state_count_ = n;
  // Failure links in breadth-first order turn the trie into a DFA.
  std::vector<size_t> fail(n, 0);
  std::vector<size_t> delta(n * k, 0);
  dict_.assign(n, -1);
  dict_next_.assign(n, -1);
  std::deque<size_t> queue;
  for (size_t c = 0; c < k; ++c) {
    int32_t v = go[c];
    if (v >= 0) {
      delta[c] = static_cast<size_t>(v);
      queue.push_back(static_cast<size_t>(v));
    }
  }
  while (!queue.empty()) {
    size_t u = queue.front();
    queue.pop_front();
    dict_next_[u] = dict_[fail[u]];
    dict_[u] = term[u].empty() ? dict_[fail[u]] : static_cast<int32_t>(u);
    for (size_t c = 0; c < k; ++c) {
      int32_t v = go[u * k + c];
      if (v >= 0) {
        fail[static_cast<size_t>(v)] = delta[fail[u] * k + c];
        delta[u * k + c] = static_cast<size_t>(v);
        queue.push_back(static_cast<size_t>(v));
      } else {
        delta[u * k + c] = delta[fail[u] * k + c];
      }
    }
  }
  out_begin_.assign(n + 1, 0);
  out_ids_.clear();
  for (size_t s = 0; s < n; ++s) {
    out_begin_[s] = static_cast<uint32_t>(out_ids_.size());
    out_ids_.insert(out_ids_.end(), term[s].begin(), term[s].end());
  }
  out_begin_[n] = static_cast<uint32_t>(out_ids_.size());
  // Row offsets must fit in 31 bits beside the output flag: about 10 million
  // states for a typical alphabet, far beyond any lexicon (240 topics: 14k).
  delta_.resize(n * k);
  for (size_t i = 0; i < n * k; ++i) {
    size_t v = delta[i];
    delta_[i] = static_cast<uint32_t>(v * k) | (dict_[v] >= 0 ? kHasOutput : 0u);
  }
}

bool AliasScanner::Accept(const Pattern& p, std::string_view folded, size_t begin, size_t end,
                          std::string_view text, size_t obegin, size_t oend) const {
  if (p.latin_start && begin > 0 && IsAsciiAlnum(static_cast<unsigned char>(folded[begin - 1]))) return false;
  if (p.latin_end && end < folded.size() && IsAsciiAlnum(static_cast<unsigned char>(folded[end]))) return false;
  if (p.hangul_start && IsHangulCp(DecodeBefore(folded, begin))) return false;
  if ((p.flags & (kParticlesOnlyAfterHangul | kParticleRequiredAfterHangul)) && p.hangul_end) {
    size_t j = end;
    for (size_t len = 0; j < folded.size(); j += len) {
      int32_t cp = DecodeAt(folded, j, &len);
      if (cp < 0xAC00 || cp > 0xD7A3) break;
    }
    if (j == end ? (p.flags & kParticleRequiredAfterHangul) != 0 : !IsParticle(folded.substr(end, j - end))) {
      return false;
    }
  }
  if ((p.flags & kNotGluedToHyphen) &&
      ((obegin > 0 && text[obegin - 1] == '-') || (oend < text.size() && text[oend] == '-'))) {
    return false;
  }
  if ((p.flags & kExactCase) && FoldString(text.substr(obegin, oend - obegin), true) != p.exact) return false;
  return true;
}

std::vector<AliasScanner::Hit> AliasScanner::Scan(std::string_view text) const {
  std::vector<Hit> hits;
  if (!built_ || patterns_.empty() || text.empty()) return hits;
  Folded folded;
  Fold(text, false, &folded);
  const std::string& f = folded.s;
  std::vector<Candidate> candidates;
  const uint32_t* delta = delta_.data();
  const uint16_t* cls = class_of_.data();
  uint32_t row = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    uint32_t next = delta[row + cls[static_cast<unsigned char>(f[i])]];
    row = next & ~kHasOutput;
    if (!(next & kHasOutput)) continue;
    for (int32_t s = dict_[row / classes_]; s >= 0; s = dict_next_[static_cast<size_t>(s)]) {
      for (uint32_t k = out_begin_[static_cast<size_t>(s)]; k < out_begin_[static_cast<size_t>(s) + 1]; ++k) {
        const Pattern& p = patterns_[out_ids_[k]];
        size_t end = i + 1, begin = end - p.key.size();
        size_t obegin = folded.Orig(begin), oend = folded.Orig(end - 1) + 1;
        if (Accept(p, f, begin, end, text, obegin, oend)) candidates.push_back({begin, end, out_ids_[k]});
      }
    }
  }
  // Leftmost-longest, non-overlapping.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  size_t taken_end = 0;
  for (const Candidate& c : candidates) {
    if (c.begin < taken_end) continue;
    taken_end = c.end;
    const Pattern& p = patterns_[c.pattern];
    if (p.payload == kBlocker) continue;
    size_t ob = folded.Orig(c.begin), oe = folded.Orig(c.end - 1) + 1;
    hits.push_back({ob, oe - ob, p.payload});
  }
  return hits;
}

// ---- TopicMatcher --------------------------------------------------------------

namespace {

std::string_view Unmarked(std::string_view alias) {
  return !alias.empty() && alias.front() == '=' ? alias.substr(1) : alias;
}

}  // namespace

TopicMatcher::TopicMatcher(const Lexicon& lexicon) : fingerprint_(lexicon.Fingerprint()) {
  for (const Topic& t : lexicon.topics()) {
    uint32_t index = static_cast<uint32_t>(ids_.size());
    ids_.push_back(t.id);
    scanner_.Add(t.name, index);
    known_.insert(NormalizeName(t.id));
    known_.insert(NormalizeName(t.name));
    for (const std::string& a : t.aliases) {
      bool exact = !a.empty() && a.front() == '=';
      scanner_.Add(Unmarked(a), index, exact ? uint32_t{AliasScanner::kExactCase} : uint32_t{0});
      known_.insert(NormalizeName(Unmarked(a)));
    }
  }
  scanner_.Build();
}

std::vector<TopicMatch> TopicMatcher::FindTopics(std::string_view text) const {
  std::vector<TopicMatch> out;
  for (const AliasScanner::Hit& h : scanner_.Scan(text)) {
    out.push_back({ids_[h.payload], h.offset, h.length, std::string(text.substr(h.offset, h.length))});
  }
  return out;
}

bool TopicMatcher::Known(std::string_view spelling) const {
  std::string key = NormalizeName(spelling);
  if (known_.count(key)) return true;
  if (key.size() > 2 && key.back() == 's') return known_.count(key.substr(0, key.size() - 1)) > 0;
  return false;
}

Topic MakeDiscoveredTopic(const DiscoveredTopic& d) {
  Topic t;
  t.id = d.id;
  t.name = d.long_name;
  t.aliases = {d.acronym};
  t.discovered = true;
  return t;
}

// ---- DiscoverDefinitions ---------------------------------------------------------

namespace {

struct Word {
  std::string_view text;
  size_t offset;
  bool joined = false;  // follows a hyphen: the later part of a compound ("Multi-modal")
};

// One acronym letter, or a digit standing for a word ("2" = "to").
struct Unit {
  char c;
  bool word_digit = false;
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool IsStopWord(std::string_view w) {
  static constexpr std::string_view kStop[] = {"a",    "an",   "the", "of",   "for",   "with", "and",
                                               "in",   "on",   "to",  "from", "via",   "by",   "at",
                                               "using", "over", "into", "as", "or", "under"};
  for (std::string_view s : kStop) {
    if (EqualsIgnoreCase(w, s)) return true;
  }
  return false;
}

// Words that are acronyms of something but never a technique worth a topic.
bool IsStopAcronym(std::string_view a) {
  static constexpr std::string_view kStop[] = {"AI",  "ML",  "DL",  "NLP", "CV",  "SOTA", "API", "GPU", "CPU",
                                               "TPU", "URL", "PDF", "FAQ", "USA", "EU",   "UK",  "ID",  "IID",
                                               "TBD", "TODO", "NB", "PS"};
  for (std::string_view s : kStop) {
    if (a == s) return true;
  }
  return false;
}

// "RLVR", "R3", "DyPE", "CoM", "T2L", "LLMs" (plural s dropped into *core).
bool IsAcronym(std::string_view s, std::string_view* core) {
  if (s.size() < 2 || s.size() > 10) return false;
  if (!IsUpper(s[0]) && !IsDigit(s[0])) return false;
  int upper = 0, digit = 0;
  for (char c : s) {
    if (IsUpper(c)) ++upper;
    else if (IsDigit(c)) ++digit;
    else if (!IsLower(c)) return false;
  }
  std::string_view base = s;
  if (s.size() > 2 && s.back() == 's' && IsUpper(s[s.size() - 2])) base = s.substr(0, s.size() - 1);
  if (upper < 1 || upper + digit < 2) return false;
  if (upper < 2 && digit == 0) return false;
  *core = base;
  return true;
}

// Every reading of an acronym as a sequence of units: a digit after a letter
// may repeat it ("R3" = R R R) or stand for a word ("T2L": 2 = "to").
std::vector<std::vector<Unit>> Readings(std::string_view acr) {
  std::vector<std::vector<Unit>> out(1);
  for (size_t i = 0; i < acr.size(); ++i) {
    char c = acr[i];
    if (!IsDigit(c) || i == 0 || IsDigit(acr[i - 1]) || c < '2') {
      for (auto& r : out) r.push_back({c});
      continue;
    }
    std::vector<std::vector<Unit>> next;
    for (const auto& r : out) {
      auto repeat = r;
      for (int k = 1; k < c - '0'; ++k) repeat.push_back({acr[i - 1]});
      next.push_back(std::move(repeat));
      if (c == '2' || c == '4') {
        auto word = r;
        word.push_back({c, true});
        next.push_back(std::move(word));
      }
      auto literal = r;
      literal.push_back({c});
      next.push_back(std::move(literal));
    }
    out = std::move(next);
    if (out.size() > 16) break;  // pathological: many digits
  }
  return out;
}

// Do units[u..] spell words[w..], all of them?  `first` forbids skipping the
// word at w (the long name starts with a word the acronym names).
bool Spell(const std::vector<Unit>& units, size_t u, const std::vector<Word>& words, size_t w, bool first);

// Inside words[w], the last unit matched character `pos`: more units may match
// the next character ("Dy" of "Dynamic") or a later capital ("FlashAttention").
bool SpellInside(const std::vector<Unit>& units, size_t u, const std::vector<Word>& words, size_t w, size_t pos) {
  if (Spell(units, u, words, w + 1, false)) return true;
  if (u >= units.size() || units[u].word_digit) return false;
  std::string_view word = words[w].text;
  for (size_t j = pos + 1; j < word.size(); ++j) {
    bool next = j == pos + 1 && Lower(word[j]) == Lower(units[u].c);
    bool hump = (IsUpper(word[j]) || IsDigit(word[j])) && Lower(word[j]) == Lower(units[u].c);
    if ((next || hump) && SpellInside(units, u + 1, words, w, j)) return true;
  }
  return false;
}

bool Spell(const std::vector<Unit>& units, size_t u, const std::vector<Word>& words, size_t w, bool first) {
  if (w == words.size()) return u == units.size();
  std::string_view word = words[w].text;
  // Small words and the later parts of a compound may go without a letter
  // ("Multi-modal Sample Selection (MSS)").
  bool optional = IsStopWord(word) || words[w].joined;
  if (optional && !first && Spell(units, u, words, w + 1, false)) return true;
  if (u >= units.size()) return false;
  const Unit& unit = units[u];
  if (unit.word_digit) {
    bool ok = unit.c == '2' ? (EqualsIgnoreCase(word, "to") || EqualsIgnoreCase(word, "two"))
                            : (EqualsIgnoreCase(word, "for") || EqualsIgnoreCase(word, "four"));
    return ok && !first && Spell(units, u + 1, words, w + 1, false);
  }
  if (first && IsStopWord(word)) return false;
  if (Lower(word[0]) != Lower(unit.c)) return false;
  return SpellInside(units, u + 1, words, w, 0);
}

bool IsWordByte(char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)); }

// The words (ASCII letters and digits) that end just before `end`, separated by
// spaces or hyphens, at most `max` of them, in text order. Stops at anything
// else (punctuation, Hangul, a line break).
std::vector<Word> WordsBefore(std::string_view text, size_t end, size_t max) {
  std::vector<Word> words;
  size_t i = end;
  while (words.size() < max) {
    size_t e = i;
    while (i > 0 && IsWordByte(text[i - 1])) --i;
    if (i == e) break;
    words.push_back({text.substr(i, e - i), i});
    // The separator before this word: spaces, or one hyphen ("Text-to-LoRA").
    size_t j = i;
    if (j > 0 && text[j - 1] == '-') {
      --j;
      words.back().joined = j > 0 && IsWordByte(text[j - 1]);
    } else {
      while (j > 0 && text[j - 1] == ' ') --j;
    }
    if (j == i || j == 0 || !IsWordByte(text[j - 1])) break;
    i = j;
  }
  std::reverse(words.begin(), words.end());
  return words;
}

size_t ContentWords(const std::vector<Word>& words) {
  return static_cast<size_t>(
      std::count_if(words.begin(), words.end(), [](const Word& w) { return !IsStopWord(w.text) && !w.joined; }));
}

bool HasLower(std::string_view w) { return std::any_of(w.begin(), w.end(), IsLower); }

size_t Capitals(std::string_view w) {
  return static_cast<size_t>(std::count_if(w.begin(), w.end(), IsUpper));
}

// "Group Relative Policy-Optimization" -> words; nullopt when anything but ASCII
// letters, digits, spaces and hyphens occurs.
std::optional<std::vector<Word>> WordsOf(std::string_view text, size_t base) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '-') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordByte(text[j])) ++j;
    if (j == i) return std::nullopt;
    bool joined = !words.empty() && text[i - 1] == '-' && i >= 2 && IsWordByte(text[i - 2]);
    words.push_back({text.substr(i, j - i), base + i, joined});
    i = j;
  }
  return words;
}

}  // namespace

std::vector<DiscoveredTopic> TopicMatcher::DiscoverDefinitions(std::string_view text) const {
  std::vector<DiscoveredTopic> out;
  std::unordered_set<std::string> seen;
  auto emit = [&](std::string_view acr, size_t name_begin, size_t name_end, size_t begin, size_t end) {
    std::string_view name = text.substr(name_begin, name_end - name_begin);
    std::string key = NormalizeName(acr);
    if (IsStopAcronym(acr) || Known(acr) || Known(name) || !seen.insert(key).second) return;
    std::string id = Slugify(name);
    if (id.empty()) return;
    out.push_back({id, std::string(acr), std::string(name), begin, end - begin});
  };
  for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    size_t close = text.find_first_of(")(\n", open + 1);
    if (close == std::string_view::npos || text[close] != ')' || close - open > 160) continue;
    std::string_view inner = text.substr(open + 1, close - open - 1);
    while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
    std::string_view core;
    if (IsAcronym(inner, &core)) {
      // "Long Name (ACR)": the shortest run of preceding words that spells it.
      size_t name_end = open;
      while (name_end > 0 && text[name_end - 1] == ' ') --name_end;
      std::vector<Word> words = WordsBefore(text, name_end, 12);
      bool done = false;
      for (const std::vector<Unit>& units : Readings(core)) {
        for (size_t start = words.size(); start-- > 0 && !done;) {
          std::vector<Word> span(words.begin() + static_cast<std::ptrdiff_t>(start), words.end());
          if (ContentWords(span) > units.size()) break;  // every word needs a letter, bar small ones
          // One word must be camel case to hold an acronym ("FlashAttention (FA)"),
          // or "Mamba (MA)" would be a definition.
          if (span.front().joined) continue;  // a long name does not start mid-compound
          bool plausible = span.size() >= 2 || (Capitals(span.front().text) >= 2 && HasLower(span.front().text));
          if (plausible && Spell(units, 0, span, 0, true)) {
            emit(core, span.front().offset, name_end, span.front().offset, close + 1);
            done = true;
          }
        }
        if (done) break;
      }
      if (done) continue;
    }
    // "ACR (Long Name)".
    size_t acr_end = open;
    if (acr_end > 0 && text[acr_end - 1] == ' ') --acr_end;
    size_t acr_begin = acr_end;
    while (acr_begin > 0 && IsWordByte(text[acr_begin - 1])) --acr_begin;
    if (acr_begin == acr_end || (acr_begin > 0 && (text[acr_begin - 1] == '-' || text[acr_begin - 1] == '.'))) continue;
    std::string_view acr = text.substr(acr_begin, acr_end - acr_begin);
    if (!IsAcronym(acr, &core)) continue;
    std::optional<std::vector<Word>> words = WordsOf(inner, static_cast<size_t>(inner.data() - text.data()));
    if (!words || words->size() < 2 || words->size() > 12) continue;
    for (const std::vector<Unit>& units : Readings(core)) {
      if (Spell(units, 0, *words, 0, true)) {
        size_t name_begin = words->front().offset;
        size_t name_end = words->back().offset + words->back().text.size();
        // Report the acronym as written and the long name inside the parentheses.
        std::string_view name = text.substr(name_begin, name_end - name_begin);
        std::string key = NormalizeName(core);
        if (IsStopAcronym(core) || Known(core) || Known(name) || !seen.insert(key).second) break;
        std::string id = Slugify(name);
        if (!id.empty()) out.push_back({id, std::string(core), std::string(name), acr_begin, close + 1 - acr_begin});
        break;
      }
    }
  }
  return out;
}

}  // namespace pg
