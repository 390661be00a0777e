// Parser for Jekyll "Daily Papers" posts (hahngt format, DESIGN §1 and
// shared/corpus/SOURCES.md §2), including early posts whose front matter is
// not strict YAML and the free-form single-paper reviews of 2023-24.
// Pure function of its input; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "importers/parsed_document.h"

namespace pg {

Result<ParsedPost> ParseJekyll(std::string_view text, const std::string& file);

}  // namespace pg
