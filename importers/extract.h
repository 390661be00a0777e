// Runs the lexicon and the lab aliases over parsed posts: topic mentions
// (title mentions weigh more), discovered definitions, explicit lab tags and
// lab names in the text, labs named in cross-link anchors. Also builds the
// "@lexicon" document that puts the topic taxonomy into the graph.
// Immutable after Load; thread-safe for concurrent Extract calls.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "importers/extracted_post.h"
#include "storage/doc_record.h"

namespace pg {

class Extractor {
 public:
  // Reads data_dir/topics.tsv and data_dir/orgs.tsv, then each user lexicon
  // (topics) and each user alias file (labs) on top. Errors name the file and
  // line.
  static Result<std::unique_ptr<Extractor>> Load(const std::string& data_dir,
                                                 const std::vector<std::string>& user_lexicons,
                                                 const std::vector<std::string>& user_orgs = {});
  ~Extractor();

  ExtractedPost Extract(ParsedPost post) const;

  // Changes whenever the data files change: part of every document's hash,
  // so a new lexicon re-imports everything.
  const std::string& Fingerprint() const;

  // The taxonomy as a pseudo-document: topic nodes with names and aliases,
  // subtopic_of edges.
  DocRecord LexiconRecord() const;

  struct Data;

 private:
  explicit Extractor(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace pg
