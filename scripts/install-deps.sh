#!/usr/bin/env bash
# Installs the Debian 12 packages papergraph needs to build and test.
# Idempotent and quiet when everything is present; works as root or through sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git python3
  librocksdb-dev libboost-graph-dev libcpp-httplib-dev nlohmann-json3-dev
  libmd4c-dev libyaml-cpp-dev libcli11-dev libutf8proc-dev doctest-dev
  graphviz libxml2-utils
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
echo "install-deps: installing ${missing[*]}" >&2
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
