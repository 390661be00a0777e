// Lines for `papergraph query`'s session: at a terminal through editline
// (BSD libedit: arrow keys, editing, history recalled with the up arrow and
// kept across sessions in a file), otherwise plain lines from stdin.
#pragma once

#include <optional>
#include <string>

namespace pg::cli {

class LineReader {
 public:
  // `history_file` empty: history only for this session. Not at a terminal,
  // nothing is recalled or saved.
  LineReader(bool tty, std::string history_file);
  ~LineReader();  // saves the history
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its end, or nullopt at end of input. `prompt` is
  // shown at a terminal only.
  std::optional<std::string> Read(const char* prompt);
  // Adds a whole query (its lines joined) to the history.
  void Remember(const std::string& entry);

  // $PAPERGRAPH_HISTORY, else ~/.papergraph_history, else "" (no $HOME).
  static std::string DefaultHistoryFile();

 private:
  bool tty_;
  std::string history_file_;
};

}  // namespace pg::cli
