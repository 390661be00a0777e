#include "importers/link_target.h"

#include "core/arxiv_id.h"

namespace pg {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Resolves "." and ".." segments; a ".." above the root is dropped.
std::string NormalizePath(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.emplace_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out.push_back('/');
    out += p;
  }
  return out;
}

std::string DirOf(std::string_view doc) {
  size_t slash = doc.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(doc.substr(0, slash + 1));
}

// The folder of `doc` that holds `first_segment` ("review-03/" for
// "review-03/docs/x.md" and "docs"), or "" when the path has no such folder.
std::string SitePrefixFromPath(std::string_view doc, std::string_view first_segment) {
  if (first_segment.empty()) return "";
  // Built with append: GCC 12 warns falsely (-Wrestrict) on "/" + string.
  std::string needle(1, '/');
  needle.append(first_segment).push_back('/');
  std::string padded(1, '/');
  padded.append(doc);
  size_t at = padded.rfind(needle);
  if (at == std::string::npos) return "";
  return padded.substr(1, at);  // up to and including the '/' before the segment
}

}  // namespace

std::string StripPostExtension(std::string_view doc) {
  for (std::string_view ext : {".md", ".mdx", ".markdown"}) {
    if (doc.size() > ext.size() && doc.substr(doc.size() - ext.size()) == ext)
      return std::string(doc.substr(0, doc.size() - ext.size()));
  }
  return std::string(doc);
}

std::vector<std::string> CandidateDocs(std::string_view path) {
  std::string p(path);
  return {p + ".md", p + ".mdx", p + ".markdown", p + "/index.md", p};
}

LinkTarget ClassifyLink(std::string_view url, std::string_view linking_doc, bool has_site_root,
                        std::string_view site_root) {
  LinkTarget t;
  if (std::optional<std::string> id = ArxivIdFromUrl(url)) {
    t.kind = LinkTarget::Kind::kPaperUrl;
    t.arxiv = *id;
    return t;
  }
  std::string_view u = url;
  if (u.empty() || StartsWith(u, "http://") || StartsWith(u, "https://") || StartsWith(u, "mailto:") ||
      StartsWith(u, "www.") || u.find("://") != std::string_view::npos)
    return t;  // external

  std::string_view anchor;
  if (size_t hash = u.find('#'); hash != std::string_view::npos) {
    anchor = u.substr(hash + 1);
    u = u.substr(0, hash);
  }
  if (size_t q = u.find('?'); q != std::string_view::npos) u = u.substr(0, q);
  std::string path = PercentDecode(u);

  std::string full;
  if (path.empty()) {
    full = std::string(linking_doc);  // "#anchor": a heading of the same post
  } else if (path[0] == '/') {
    std::string rel = path.substr(1);
    std::string prefix;
    if (has_site_root) {
      prefix = std::string(site_root);
      if (!prefix.empty() && prefix.back() != '/') prefix.push_back('/');
    } else {
      prefix = SitePrefixFromPath(linking_doc, rel.substr(0, rel.find('/')));
    }
    full = prefix + rel;
  } else {
    full = DirOf(linking_doc) + path;
  }
  t.kind = LinkTarget::Kind::kPost;
  t.path = StripPostExtension(NormalizePath(full));
  t.anchor = PercentDecode(anchor);
  return t;
}

}  // namespace pg
