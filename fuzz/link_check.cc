// The link target's properties (fuzz/checks.h).
#include <cctype>

#include "core/arxiv_id.h"
#include "fuzz/checks.h"
#include "fuzz/property.h"
#include "importers/link_target.h"
#include "importers/slug.h"

namespace pg::fuzz {
namespace {

// Percent-encodes every byte but [A-Za-z0-9_-], as a browser writes a Hangul anchor.
std::string PercentEncode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '_' || c == '-') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

// A post path as the importer keys documents: relative, normalized, no empty segments.
Status CheckPostPath(std::string_view path) {
  size_t start = 0;
  while (!path.empty() && start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(start, slash - start);
    if (seg.empty() || seg == "." || seg == "..")
      return Broken("post path '" + std::string(path) + "' is not normalized");
    start = slash + 1;
  }
  return Status::OK();
}

// A heading's slug, and links to it written raw or percent-encoded, resolve to that heading.
Status CheckSlug(std::string_view heading) {
  std::string slug = DocusaurusSlug(heading);
  Status s = ValidUtf8(slug, "slug");
  for (char c : slug)
    if (s.ok() && (c == ' ' || std::isupper(static_cast<unsigned char>(c))))
      s = Broken("slug '" + slug + "' has a space or an upper-case letter");
  if (s.ok() && DocusaurusSlug(slug) != slug) s = Broken("slug '" + slug + "' is not its own slug");
  for (const std::string& anchor : {slug, PercentEncode(slug)}) {
    if (!s.ok()) break;
    LinkTarget t = ClassifyLink("/docs/papers/a.md#" + anchor, "docs/papers/b.md", false, "");
    if (t.kind != LinkTarget::Kind::kPost || t.path != "docs/papers/a" || t.anchor != slug)
      s = Broken("link to '#" + anchor + "' resolves to '" + t.path + "#" + t.anchor + "'");
  }
  return s;
}

}  // namespace

Status CheckLink(std::string_view data) {
  std::string_view url = data.substr(0, data.find('\n'));
  std::string_view rest = url.size() < data.size() ? data.substr(url.size() + 1) : std::string_view();
  std::string_view doc = rest.substr(0, rest.find('\n'));
  bool has_site_root = doc.size() < rest.size();
  std::string_view site_root = has_site_root ? rest.substr(doc.size() + 1) : std::string_view();

  LinkTarget t = ClassifyLink(url, doc, has_site_root, site_root);
  Status s;
  switch (t.kind) {
    case LinkTarget::Kind::kPaperUrl:
      if (!IsArxivId(t.arxiv) || ArxivIdFromUrl(url) != t.arxiv) s = Broken("paper link with a bad arXiv id");
      break;
    case LinkTarget::Kind::kExternal:
      if (!t.path.empty() || !t.anchor.empty() || !t.arxiv.empty()) s = Broken("external link with a path");
      break;
    case LinkTarget::Kind::kPost:
      // The path is normalized before the extension goes ("..md" gives "."): the document
      // key it stands for is the normalized one.
      if (!t.path.empty()) s = CheckPostPath(CandidateDocs(t.path).front());
      if (s.ok() && url.find('#') == std::string_view::npos && !t.anchor.empty())
        s = Broken("anchor '" + t.anchor + "' from a link without '#'");
      break;
  }
  if (!s.ok()) return s;

  if (!t.path.empty()) {
    std::vector<std::string> candidates = CandidateDocs(t.path);
    if (candidates.empty() || StripPostExtension(candidates.front()) != t.path)
      return Broken("the first candidate document does not strip back to the path");
  }
  std::string stripped = StripPostExtension(doc);
  if (doc.substr(0, stripped.size()) != stripped) return Broken("StripPostExtension is not a prefix");
  return CheckSlug(url);
}

}  // namespace pg::fuzz
