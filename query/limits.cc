#include "query/limits.h"

namespace pg {

Status LimitError(const std::string& what, const std::string& bound, uint64_t value, const std::string& option) {
  return Status::LimitExceeded(what + " (bound " + bound + " = " + std::to_string(value) + "; " + option + ")");
}

Budget::Budget(const QueryLimits& limits) : limits_(limits), start_(std::chrono::steady_clock::now()) {}

Status Budget::CheckTime() const {
  if (limits_.timeout_ms == 0) return Status::OK();
  if (ElapsedMicros() / 1000 <= limits_.timeout_ms) return Status::OK();
  return LimitError("the query ran out of time", "timeout_ms", limits_.timeout_ms,
                    "raise it with --timeout-ms, or narrow the query");
}

Status Budget::CheckIntermediate(uint64_t rows) const {
  if (rows <= limits_.max_intermediate) return Status::OK();
  return LimitError("the query holds more than " + std::to_string(limits_.max_intermediate) + " intermediate rows",
                    "max_intermediate", limits_.max_intermediate,
                    "raise it with --max-intermediate, or start from a narrower node");
}

uint64_t Budget::ElapsedMicros() const {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start_).count();
}

}  // namespace pg
