// Helpers shared by the tests: scratch directories and paths to the shared corpus.
#pragma once

#include <filesystem>
#include <string>

namespace pg::testing {

// A fresh directory under the system temp dir, removed when the object dies.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// ../shared beside the source tree, or "" when it is absent (tests then skip).
std::string SharedDir();

void WriteFile(const std::string& path, const std::string& content);

}  // namespace pg::testing
