#include "core/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace pg {
namespace {

// Decodes one code point at s[i]; returns its byte length, or -1 when invalid.
utf8proc_ssize_t Decode(std::string_view s, size_t i, utf8proc_int32_t* cp) {
  if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: most of any post
    *cp = static_cast<unsigned char>(s[i]);
    return 1;
  }
  return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                          static_cast<utf8proc_ssize_t>(s.size() - i), cp);
}

void Append(std::string* out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

bool IsSpace(utf8proc_int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
  if (cp < 0x80) return false;  // no other ASCII character is a space separator
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

// Runs utf8proc with `options` over the valid parts of `s` (invalid bytes are
// dropped first so utf8proc never rejects the whole string).
std::string Map(std::string_view s, int options) {
  std::string clean;
  clean.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = Decode(s, i, &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    clean.append(s.substr(i, static_cast<size_t>(n)));
    i += static_cast<size_t>(n);
  }
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                   static_cast<utf8proc_ssize_t>(clean.size()), &mapped,
                   static_cast<utf8proc_option_t>(options));
  if (len < 0) return clean;
  std::string out(reinterpret_cast<char*>(mapped), static_cast<size_t>(len));
  std::free(mapped);
  return out;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  for (size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = Decode(s, i, &cp);
    if (n <= 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += static_cast<size_t>(n);
  }
  return true;
}

std::string CollapseSpaces(std::string_view s, size_t limit) {
  std::string out;
  out.reserve(limit < s.size() ? limit + 4 : s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size() && out.size() <= limit;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = Decode(s, i, &cp);
    if (n <= 0) {  // keep invalid bytes as they are; validation happens elsewhere
      out.push_back(s[i++]);
      continue;
    }
    if (IsSpace(cp)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(s.substr(i, static_cast<size_t>(n)));
    }
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string FoldCase(std::string_view s) {
  return Map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
}

std::string NormalizeName(std::string_view s) {
  std::string folded = FoldCase(s);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (size_t i = 0; i < folded.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = Decode(folded, i, &cp);
    i += static_cast<size_t>(n);
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    utf8proc_category_t c = utf8proc_category(cp);
    bool keep = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||  // letters
                (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||  // combining marks
                (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);    // digits, numerals
    // Dashes, connectors and slashes separate words ("Large-Scale" == "Large Scale");
    // other punctuation and symbols vanish ("Don't" == "Dont").
    if (c == UTF8PROC_CATEGORY_PD || c == UTF8PROC_CATEGORY_PC || cp == '/') {
      pending_space = !out.empty();
      continue;
    }
    if (!keep) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    Append(&out, cp);
  }
  return out;
}

size_t DisplayWidth(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    if (s[i] >= 0x20 && s[i] < 0x7f) {  // printable ASCII, most of any table: no lookup
      ++width;
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = Decode(s, i, &cp);
    if (n <= 0) {
      ++width;
      ++i;
      continue;
    }
    width += static_cast<size_t>(utf8proc_charwidth(cp));
    i += static_cast<size_t>(n);
  }
  return width;
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = Decode(s, i, &cp);
    i += n <= 0 ? 1 : static_cast<size_t>(n);
  }
  return count;
}

}  // namespace pg
