// Fallback parser for markdown that lists papers in its own way: a heading
// (markdown or HTML), a list item or a bold title that holds or is followed by
// a paper link (or a plain-text "arXiv:ID"), with an optional lab field. Pages
// that list no papers parse to a post with no papers. Pure function of its
// input; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "importers/parsed_document.h"

namespace pg {

Result<ParsedPost> ParseGeneric(std::string_view text, const std::string& file);

}  // namespace pg
