#!/usr/bin/env bash
# Configures and builds papergraph in build/ (Release). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
# The web page's npm packages (Cytoscape.js, embedded into the binary; playwright-core
# for the browser tests), exactly as web/page/package-lock.json pins them.
if [ ! -d web/page/node_modules ] || [ web/page/package-lock.json -nt web/page/node_modules ]; then
  npm ci --prefix web/page --no-audit --no-fund >/dev/null
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j"$(nproc)"
