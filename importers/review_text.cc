#include "importers/review_text.h"

#include <cctype>

#include "core/text.h"

namespace pg {

std::string StripInlineTags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<' && i + 1 < s.size() &&
        (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/')) {
      // A tag is short and on one line; looking no further keeps this linear.
      std::string_view window = s.substr(i, 400);
      size_t end = window.find('>');
      if (end != std::string_view::npos && window.substr(0, end).find('\n') == std::string_view::npos) {
        i += end;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string CleanText(std::string_view raw) {
  std::string s = StripInlineTags(raw);
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    std::string_view line = Trim(std::string_view(s).substr(start, nl - start));
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    start = nl + 1;
  }
  return out;
}

}  // namespace pg
