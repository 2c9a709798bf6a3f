#!/usr/bin/env bash
# Every page type of the example memory, with and without JavaScript, checked with axe-core
# and the keyboard in headless Chromium (a11y.test.mjs builds and serves the sites itself).
# usage: run_a11y_e2e.sh COMMONPLACE_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
cd "$source_dir/tests/e2e"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund --silent
fi
exec node a11y.test.mjs "$binary" "$source_dir"
