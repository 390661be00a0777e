#include "core/node_id.h"

#include "core/text.h"

namespace pg {

std::string PaperIdFromArxiv(std::string_view arxiv_id) { return "arxiv:" + std::string(arxiv_id); }
std::string PaperIdFromTitle(std::string_view title) { return "title:" + NormalizeName(title); }
std::string OrgId(std::string_view canonical) { return "org:" + std::string(canonical); }
std::string TopicId(std::string_view canonical) { return "topic:" + std::string(canonical); }
std::string PostId(std::string_view relative_path) { return "post:" + std::string(relative_path); }

std::optional<NodeKind> KindOfId(std::string_view id) {
  size_t colon = id.find(':');
  if (colon == std::string_view::npos || colon + 1 == id.size()) return std::nullopt;
  std::string_view prefix = id.substr(0, colon);
  if (prefix == "arxiv" || prefix == "title") return NodeKind::kPaper;
  if (prefix == "org") return NodeKind::kOrg;
  if (prefix == "topic") return NodeKind::kTopic;
  if (prefix == "post") return NodeKind::kPost;
  return std::nullopt;
}

std::vector<std::string_view> IdPrefixes(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPaper: return {"arxiv:", "title:"};
    case NodeKind::kOrg: return {"org:"};
    case NodeKind::kTopic: return {"topic:"};
    case NodeKind::kPost: return {"post:"};
  }
  return {};
}

std::string_view IdKey(std::string_view id) {
  size_t colon = id.find(':');
  return colon == std::string_view::npos ? id : id.substr(colon + 1);
}

std::string Slugify(std::string_view name) {
  std::string folded = FoldCase(name);
  std::string out;
  bool dash = false;
  for (unsigned char c : folded) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!word) {
      dash = !out.empty();
      continue;
    }
    if (dash) out.push_back('-');
    dash = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace pg
