// papergraph check: verify that the indexes agree with the document records.
#include <iostream>

#include "cli/commands.h"

namespace pg::cli {

void RegisterCheck(CLI::App& app, GlobalOptions& g) {
  CLI::App* cmd = app.add_subcommand("check", "Verify the database: indexes, names and document records agree");
  cmd->callback([&g] {
    std::unique_ptr<Store> store = OpenStore(g, Store::Mode::kRead, "papergraph check");
    if (!store) return;
    std::vector<std::string> problems;
    Status s = store->Check(&problems);
    if (!s.ok()) {
      std::cerr << "papergraph: " << s.message() << "\n";
      g.exit_code = kExitFailed;
      return;
    }
    if (!problems.empty()) {
      for (const std::string& p : problems) std::cout << g.db << ": " << p << "\n";
      std::cout << problems.size() << " problem(s) found\n";
      g.exit_code = kExitFailed;
      return;
    }
    std::cout << g.db << ": ok\n";
  });
}

}  // namespace pg::cli
