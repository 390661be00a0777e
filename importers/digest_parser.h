// Parser for the PyTorchKR weekly digest (plain text; DESIGN §1 format 3):
// entries "Korean title / English title", 논문 소개, 논문 초록(Abstract) with
// Korean and English abstracts, 논문 링크, 더 읽어보기. Papers have no URLs
// and are known by title. Pure function of its input; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "importers/parsed_document.h"

namespace pg {

Result<ParsedPost> ParseDigest(std::string_view text, const std::string& file);

}  // namespace pg
