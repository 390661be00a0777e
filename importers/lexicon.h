// The topic lexicon (DESIGN §2 "Topics"): canonical topics with a display name,
// an optional parent and aliases in English and Korean, read from a user-editable
// TSV file (data/topics.tsv, format in docs/lexicon.md) and extended with --lexicon
// files. Also the helpers every data-file loader shares (reading, row splitting,
// the default data directory).
//
// A Lexicon is a plain value: thread-compatible (const methods may run
// concurrently; Merge/Add need exclusive access).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace pg {

struct Topic {
  std::string id;      // canonical slug, "kv-cache"; the node id is TopicId(id)
  std::string name;    // display name, "KV cache"; also matched in text
  std::string parent;  // canonical id of the broader topic, or empty
  // Other spellings as written in the file. A leading '=' marks an alias that
  // matches only with exactly that case ("=ReAct").
  std::vector<std::string> aliases;
  bool discovered = false;  // found by DiscoverDefinitions, not in any file

  bool operator==(const Topic&) const = default;
};

// One line of a data file, kept so that facts read from it can name their
// source (provenance): "data/topics.tsv", 37, and the line as written.
struct SourceLine {
  std::string file;  // the file's name as the loader was given it (see LoadLexicon)
  int line = 0;      // 1-based
  std::string text;  // without the line ending

  bool operator==(const SourceLine&) const = default;
};

// Bump when the matching rules change in a way that changes which mentions a
// given lexicon finds: it is part of every Fingerprint(), so imports redo the
// matching.
inline constexpr int kMatchRulesVersion = 1;

class Lexicon {
 public:
  Lexicon() = default;

  // Parses the TSV format of data/topics.tsv. Errors name "source_name:line".
  // Parents are not required to exist here (a --lexicon file may hang its topics
  // under topics of the base file); Merge and Validate check them.
  // Each topic keeps its row as a SourceLine (see Source) naming `source_name`,
  // or `shown_as` when that is not empty.
  static Result<Lexicon> FromTsv(std::string_view text, const std::string& source_name,
                                 const std::string& shown_as = "");

  // Adds the topics of `other`: a new id is appended; a known id gains the new
  // aliases, and a non-empty name or parent in `other` replaces the old one (the
  // user's file wins). Errors, naming other's file and line: an alias that already
  // belongs to another topic, an unknown parent, a parent cycle. On error *this
  // is unchanged.
  Status Merge(const Lexicon& other);

  // Adds one topic (a discovered one, say). `where` names its origin in errors.
  // Fails on a bad id, a known id, or an alias of another topic.
  Status Add(Topic topic, const std::string& where);

  // Every parent exists and no topic is its own ancestor.
  Status Validate() const;

  const Topic* Find(std::string_view canonical_id) const;
  // Any spelling: the id, the display name or an alias, compared after
  // NormalizeName (case, dashes, punctuation, NFKC); "loop transformers" and
  // "Looped-Transformer" both work. A trailing plural "s"/"es" is tried as well.
  const Topic* FindByAlias(std::string_view any_spelling) const;
  // "data/topics.tsv:12" for a topic read from a file; empty when unknown.
  std::string WhereDefined(std::string_view canonical_id) const;

  // The file row a topic's fact comes from: the row that gave its current
  // display name (kName), its parent (kParent), the alias `alias` (kAlias; a
  // display name that a --lexicon file replaced stays with its own row), or
  // the row that first defined the topic (kRow). A later file that lists a
  // spelling again does not take it over. nullptr for an unknown topic or
  // spelling, or a topic that no file defines (Add).
  enum class Fact { kRow, kName, kParent, kAlias };
  const SourceLine* Source(std::string_view canonical_id, Fact fact, std::string_view alias = {}) const;

  // In file order (merged files after the base file).
  const std::vector<Topic>& topics() const { return topics_; }
  size_t size() const { return topics_.size(); }

  // A stable hash of the content that matters for matching (ids, names, parents,
  // aliases, and kMatchRulesVersion), independent of line order and comments:
  // "lex1-<16 hex digits>". Imports compare it to know when to re-match.
  std::string Fingerprint() const;

 private:
  // Indexes into lines_ (kNone: no file row) for one topic's facts.
  static constexpr size_t kNone = static_cast<size_t>(-1);
  struct Origin {
    size_t row = kNone, name = kNone, parent = kNone;
    std::unordered_map<std::string, size_t> aliases;  // alias as written -> line
  };

  Status CheckAliases(const Topic& topic, const std::string& where, size_t self) const;
  Status AddFrom(Topic topic, const std::string& where, size_t line);
  void Index(size_t i);
  const SourceLine* Line(size_t i) const { return i == kNone ? nullptr : &lines_[i]; }

  std::vector<Topic> topics_;
  std::vector<std::string> where_;                     // per topic, "file:line"
  std::vector<Origin> origins_;                        // per topic
  std::vector<SourceLine> lines_;                      // the rows read from files
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, size_t> by_alias_;   // NormalizeName(spelling) -> topic
};

// Reads data/topics.tsv-format file `path`. Errors name the file: missing,
// unreadable, a directory, invalid UTF-8 (with the line), bad rows. The rows'
// SourceLines name `shown_as`, or `path` when that is empty.
Result<Lexicon> LoadLexiconFile(const std::string& path, const std::string& shown_as = "");

// The lexicon an import uses: <data_dir>/topics.tsv, then each extra file merged
// in order, then Validate(). Errors name the files by the paths opened. Source
// lines name the built-in file by the data directory's last part and the file
// name ("data/topics.tsv", the same wherever the data directory is), and each
// extra file by its path as given.
Result<Lexicon> LoadLexicon(const std::string& data_dir,
                            const std::vector<std::string>& extra_paths = {});

// ---- Helpers shared by the data-file loaders ------------------------------------

// Where data/topics.tsv and data/orgs.tsv live: $PAPERGRAPH_DATA_DIR when set and
// not empty, else the build's PAPERGRAPH_DATA_DIR (the source tree's data/), else
// "data".
std::string DefaultDataDir();

// The whole file as text. A leading UTF-8 byte-order mark is dropped. Errors name
// the path: "x.tsv: no such file", "x.tsv: is a directory", "x.tsv:3: invalid
// UTF-8", "x.tsv:3: NUL byte".
Result<std::string> ReadDataFile(const std::string& path);

// One non-comment, non-blank line of a data file, split on tabs; each column
// trimmed of surrounding spaces. `line` is 1-based.
struct DataRow {
  size_t line = 0;
  std::vector<std::string> cols;
  std::string text;  // the whole line as written, without its line ending
};
// Lines starting with '#' (after optional spaces) and blank lines are skipped;
// "\r\n" endings are accepted. Fails on invalid UTF-8 or NUL bytes, or on a row
// with more than `max_cols` columns.
Result<std::vector<DataRow>> SplitDataRows(std::string_view text, const std::string& source_name,
                                           size_t max_cols);

// "a | b|c " -> {"a", "b", "c"}; empty items are dropped.
std::vector<std::string> SplitList(std::string_view field);

}  // namespace pg
