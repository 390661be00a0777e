// The front_matter target's properties (fuzz/checks.h).
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "fuzz/checks.h"
#include "fuzz/property.h"
#include "importers/front_matter.h"

namespace pg::fuzz {
namespace {

// "" or a real-looking YYYY-MM-DD that reads back as itself.
Status CheckDate(const std::string& date, std::string_view what) {
  if (date.empty()) return Status::OK();
  bool shape = date.size() == 10 && date[4] == '-' && date[7] == '-';
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) shape = shape && std::isdigit(static_cast<unsigned char>(date[i]));
  if (!shape || DateFromValue(date) != date) return Broken(std::string(what) + " '" + date + "' is not YYYY-MM-DD");
  return Status::OK();
}

}  // namespace

Status CheckFrontMatter(std::string_view data) {
  const std::string file = "fm.md";
  std::string_view first_line = data.substr(0, data.find('\n'));
  Status s = CheckDate(DateFromValue(first_line), "DateFromValue");
  if (s.ok()) s = CheckDate(DateFromFileName(first_line), "DateFromFileName");
  if (!s.ok()) return s;

  // SplitFrontMatter REQUIRES '\n' line ends and no BOM: ParsePost strips and normalizes
  // them first. Dropping every '\r' keeps the rest of the input for the fuzzer to work on.
  std::string text(data);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());

  bool starts = StartsWithFrontMatter(text);
  Result<SplitPost> split = SplitFrontMatter(text, file);
  if (!split.ok()) {
    if (!starts) return Broken("an error for text that does not start with front matter");
    if (split.status().message().rfind(file + ":1: ", 0) != 0)
      return Broken("error does not name the file and line 1: " + split.status().ToString());
    return Status::OK();
  }
  const SplitPost& sp = *split;
  if (sp.front.present != starts) return Broken("present disagrees with StartsWithFrontMatter");
  // The body is the tail of the text, and body_line is the line it starts on.
  const char* end = text.data() + text.size();
  if (sp.body.data() < text.data() || sp.body.data() + sp.body.size() != end)
    return Broken("body is not the tail of the text");
  size_t before = static_cast<size_t>(sp.body.data() - text.data());
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(before), '\n'));
  // (An empty body after a last line without '\n' has no line of its own to start on.)
  if (!sp.body.empty() && sp.body_line != line)
    return Broken("body_line is " + std::to_string(sp.body_line) + ", the body starts on line " + std::to_string(line));
  if (!sp.front.present) {
    if (before != 0 || !sp.warnings.empty()) return Broken("no front matter, yet the body or warnings changed");
    return Status::OK();
  }
  // Fields come from the lines between the delimiters: 2 .. body_line - 2.
  const int last = sp.body_line - 2;
  if (sp.front.title_line != 0) s = LineIn(sp.front.title_line, 2, last, "title");
  if (s.ok() && sp.front.date_line != 0) s = LineIn(sp.front.date_line, 2, last, "date");
  if (s.ok()) s = CheckDate(sp.front.date, "front matter date");
  // Warnings point into the front matter, delimiters included: 1 .. body_line - 1.
  for (const std::string& w : sp.warnings) {
    if (!s.ok()) break;
    if (w.rfind(file + ":", 0) != 0) return Broken("warning does not name the file: " + w);
    s = LineIn(std::atoi(w.c_str() + file.size() + 1), 1, sp.body_line - 1, "warning '" + w + "'");
  }
  return s;
}

}  // namespace pg::fuzz
