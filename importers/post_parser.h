// The one entry point from bytes to a ParsedPost: rejects what is not text
// (invalid UTF-8, NUL bytes, binary data, empty files) with a message naming
// the file and line, detects the format from the content (not the name) and
// runs that format's parser. Pure function of its input; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "importers/parsed_document.h"

namespace pg {

enum class PostFormat { kDocusaurus, kJekyll, kDigest, kGeneric };

std::string_view PostFormatName(PostFormat format);  // "docusaurus", "jekyll", ...

// Decides the format from the first part of the content.
PostFormat DetectFormat(std::string_view text);

// `file` is the path used in messages (relative to the import root).
// Errors are InvalidArgument("file:line: what is wrong").
Result<ParsedPost> ParsePost(std::string_view text, const std::string& file);

}  // namespace pg
