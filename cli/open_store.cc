#include <iostream>

#include "cli/commands.h"

namespace pg::cli {

std::unique_ptr<Store> OpenStore(GlobalOptions& g, Store::Mode mode, const std::string& holder) {
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, mode, holder);
  if (!store.ok()) {
    std::cerr << "papergraph: " << store.status().message() << "\n";
    g.exit_code = kExitFailed;
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace pg::cli
