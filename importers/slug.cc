#include "importers/slug.h"

#include <utf8proc.h>

namespace pg {
namespace {

void Append(std::string* out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// github-slugger strips Other_Symbol code points unless they are Alphabetic;
// the alphabetic symbols are the enclosed Latin letters (Ⓐ, 🅐, 🅰 ...).
bool IsAlphabeticSymbol(utf8proc_int32_t cp) {
  return (cp >= 0x24B6 && cp <= 0x24E9) || (cp >= 0x1F130 && cp <= 0x1F149) ||
         (cp >= 0x1F150 && cp <= 0x1F169) || (cp >= 0x1F170 && cp <= 0x1F189);
}

// github-slugger's regex removes the General Categories No, Ps, Pe, Pi, Pf,
// Po, Pd (but '-'), S*, Cc, Cf, Co, Cn and Z* (but ' '); what survives is
// letters, marks, Nd, Nl and connector punctuation ('_').
bool Keep(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_PC:
      return true;
    case UTF8PROC_CATEGORY_SO:
      return IsAlphabeticSymbol(cp);
    default:
      return false;
  }
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string DocusaurusSlug(std::string_view text) {
  // Docusaurus hands the slugger the heading's text already trimmed; trim
  // here too so callers may pass text with surrounding white space.
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);

  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                          static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {  // invalid byte: a browser would show U+FFFD, a symbol the slugger drops
      ++i;
      continue;
    }
    i += static_cast<size_t>(n);
    // Every space becomes '-' on its own, so "a  b" gives "a--b" as on the site.
    if (cp == ' ' || cp == '-') {
      out.push_back('-');
      continue;
    }
    // JavaScript's toLowerCase maps U+0130 to "i" + combining dot above;
    // utf8proc's simple mapping would drop the dot.
    if (cp == 0x130) {
      out += "i\xCC\x87";
      continue;
    }
    cp = utf8proc_tolower(cp);
    if (Keep(cp)) Append(&out, cp);
  }
  return out;
}

}  // namespace pg
