// Parser for Docusaurus MDX "papers review" / "papers summary" posts
// (tomatosaurus format, DESIGN §1 and shared/corpus/SOURCES.md §1), including
// the monthly big-tech list grouped by company and the 2026 `**기관:** X`
// entries. Pure function of its input; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "importers/parsed_document.h"

namespace pg {

// `text` is the whole file (MDX import lines included). `file` (the path
// relative to the import root) names the file in messages and helps decide
// the date and whether the page is a review (docs/papers/...). Fails only when the text cannot be read as such a post at all.
Result<ParsedPost> ParseDocusaurus(std::string_view text, const std::string& file);

}  // namespace pg
