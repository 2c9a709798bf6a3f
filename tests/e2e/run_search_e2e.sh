#!/usr/bin/env bash
# Builds the example memory and types queries into its search page in headless Chromium.
# usage: run_search_e2e.sh COMMONPLACE_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
"$binary" build "$source_dir/content-example" -o "$site/site" -q
cd "$source_dir/tests/e2e"
if [ ! -d node_modules/playwright-core ]; then npm install --no-audit --no-fund --silent; fi
node search.test.mjs "$site/site" "night handover sheet" /notes/the-night-the-handover-sheet-went-missing/ \
  "?q=sbar&type=note" /notes/sbar-handover-card/ \
  "?q=deterioration&type=domain" /domains/recognising-deterioration/
