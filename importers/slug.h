// Docusaurus heading anchors (github-slugger rules): lower-case, punctuation
// dropped except '-' and '_', letters and digits of every script kept (Hangul
// too), each space becomes '-'. "1. Distractor Injection ... amazon" ->
// "1-distractor-injection-...-amazon". Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pg {

std::string DocusaurusSlug(std::string_view heading_text);

}  // namespace pg
