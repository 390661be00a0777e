// Runs Graphviz's `dot` program to turn DOT text into SVG (or PNG). Not
// thread-unsafe by itself (temporary files are unique per call), but it
// forks a process: call it from the CLI, not from a server's hot path.
#pragma once

#include <string>

#include "core/status.h"

namespace pg {

// The path of `dot` on $PATH, or "" when Graphviz is not installed.
std::string FindGraphviz();

// The message for a missing Graphviz: how to install it, and the DOT fallback.
std::string GraphvizMissingMessage();

// Renders `dot_text` with `dot -T<format>` into *output. Errors: NotFound
// (Graphviz missing; GraphvizMissingMessage()), IOError (dot failed; its
// stderr is in the message).
Status RunGraphviz(const std::string& dot_text, const std::string& format, std::string* output);

}  // namespace pg
