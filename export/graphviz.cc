#include "export/graphviz.h"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

extern char** environ;

namespace pg {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A temporary directory removed when the object dies.
struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "papergraph-dot-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data())) path = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

std::string FindGraphviz() {
  const char* env = std::getenv("PATH");
  std::string path = env ? env : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/dot";
    struct stat st;
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = end + 1;
  }
  return "";
}

std::string GraphvizMissingMessage() {
  return "Graphviz is not installed (no `dot` on PATH); install it (Debian/Ubuntu: sudo apt install graphviz; "
         "Fedora: sudo dnf install graphviz; macOS: brew install graphviz), or use --format dot and render "
         "elsewhere";
}

Status RunGraphviz(const std::string& dot_text, const std::string& format, std::string* output) {
  std::string dot = FindGraphviz();
  if (dot.empty()) return Status::NotFound(GraphvizMissingMessage());
  TempDir tmp;
  if (tmp.path.empty()) return Status::IOError("cannot create a temporary directory for Graphviz");
  const std::string in = tmp.path + "/in.dot", out = tmp.path + "/out", err = tmp.path + "/err";
  {
    std::ofstream f(in, std::ios::binary);
    f << dot_text;
    if (!f.flush()) return Status::IOError(in + ": write error");
  }
  std::string tflag = "-T" + format, oflag = "-o" + out;
  std::vector<char*> argv = {const_cast<char*>(dot.c_str()), const_cast<char*>(tflag.c_str()),
                             const_cast<char*>(oflag.c_str()), const_cast<char*>(in.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, dot.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return Status::IOError(dot + ": cannot run: " + std::string(std::strerror(rc)));
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0)
    if (errno != EINTR) return Status::IOError(dot + ": wait failed");
  std::string errors = ReadAll(err);
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
    return Status::IOError("dot -T" + format + " failed: " + (errors.empty() ? "no message" : errors));
  *output = ReadAll(out);
  return Status::OK();
}

}  // namespace pg
