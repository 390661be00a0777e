#include "importers/importer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "core/hash.h"
#include "importers/materialize.h"
#include "importers/post_parser.h"
#include "storage/write_txn.h"

namespace pg {
namespace fs = std::filesystem;
namespace {

// Bump when the importer extracts differently, so every file imports again.
constexpr const char* kImporterVersion = "importer-2";  // 2: a subtitle's own line
constexpr const char* kLexiconDoc = "@lexicon";

bool IsPostFile(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".md" || ext == ".mdx" || ext == ".markdown" || ext == ".txt";
}

struct SourceFile {
  std::string path;      // as found on disk
  std::string doc;       // id path relative to the import root
  std::string site_root; // relative to the import root, when the user gave one
  bool has_site_root = false;
};

// What a worker produces for one file.
struct Parsed {
  bool done = false;
  Status error;
  std::string hash;
  ExtractedPost post;
  std::string stored_as;  // unchanged, but stored under another root's id
};

std::string Relative(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path rel = fs::relative(path, root, ec);
  if (ec || rel.empty()) return path.filename().string();
  return rel.generic_string();
}

// The ids `path` would have under each of its parent directories as the
// import root, shortest first ("x.md", "docs/x.md", "site/docs/x.md", ...).
std::vector<std::string> IdsUnderOtherRoots(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  std::vector<std::string> parts;
  for (const fs::path& part : abs.relative_path()) parts.push_back(part.string());
  std::vector<std::string> ids;
  std::string id;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    id = id.empty() ? *it : *it + "/" + id;
    ids.push_back(id);
  }
  return ids;
}

// The site root as a path relative to the import root ("" when they are the same).
std::string SiteRootUnder(const std::string& site_root, const fs::path& root) {
  std::string rel = Relative(fs::path(site_root), root);
  return rel == "." ? std::string() : rel;
}

// What of the site root goes into a document's hash: the site root relative
// to the import root, or "auto" when links find their own.
std::string SiteKey(const std::string* site_root_relative) {
  return site_root_relative ? "site:" + *site_root_relative : "site:auto";
}

// A new id may be a file imported before under another root (`import
// corpus/blog`, later `import corpus`): the id it was stored under, when one
// of its ids under other roots (not used by this run) holds the same content
// hash as it would have been under that root (hash(site key)). Else nullopt.
std::optional<std::string> StoredUnderAnotherRoot(const Store& store, const std::string& path,
                                                  const std::optional<std::string>& site_root, const std::string& id_now,
                                                  const std::unordered_set<std::string>& ids_in_run,
                                                  const std::function<std::string(const std::string&)>& hash) {
  for (const std::string& id : IdsUnderOtherRoots(path)) {
    if (id == id_now || ids_in_run.count(id)) continue;
    Result<std::optional<DocRecord>> other = store.GetDoc(id);
    if (!other.ok() || !other->has_value()) continue;
    std::optional<std::string> site_relative;
    if (site_root) {
      std::error_code ec;
      fs::path root = fs::weakly_canonical(fs::absolute(path, ec), ec);  // less the id's parts: the root giving `id`
      for (size_t up = static_cast<size_t>(std::count(id.begin(), id.end(), '/')) + 1; up > 0; --up)
        root = root.parent_path();
      site_relative = SiteRootUnder(*site_root, root);
    }
    if ((*other)->hash == hash(SiteKey(site_relative ? &*site_relative : nullptr))) return id;
  }
  return std::nullopt;
}

Status ReadFile(const std::string& path, std::string* out) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::InvalidArgument(path + ": is a directory, not a post");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // Name the cause: a symlink loop, permissions, a vanished file.
    std::string why = std::strerror(errno);
    return Status::IOError(path + ": cannot read: " + why);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  *out = ss.str();
  return Status::OK();
}

// Records the links of `rec` as document `doc`'s in this run, replacing what
// an earlier materialization of it in the same run counted.
void CountLinks(const std::string& doc, const DocRecord& rec, ImportReport* report) {
  ImportReport::LinkCounts now;
  for (const EdgeFact& e : rec.facts.edges)
    if (e.kind == EdgeKind::kLinksTo) ++now.resolved;
  for (const NodeFacts& n : rec.facts.nodes)
    for (const PropertyFact& p : n.props) {
      if (p.name == "pending_link") ++now.pending;
      if (p.name == "external_link") ++now.external;
    }
  ImportReport::LinkCounts& counted = report->links_by_doc[doc];
  report->links_resolved = report->links_resolved - counted.resolved + now.resolved;
  report->links_pending = report->links_pending - counted.pending + now.pending;
  report->links_external = report->links_external - counted.external + now.external;
  counted = now;
}

}  // namespace

// Resolves again, inside `txn`, every document (but `doc`) that depends on
// one of `keys`, so it sees the transaction's new state.
Status Importer::ResolveDependents(WriteTxn* txn, const std::set<std::string>& keys, const std::string& doc,
                                   ImportReport* report) {
  std::set<std::string> dependents;
  std::vector<std::string> found;
  for (const std::string& key : keys) {
    Status s = txn->DependentsOf(key, &found);
    if (!s.ok()) return s;
    dependents.insert(found.begin(), found.end());
  }
  dependents.erase(doc);
  for (const std::string& dep : dependents) {
    Result<std::optional<DocRecord>> rec = txn->GetDoc(dep);
    if (!rec.ok()) return rec.status();
    if (!rec->has_value()) continue;
    Result<ExtractedPost> x = DecodeExtractedPost((*rec)->parsed);
    if (!x.ok()) return Status::Corruption(dep + ": " + x.status().message());
    Result<DocRecord> again = Materialize(dep, (*rec)->hash, *x, (*rec)->parsed, txn);
    if (!again.ok()) return again.status();
    Status s = txn->Put(*again);
    if (!s.ok()) return s;
    ++report->resolved_again;
    // A document this run wrote earlier now has other links: count the new ones.
    if (report->links_by_doc.count(dep)) CountLinks(dep, *again, report);
  }
  return Status::OK();
}

// What decides whether a stored document is still current: its bytes, the
// data files it was matched against, the importer, and where its links start.
std::string Importer::DocumentHash(std::string_view text, const std::string& site) const {
  ContentHasher h;
  h.Add(text);
  h.Add(extractor_->Fingerprint());
  h.Add(kImporterVersion);
  h.Add(site);
  return h.Hex();
}

Status Importer::EnsureLexicon() {
  if (lexicon_checked_) return Status::OK();
  DocRecord rec = extractor_->LexiconRecord();
  rec.doc = kLexiconDoc;
  Result<std::optional<DocRecord>> old = store_->GetDoc(kLexiconDoc);
  if (!old.ok()) return old.status();
  if (old->has_value() && (*old)->hash == rec.hash) {
    lexicon_checked_ = true;
    return Status::OK();
  }
  std::unique_ptr<WriteTxn> txn = store_->BeginWrite();
  Status s = txn->Put(rec);
  if (s.ok()) s = txn->Commit();
  if (s.ok()) lexicon_checked_ = true;
  return s.WithContext("the topic lexicon: not written");
}

Status Importer::Write(const std::string& doc, const std::string& hash, const ExtractedPost& x,
                       ImportReport* report) {
  std::unique_ptr<WriteTxn> txn = store_->BeginWrite();
  Result<std::optional<DocRecord>> old = txn->GetDoc(doc);
  if (!old.ok()) return old.status();
  Result<DocRecord> rec = Materialize(doc, hash, x, EncodeExtractedPost(x), txn.get());
  if (!rec.ok()) return rec.status();
  Status s = txn->Put(*rec);
  if (!s.ok()) return s;

  // Documents that resolved something against the old or the new version.
  std::set<std::string> keys(rec->provides.begin(), rec->provides.end());
  if (old->has_value()) keys.insert((*old)->provides.begin(), (*old)->provides.end());
  s = ResolveDependents(txn.get(), keys, doc, report);
  if (!s.ok()) return s;
  s = txn->Commit();
  if (!s.ok()) return s;
  ++report->imported;
  report->papers += x.post.papers.size();
  CountLinks(doc, *rec, report);
  return Status::OK();
}

Status Importer::Retract(const std::string& doc, ImportReport* report) {
  std::unique_ptr<WriteTxn> txn = store_->BeginWrite();
  Result<std::optional<DocRecord>> old = txn->GetDoc(doc);
  if (!old.ok()) return old.status();
  if (!old->has_value()) return Status::OK();
  Status s = txn->Retract(doc);
  if (!s.ok()) return s;
  s = ResolveDependents(txn.get(), {(*old)->provides.begin(), (*old)->provides.end()}, doc, report);
  if (!s.ok()) return s;
  s = txn->Commit();
  if (s.ok()) ++report->pruned;
  return s;
}

Status Importer::ImportText(const std::string& doc, const std::string& text, ImportReport* report) {
  Status s = EnsureLexicon();
  if (!s.ok()) return s;
  ++report->files;
  Result<ParsedPost> parsed = ParsePost(text, doc);
  if (!parsed.ok()) {
    ++report->failed;
    report->errors.push_back(parsed.status().message());
    return Status::OK();
  }
  for (const std::string& w : parsed->warnings) report->warnings.push_back(w);
  ExtractedPost x = extractor_->Extract(std::move(parsed).value());
  return Write(doc, DocumentHash(text, SiteKey(nullptr)), x, report).WithContext(doc + ": not imported");
}

Status Importer::Run(const ImportOptions& options, ImportReport* report, const ProgressFn& progress) {
  Status s = EnsureLexicon();
  if (!s.ok()) return s;

  // 1. Find the files, each with its id path. A path that cannot be read
  //    counts as one failed file, so that imported + unchanged + failed add
  //    up to the files.
  std::vector<SourceFile> files;
  auto unreadable = [&](const std::string& message) {
    report->errors.push_back(message);
    ++report->failed;
    ++report->files;
  };
  for (const std::string& arg : options.paths) {
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (!fs::exists(st)) {
      unreadable(arg + ": no such file or directory");
      continue;
    }
    if (ec) {
      unreadable(arg + ": " + ec.message());
      continue;
    }
    fs::path root = options.root ? fs::path(*options.root)
                                 : (fs::is_directory(st) ? fs::path(arg) : fs::path(arg).parent_path());
    if (root.empty()) root = ".";
    std::string site_rel = options.site_root ? SiteRootUnder(*options.site_root, root) : std::string();
    auto add = [&](const fs::path& p) {
      files.push_back({p.string(), Relative(p, root), site_rel, options.site_root.has_value()});
    };
    if (!fs::is_directory(st)) {
      add(arg);
      continue;
    }
    fs::recursive_directory_iterator it(arg, fs::directory_options::none, ec), end;
    if (ec) {
      unreadable(arg + ": cannot list directory: " + ec.message());
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        unreadable(it->path().string() + ": cannot list directory: " + ec.message());
        ec.clear();
        continue;
      }
      std::error_code fec;
      const fs::path& p = it->path();
      if (it->is_directory(fec)) continue;
      if (!IsPostFile(p)) continue;
      add(p);
    }
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.doc < b.doc; });
  files.erase(std::unique(files.begin(), files.end(),
                          [](const SourceFile& a, const SourceFile& b) { return a.doc == b.doc; }),
              files.end());
  report->files += files.size();
  std::unordered_set<std::string> ids_in_run;
  for (const SourceFile& f : files) ids_in_run.insert(f.doc);

  // 2. Parse and extract in worker threads, in a bounded window ahead of the
  //    writer; write in file order so the result never depends on timing.
  const size_t n = files.size();
  const size_t window = 256;
  std::vector<Parsed> slots(n);
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<size_t> next{0};
  size_t written = 0;
  bool stop = false;
  auto work = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stop || next.load() >= n || next.load() < written + window; });
        if (stop || next.load() >= n) return;
        i = next++;
      }
      Parsed out;
      std::string text;
      out.error = ReadFile(files[i].path, &text);
      if (out.error.ok()) {
        out.hash = DocumentHash(text, SiteKey(files[i].has_site_root ? &files[i].site_root : nullptr));
        Result<std::optional<DocRecord>> old = store_->GetDoc(files[i].doc);
        bool unchanged = old.ok() && old->has_value() && (*old)->hash == out.hash;
        if (old.ok() && !old->has_value()) {
          std::optional<std::string> earlier =
              StoredUnderAnotherRoot(*store_, files[i].path, options.site_root, files[i].doc, ids_in_run,
                                     [&](const std::string& site) { return DocumentHash(text, site); });
          if (earlier) {
            out.stored_as = *earlier;
            unchanged = true;
          }
        }
        if (!unchanged) {
          Result<ParsedPost> parsed = ParsePost(text, files[i].doc);
          if (!parsed.ok()) {
            out.error = parsed.status();
          } else {
            out.post = extractor_->Extract(std::move(parsed).value());
            out.post.has_site_root = files[i].has_site_root;
            out.post.site_root = files[i].site_root;
          }
        } else {
          out.hash.clear();  // marks "unchanged"
        }
      }
      out.done = true;
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i] = std::move(out);
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int j = 0; j < std::max(1, options.jobs); ++j) workers.emplace_back(work);

  Status failure;
  std::set<std::string> seen;
  for (size_t i = 0; i < n; ++i) {
    Parsed p;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return slots[i].done; });
      p = std::move(slots[i]);
      slots[i] = Parsed();
      written = i + 1;
    }
    cv.notify_all();
    seen.insert(p.stored_as.empty() ? files[i].doc : p.stored_as);
    if (!p.error.ok()) {
      ++report->failed;
      report->errors.push_back(p.error.message());
    } else if (p.hash.empty()) {
      ++report->unchanged;
      if (!p.stored_as.empty()) ++report->stored_under_other_root;
    } else {
      for (const std::string& w : p.post.post.warnings) report->warnings.push_back(w);
      failure = Write(files[i].doc, p.hash, p.post, report);
      if (!failure.ok()) {
        // A write error (a full disk, a failed flush that left RocksDB
        // read-only) fails every later write too: stop at the first, naming
        // the file. Files written before it stay, each whole.
        failure = failure.WithContext(files[i].path + ": not imported");
        break;
      }
    }
    if (progress) progress(i + 1, n, files[i].doc);
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
  }
  cv.notify_all();
  for (std::thread& t : workers) t.join();
  if (!failure.ok()) return failure;

  // 3. Prune documents whose files are gone.
  if (options.prune) {
    std::vector<std::string> docs;
    s = store_->ListDocs(&docs);
    if (!s.ok()) return s;
    for (const std::string& doc : docs) {
      if (doc == kLexiconDoc || seen.count(doc)) continue;
      s = Retract(doc, report);
      if (!s.ok()) return s.WithContext(doc + ": not pruned");
    }
  }
  s = store_->Sync();
  if (s.ok() && report->imported + report->pruned > 0) s = store_->Flush();
  return s;
}

}  // namespace pg
