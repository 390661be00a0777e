// papergraph import PATH...: import posts, print a summary; exit 1 if any file failed.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "importers/importer.h"
#include "importers/lexicon.h"

namespace pg::cli {
namespace {

struct ImportCliOptions {
  std::vector<std::string> paths;
  std::string root, site_root;
  std::vector<std::string> lexicons, orgs;
  bool prune = false;
  bool quiet = false;
  int jobs = 2;
};

// A one-line progress bar, redrawn in place; only when stderr is a terminal.
void DrawProgress(size_t done, size_t total) {
  static auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto now = std::chrono::steady_clock::now();
  if (done != total && now - last < std::chrono::milliseconds(100)) return;
  last = now;
  const int width = 30;
  int filled = total ? static_cast<int>(width * done / total) : width;
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu files", filled, "##############################", width - filled, "",
               done, total);
  if (done == total) std::fprintf(stderr, "\n");
}

void RunImport(GlobalOptions& g, const ImportCliOptions& o) {
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Load(DefaultDataDir(), o.lexicons, o.orgs);
  if (!extractor.ok()) {
    std::cerr << "papergraph: " << extractor.status().message() << "\n";
    g.exit_code = kExitFailed;
    return;
  }
  std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kWrite, "papergraph import");
  if (!store) return;
  ImportOptions options;
  options.paths = o.paths;
  if (!o.root.empty()) options.root = o.root;
  if (!o.site_root.empty()) options.site_root = o.site_root;
  options.prune = o.prune;
  options.jobs = o.jobs;

  ImportReport report;
  bool tty = isatty(STDERR_FILENO) && !o.quiet;
  auto start = std::chrono::steady_clock::now();
  Status s = Importer(store.get(), extractor->get())
                 .Run(options, &report, tty ? ProgressFn([](size_t d, size_t t, const std::string&) {
                   DrawProgress(d, t);
                 })
                                            : ProgressFn());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const std::string& w : report.warnings) std::cerr << "warning: " << w << "\n";
  for (const std::string& e : report.errors) std::cerr << "error: " << e << "\n";
  if (!s.ok()) {
    std::cerr << "papergraph: import stopped: " << s.message() << "\n";
    std::fprintf(stderr,
                 "papergraph: %zu of %zu files were written before it and are kept, each whole; fix the cause "
                 "(free disk space) and run the import again to finish\n",
                 report.imported, report.files);
    g.exit_code = kExitFailed;
    return;
  }
  Result<GraphCounts> counts = store->Count();
  std::fprintf(stderr,
               "imported %zu of %zu files (%zu unchanged, %zu failed%s) in %.2f s; %zu paper entries\n",
               report.imported, report.files, report.unchanged, report.failed,
               o.prune ? (", " + std::to_string(report.pruned) + " pruned").c_str() : "", seconds, report.papers);
  if (report.stored_under_other_root)
    std::fprintf(stderr, "%zu of the unchanged files were imported before from another root and keep those ids\n",
                 report.stored_under_other_root);
  std::fprintf(stderr, "links in these files: %zu resolved, %zu pending, %zu external; %zu documents resolved again\n",
               report.links_resolved, report.links_pending, report.links_external, report.resolved_again);
  if (counts.ok())
    std::fprintf(stderr, "graph: %llu posts, %llu papers, %llu labs, %llu topics\n",
                 static_cast<unsigned long long>(counts->nodes[static_cast<int>(NodeKind::kPost)]),
                 static_cast<unsigned long long>(counts->nodes[static_cast<int>(NodeKind::kPaper)]),
                 static_cast<unsigned long long>(counts->nodes[static_cast<int>(NodeKind::kOrg)]),
                 static_cast<unsigned long long>(counts->nodes[static_cast<int>(NodeKind::kTopic)]));
  if (report.failed > 0) g.exit_code = kExitFailed;
}

}  // namespace

void RegisterImport(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<ImportCliOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Import post files or directories (.md, .mdx, .markdown, .txt)");
  cmd->add_option("paths", o->paths, "files or directories")->required();
  cmd->add_option("--root", o->root, "post ids are paths relative to this directory (default: each PATH)");
  cmd->add_option("--site-root", o->site_root,
                  "directory that site links like /docs/... start from (default: found per file)");
  cmd->add_option("--lexicon", o->lexicons, "an extra topic lexicon (TSV, see docs/lexicon.md); repeatable");
  cmd->add_option("--orgs", o->orgs, "extra lab aliases (TSV, see docs/lexicon.md); repeatable");
  cmd->add_flag("--prune", o->prune, "retract stored posts whose files are no longer among PATHs");
  cmd->add_option("-j,--jobs", o->jobs, "parser threads")->check(CLI::Range(1, 64));
  cmd->add_flag("-q,--quiet", o->quiet, "no progress bar");
  cmd->callback([&g, o] { RunImport(g, *o); });
}

}  // namespace pg::cli
