#!/usr/bin/env bash
# Runs every test: installs what the tests need, builds everything, runs CTest
# (unit tests, whole-site builds, feed and calendar parsers, browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh --test
if [ -f tests/e2e/package.json ] && [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm install --no-audit --no-fund --silent)
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j"$(nproc)"
