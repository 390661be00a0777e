// The papergraph subcommands. Each Register* adds its subcommand to the CLI11
// app; the callback runs the command and stores its exit status. This folder
// is the only code that prints or exits.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "core/status.h"
#include "storage/store.h"

namespace pg::cli {

// Exit statuses (DESIGN §7).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

struct GlobalOptions {
  std::string db;  // --db DIR, else $PAPERGRAPH_DB, else ./papergraph.db
  int exit_code = kExitOk;
};

// Opens the database named by the options, printing the error to stderr and
// setting exit_code on failure.
std::unique_ptr<Store> OpenStore(GlobalOptions& g, Store::Mode mode, const std::string& holder);

void RegisterImport(CLI::App& app, GlobalOptions& g);
void RegisterExport(CLI::App& app, GlobalOptions& g);
// The topic map (cli/cmd_map.cc).
void RegisterMap(CLI::App& app, GlobalOptions& g);
void RegisterShow(CLI::App& app, GlobalOptions& g);
void RegisterStats(CLI::App& app, GlobalOptions& g);
void RegisterCheck(CLI::App& app, GlobalOptions& g);
// query, path, related, neighbors, why (cli/cmd_query.cc).
void RegisterQuery(CLI::App& app, GlobalOptions& g);
// serve: the web page and JSON API (cli/cmd_serve.cc, web/).
void RegisterServe(CLI::App& app, GlobalOptions& g);

}  // namespace pg::cli
