#include "core/provenance.h"

#include "core/text.h"

namespace pg {

std::string MakeSnippet(const std::string& text, size_t max_bytes) {
  std::string s = CollapseSpaces(text, max_bytes);
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "…";
}

}  // namespace pg
