// "Did you mean": the names in the store's names index nearest to an
// unknown one, by prefix and by edit distance, for one node kind.
// Pure functions over a Store (thread-safe as the Store is).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/kinds.h"
#include "storage/store.h"

namespace pg {

struct NameSuggestion {
  std::string name;  // normalized, as indexed
  std::string id;
  size_t distance = 0;
};

// Up to `max` suggestions for the normalized name `norm`, nearest first
// (edit distance, then names that start with `norm`, then by name); one per id.
Status NearestNames(const Store& store, std::string_view norm, std::optional<NodeKind> kind, size_t max,
                    std::vector<NameSuggestion>* out);

// `"loop transformers" (topic:looped-transformer), "loopholing" (title:loopholing)`.
std::string FormatSuggestions(const std::vector<NameSuggestion>& suggestions);

}  // namespace pg
