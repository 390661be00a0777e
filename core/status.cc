#include "core/status.h"

namespace pg {

std::string Status::ToString() const {
  const char* prefix = "";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kNotFound: prefix = "not found: "; break;
    case Code::kInvalidArgument: prefix = "invalid argument: "; break;
    case Code::kCorruption: prefix = "corruption: "; break;
    case Code::kIOError: prefix = "I/O error: "; break;
    case Code::kBusy: prefix = "busy: "; break;
    case Code::kVersionMismatch: prefix = "version mismatch: "; break;
    case Code::kLimitExceeded: prefix = "limit exceeded: "; break;
  }
  return prefix + message_;
}

Status Status::WithContext(const std::string& where) const {
  if (ok()) return *this;
  return Status(code_, where + ": " + message_);
}

}  // namespace pg
