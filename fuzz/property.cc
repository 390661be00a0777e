#include "fuzz/property.h"

#include "core/text.h"

namespace pg::fuzz {

Status Broken(const std::string& what) { return Status::InvalidArgument("property broken: " + what); }

int LineCount(std::string_view text) {
  int lines = 1;
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
  return lines;
}

Status LineIn(int line, int lo, int hi, std::string_view what) {
  if (line >= lo && line <= hi) return Status::OK();
  return Broken(std::string(what) + " line " + std::to_string(line) + " is outside " + std::to_string(lo) + ".." +
                std::to_string(hi));
}

Status ValidUtf8(std::string_view s, std::string_view what) {
  if (IsValidUtf8(s)) return Status::OK();
  return Broken(std::string(what) + " is not valid UTF-8");
}

}  // namespace pg::fuzz
