#!/usr/bin/env bash
# Installs the Debian 12 packages papergraph needs to build and test.
# Idempotent and quiet when everything is present; works as root or through sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git python3
  librocksdb-dev libboost-graph-dev libcpp-httplib-dev nlohmann-json3-dev
  libmd4c-dev libyaml-cpp-dev libcli11-dev libutf8proc-dev doctest-dev libjemalloc-dev libedit-dev
  graphviz libxml2-utils
  # The web page's browser tests (tests/browser/): Debian's chromium, driven by
  # playwright-core from npm (never a browser that npm would download).
  chromium
  # A Hangul font, so the page's screenshots show Korean titles, not boxes.
  fonts-nanum
  # The libFuzzer targets (fuzz/, scripts/fuzz.sh): clang, its runtime libraries (libFuzzer,
  # ASan, UBSan) and llvm-symbolizer for readable stack traces.
  clang libclang-rt-14-dev llvm
)
# Node.js and npm install the page's Cytoscape.js and playwright-core
# (web/page/package-lock.json). A machine that already has node and npm (e.g.
# from NodeSource, whose nodejs bundles npm and conflicts with Debian's npm)
# keeps them.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
echo "install-deps: installing ${missing[*]}" >&2
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
