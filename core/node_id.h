// Node ids (DESIGN §2): "arxiv:2510.24035", "title:<normalized title>",
// "org:<canonical>", "topic:<canonical>", "post:<path>". An id's kind is
// given by its prefix. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/kinds.h"

namespace pg {

std::string PaperIdFromArxiv(std::string_view arxiv_id);     // "arxiv:" + id
std::string PaperIdFromTitle(std::string_view title);        // "title:" + NormalizeName
std::string OrgId(std::string_view canonical);               // "org:" + canonical
std::string TopicId(std::string_view canonical);             // "topic:" + canonical
std::string PostId(std::string_view relative_path);          // "post:" + path

// The kind an id names, or nullopt for a string that is not an id.
std::optional<NodeKind> KindOfId(std::string_view id);
// The prefixes of every id of `kind`: {"arxiv:", "title:"} for papers,
// {"org:"} for labs, and so on.
std::vector<std::string_view> IdPrefixes(NodeKind kind);

// The part after the prefix: "arxiv:2510.1" -> "2510.1".
std::string_view IdKey(std::string_view id);

// A slug for canonical org and topic names: lower-case ASCII letters and
// digits, other runs become one '-'; non-ASCII letters are kept as they are.
// "Stability AI" -> "stability-ai".
std::string Slugify(std::string_view name);

}  // namespace pg
