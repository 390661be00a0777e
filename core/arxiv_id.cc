#include "core/arxiv_id.h"

#include "core/text.h"

#include <cctype>

namespace pg {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool ConsumePrefix(std::string_view* s, std::string_view p) {
  if (!StartsWith(*s, p)) return false;
  s->remove_prefix(p.size());
  return true;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Length of an arXiv id (with optional vN) at the start of `s`, or 0.
size_t MatchId(std::string_view s) {
  // New style: YYMM.NNNN or YYMM.NNNNN.
  if (s.size() >= 9 && AllDigits(s.substr(0, 4)) && s[4] == '.') {
    size_t n = 5;
    while (n < s.size() && n < 10 && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
    if (n - 5 < 4) return 0;
    if (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) return 0;
    size_t v = n;
    if (v < s.size() && (s[v] == 'v' || s[v] == 'V')) {
      size_t d = v + 1;
      while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
      if (d > v + 1) n = d;
    }
    return n;
  }
  // Old style: archive[.SUB]/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136.
  size_t slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 16) return 0;
  for (size_t i = 0; i < slash; ++i) {
    char c = s[i];
    if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return 0;
  }
  std::string_view rest = s.substr(slash + 1);
  if (rest.size() < 7 || !AllDigits(rest.substr(0, 7))) return 0;
  size_t n = slash + 1 + 7;
  if (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) return 0;
  if (n < s.size() && s[n] == 'v') {
    size_t d = n + 1;
    while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
    if (d > n + 1) n = d;
  }
  return n;
}

// The id at the start of `path` if it is all that is left, allowing a
// trailing ".pdf", "/", query string or fragment.
std::optional<std::string> IdAtPathEnd(std::string_view path, bool allow_pdf) {
  size_t n = MatchId(path);
  if (n == 0) return std::nullopt;
  std::string_view rest = path.substr(n);
  if (allow_pdf) ConsumePrefix(&rest, ".pdf");
  if (!rest.empty() && rest != "/" && rest[0] != '?' && rest[0] != '#') return std::nullopt;
  return StripArxivVersion(path.substr(0, n));
}

}  // namespace

std::string StripArxivVersion(std::string_view id) {
  size_t v = id.find_last_of("vV");
  if (v != std::string_view::npos && v + 1 < id.size() && AllDigits(id.substr(v + 1)) && v > 0 &&
      std::isdigit(static_cast<unsigned char>(id[v - 1])))
    return std::string(id.substr(0, v));
  return std::string(id);
}

bool IsArxivId(std::string_view id) {
  size_t n = MatchId(id);
  return n == id.size() && StripArxivVersion(id) == id;
}

std::optional<std::string> ArxivIdFromUrl(std::string_view raw) {
  // Hosts and paths are matched case-insensitively; canonical ids are lower-case.
  std::string lowered = AsciiLower(raw);
  std::string_view u = lowered;
  // Trim surrounding white space and angle brackets (<https://...> autolinks).
  while (!u.empty() && (std::isspace(static_cast<unsigned char>(u.front())) || u.front() == '<'))
    u.remove_prefix(1);
  while (!u.empty() && (std::isspace(static_cast<unsigned char>(u.back())) || u.back() == '>'))
    u.remove_suffix(1);

  if (ConsumePrefix(&u, "arxiv:")) {
    while (!u.empty() && u.front() == ' ') u.remove_prefix(1);
    size_t n = MatchId(u);
    if (n == 0 || n != u.size()) return std::nullopt;
    return StripArxivVersion(u.substr(0, n));
  }
  if (!ConsumePrefix(&u, "https://") && !ConsumePrefix(&u, "http://")) return std::nullopt;
  ConsumePrefix(&u, "www.");
  if (ConsumePrefix(&u, "huggingface.co/papers/")) return IdAtPathEnd(u, false);
  if (ConsumePrefix(&u, "arxiv.org/abs/")) return IdAtPathEnd(u, false);
  if (ConsumePrefix(&u, "arxiv.org/pdf/")) return IdAtPathEnd(u, true);
  if (ConsumePrefix(&u, "export.arxiv.org/abs/")) return IdAtPathEnd(u, false);
  if (ConsumePrefix(&u, "alphaxiv.org/")) {
    if (!ConsumePrefix(&u, "ko/")) ConsumePrefix(&u, "en/");
    if (ConsumePrefix(&u, "overview/") || ConsumePrefix(&u, "abs/")) return IdAtPathEnd(u, true);
  }
  return std::nullopt;
}

}  // namespace pg
