// Where a link in a review points: another post of the site (by path and
// heading anchor), a paper page (arXiv id), or somewhere else. Docusaurus
// links are site-absolute (/docs/papers/y2025/oct/20251007.md#anchor), with or
// without the extension, or relative to the linking file. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct LinkTarget {
  enum class Kind { kPost, kPaperUrl, kExternal };
  Kind kind = Kind::kExternal;
  std::string path;    // kPost: target path relative to the import root, extension removed
  std::string anchor;  // kPost: heading slug, percent-decoded; may be empty
  std::string arxiv;   // kPaperUrl: canonical arXiv id
};

// `linking_doc` is the linking file's path relative to the import root.
// `site_root` (relative to the import root, "" = the root itself) is used for
// site-absolute links when `has_site_root`; otherwise the site root is the
// folder of the linking file's path that holds the link's first segment
// ("review-03/" for "review-03/docs/x.md" linking "/docs/y"), or the import root.
LinkTarget ClassifyLink(std::string_view url, std::string_view linking_doc, bool has_site_root,
                        std::string_view site_root);

// The document keys a post path may be stored under, most likely first:
// "p.md", "p.mdx", "p.markdown", "p/index.md", "p".
std::vector<std::string> CandidateDocs(std::string_view path);

// "docs/a/b.md" -> "docs/a/b": the form links use after dropping the extension.
std::string StripPostExtension(std::string_view doc);

}  // namespace pg
