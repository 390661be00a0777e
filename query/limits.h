// The bounds every query runs under (DESIGN §4: "every query is bounded"),
// and the budget that enforces them while a query runs. Going past a bound
// is Status::LimitExceeded naming the bound and the option that raises it.
// QueryLimits is a plain value; a Budget belongs to one running query.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/status.h"

namespace pg {

struct QueryLimits {
  int max_depth = 10;                        // repetition, neighbors depth, path length (--max-depth)
  uint64_t max_intermediate = 2'000'000;     // rows and paths held while evaluating (--max-intermediate)
  uint64_t max_rows = 1000;                  // rows in the final result (--max-rows)
  uint64_t timeout_ms = 10'000;              // wall time (--timeout-ms)
};

// The message for a bound that was hit: "<what> (bound <name> = <value>;
// <how to raise it>)".
Status LimitError(const std::string& what, const std::string& bound, uint64_t value, const std::string& option);

class Budget {
 public:
  explicit Budget(const QueryLimits& limits);

  const QueryLimits& limits() const { return limits_; }

  // Counts one unit of work; every 4096 units, checks the clock.
  Status Tick() {
    if ((++ticks_ & 4095) != 0) return Status::OK();
    return CheckTime();
  }
  Status CheckTime() const;
  // OK while `rows` intermediate rows are within the bound.
  Status CheckIntermediate(uint64_t rows) const;
  // Microseconds since the budget was made.
  uint64_t ElapsedMicros() const;

 private:
  QueryLimits limits_;
  std::chrono::steady_clock::time_point start_;
  uint64_t ticks_ = 0;
};

}  // namespace pg
