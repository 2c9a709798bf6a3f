#!/usr/bin/env bash
# Formats the C++ (generator/, tests/, bench/) with clang-format and the style in .clang-format.
#   bash scripts/format.sh          rewrite the files in place
#   bash scripts/format.sh --check  change nothing; list the files that are not formatted and
#                                   exit 1 if there is one (CI's format-and-lint job)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
  echo "format.sh: clang-format is missing (Debian: apt-get install clang-format)" >&2
  exit 2
fi
mapfile -t files < <(git ls-files 'generator/*.cpp' 'generator/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' \
  | grep -v '^tests/e2e/')
if [ "${1:-}" = "--check" ]; then
  bad=0
  for f in "${files[@]}"; do
    if ! clang-format --style=file "$f" | cmp -s - "$f"; then echo "not formatted: $f"; bad=1; fi
  done
  exit $bad
fi
clang-format --style=file -i "${files[@]}"
