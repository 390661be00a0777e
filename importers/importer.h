// Imports post files into the store (DESIGN §3, §8): walks files and
// directories, skips unchanged files by content hash, parses and extracts in
// worker threads, and writes each document in one atomic transaction that
// also resolves again the documents depending on it. Bad files are reported
// with file and line; every other file still imports. Not thread-safe: one
// Importer per writable Store.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "importers/extract.h"
#include "storage/store.h"
#include "storage/write_txn.h"

namespace pg {

struct ImportOptions {
  std::vector<std::string> paths;        // files or directories
  std::optional<std::string> root;       // post ids are paths relative to this
  std::optional<std::string> site_root;  // where /docs/... links start (a directory)
  bool prune = false;                    // retract stored documents whose files are gone
  int jobs = 2;                          // parser threads
};

struct ImportReport {
  size_t files = 0;      // post files found, and paths that could not be read
  size_t imported = 0;   // new or changed, written
  size_t unchanged = 0;  // same hash, skipped
  // Of those, files stored earlier under another import root's ids (kept).
  size_t stored_under_other_root = 0;
  size_t failed = 0;
  size_t pruned = 0;
  size_t resolved_again = 0;  // other documents resolved again because of these
  size_t papers = 0;          // paper entries in the imported files
  // Links in the documents written by this run, as they stand at the end: a
  // document resolved again later in the run replaces its earlier counts.
  size_t links_resolved = 0, links_pending = 0, links_external = 0;
  std::vector<std::string> errors;    // "file:line: message", one per failed file
  std::vector<std::string> warnings;  // "file:line: message"

  struct LinkCounts {
    size_t resolved = 0, pending = 0, external = 0;
  };
  // Per document written by this run: the counts behind the totals above.
  std::map<std::string, LinkCounts> links_by_doc;
};

// Called after each file: (done, total, path).
using ProgressFn = std::function<void(size_t, size_t, const std::string&)>;

class Importer {
 public:
  Importer(Store* store, const Extractor* extractor) : store_(store), extractor_(extractor) {}

  // Returns a non-OK status only when the store itself fails (a write error:
  // a full disk, a failed flush); the import stops at the first, and the
  // message names the file being written. Bad files are counted in the report.
  Status Run(const ImportOptions& options, ImportReport* report, const ProgressFn& progress = nullptr);

  // Imports one document given as text (tests, fuzzing). `doc` is its id path.
  Status ImportText(const std::string& doc, const std::string& text, ImportReport* report);
  // Retracts one document and resolves its dependents again.
  Status Retract(const std::string& doc, ImportReport* report);

 private:
  Status EnsureLexicon();
  std::string DocumentHash(std::string_view text, const std::string& site) const;
  Status ResolveDependents(WriteTxn* txn, const std::set<std::string>& keys, const std::string& doc,
                           ImportReport* report);
  Status Write(const std::string& doc, const std::string& hash, const ExtractedPost& x, ImportReport* report);

  Store* store_;
  const Extractor* extractor_;
  bool lexicon_checked_ = false;
};

}  // namespace pg
