// Turns a document's extracted form into graph facts, resolving what depends
// on other documents through the write transaction:
//  - a paper without an arXiv id takes the id of an arXiv paper with the same
//    normalized title, if any document provides one (else "title:<norm>");
//  - a cross-link to another post resolves to the paper under the linked
//    heading, or to the post, or stays pending while the post is absent.
// The record lists what it depends on and provides, so the importer can
// resolve dependents again when a provider changes (see importer.h).
// Not thread-safe (uses the transaction).
#pragma once

#include <string>

#include "core/status.h"
#include "importers/extracted_post.h"
#include "storage/doc_record.h"
#include "storage/write_txn.h"

namespace pg {

// Dependency keys (DocRecord::depends_on / provides).
std::string TitleKey(std::string_view normalized_title);  // "title:<norm>"
std::string LinkKey(std::string_view path_without_ext);   // "link:<path>"

// `doc`: path relative to the import root. `parsed` is x encoded (stored as is).
Result<DocRecord> Materialize(const std::string& doc, const std::string& hash, const ExtractedPost& x,
                              const std::string& parsed, WriteTxn* txn);

}  // namespace pg
