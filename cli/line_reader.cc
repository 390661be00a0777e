#include "cli/line_reader.h"

#include <editline/readline.h>

#include <cstdlib>
#include <iostream>

namespace pg::cli {
namespace {

constexpr int kHistoryEntries = 1000;

}  // namespace

LineReader::LineReader(bool tty, std::string history_file) : tty_(tty), history_file_(std::move(history_file)) {
  if (!tty_) return;
  using_history();
  stifle_history(kHistoryEntries);
  if (!history_file_.empty()) read_history(history_file_.c_str());  // absent on first use: fine
}

LineReader::~LineReader() {
  if (tty_ && !history_file_.empty() && write_history(history_file_.c_str()) != 0)
    std::cerr << "papergraph: could not save the query history to " << history_file_ << "\n";
}

std::optional<std::string> LineReader::Read(const char* prompt) {
  if (!tty_) {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  char* raw = readline(prompt);
  if (!raw) return std::nullopt;
  std::string line(raw);
  std::free(raw);
  return line;
}

void LineReader::Remember(const std::string& entry) {
  if (!tty_ || entry.empty()) return;
  // Recalling the same query twice in a row adds it once.
  HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
  if (last && last->line && entry == last->line) return;
  add_history(entry.c_str());
}

std::string LineReader::DefaultHistoryFile() {
  if (const char* f = std::getenv("PAPERGRAPH_HISTORY")) return f;
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.papergraph_history";
  return "";
}

}  // namespace pg::cli
