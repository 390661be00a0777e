#include "storage/info_log.h"

#include <fcntl.h>
#include <rocksdb/env.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace pg {
namespace {

class InfoLog : public rocksdb::Logger {
 public:
  explicit InfoLog(int fd) : fd_(fd) {}
  ~InfoLog() override {
    if (fd_ >= 0) ::close(fd_);
  }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[4096];
    timeval now;
    gettimeofday(&now, nullptr);
    tm t;
    localtime_r(&now.tv_sec, &t);
    int n = std::snprintf(line, sizeof line, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ", t.tm_year + 1900, t.tm_mon + 1,
                          t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, static_cast<long>(now.tv_usec));
    va_list copy;
    va_copy(copy, ap);
    int m = std::vsnprintf(line + n, sizeof line - n - 1, format, copy);
    va_end(copy);
    size_t len = m < 0 ? n : std::min(sizeof line - 2, static_cast<size_t>(n + m));
    line[len++] = '\n';
    std::lock_guard<std::mutex> lock(mu_);
    if (fd_ < 0) return;
    ssize_t w;
    do w = ::write(fd_, line, len);
    while (w < 0 && errno == EINTR);
    if (w != static_cast<ssize_t>(len)) {  // a full disk or a write error: stop here
      ::close(fd_);
      fd_ = -1;
    }
  }

 private:
  std::mutex mu_;
  int fd_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir) {
  std::string path = dir + "/LOG";
  ::rename(path.c_str(), (path + ".old").c_str());  // absent on a new database: fine
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return nullptr;
  return std::make_shared<InfoLog>(fd);
}

}  // namespace pg
