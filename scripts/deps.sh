#!/usr/bin/env bash
# Installs what Commonplace needs on Debian 12 (bookworm), only what is missing.
# Used by setup.sh and test.sh; safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git python3
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libgit2-dev libxml2-dev
  libkainjow-mustache-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev catch2 libmimalloc-dev libzstd-dev
)
if [ "${1:-}" = "--test" ]; then
  # The tests also parse the feed and calendar with real parsers, and drive a real browser.
  packages+=(python3-feedparser python3-icalendar python3-yaml chromium nodejs npm python3-jsonschema poppler-utils)
  # The second build, under AddressSanitizer and UBSan, is made with clang: its runtimes are in
  # libclang-rt-14-dev, llvm-14's llvm-symbolizer puts file and line in a report; ccache keeps
  # the two builds quick when test.sh runs again.
  packages+=(clang libclang-rt-14-dev llvm-14 ccache)
  # scripts/tidy.sh and scripts/format.sh: clang-tidy (with run-clang-tidy) and clang-format.
  packages+=(clang-tidy clang-format)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm may come from elsewhere than Debian; what matters is that the commands exist.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [ "$p" = nodejs ] || [ "$p" = npm ] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
