// papergraph: turn paper-review blog posts into a knowledge graph and explore it.
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  pg::cli::GlobalOptions g;
  CLI::App app{"papergraph: a knowledge graph of papers, labs, topics and posts from paper-review blogs"};
  app.name("papergraph");
  app.require_subcommand(1);
  if (const char* env = std::getenv("PAPERGRAPH_DB")) g.db = env;
  if (g.db.empty()) g.db = "./papergraph.db";
  app.add_option("--db", g.db, "database directory (default: $PAPERGRAPH_DB or ./papergraph.db)");

  pg::cli::RegisterImport(app, g);
  pg::cli::RegisterShow(app, g);
  pg::cli::RegisterExport(app, g);
  pg::cli::RegisterMap(app, g);
  pg::cli::RegisterStats(app, g);
  pg::cli::RegisterCheck(app, g);
  pg::cli::RegisterQuery(app, g);
  pg::cli::RegisterServe(app, g);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return pg::cli::kExitUsage;  // CLI11 uses other codes; DESIGN §7 wants 2 for bad usage
  }
  return g.exit_code;
}
