#include "tests/test_util.h"

#include <stdlib.h>

#include <fstream>
#include <stdexcept>

namespace pg::testing {

ScratchDir::ScratchDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "papergraph-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string SharedDir() {
  std::error_code ec;
  std::string dir = PAPERGRAPH_SHARED_DIR;
  return std::filesystem::is_directory(dir + "/corpus", ec) ? dir : "";
}

void WriteFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

}  // namespace pg::testing
