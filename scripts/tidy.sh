#!/usr/bin/env bash
# Runs clang-tidy (the checks in .clang-tidy) on every generator/*.cpp, on every core, with the
# flags of a build's compile_commands.json; exits non-zero on any finding.
#   scripts/tidy.sh [BUILD_DIR]    (default build-tidy, configured here with clang if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-tidy}"
if ! command -v clang-tidy >/dev/null || ! command -v run-clang-tidy >/dev/null; then
  echo "tidy.sh: clang-tidy is missing (Debian: apt-get install clang-tidy)" >&2
  exit 2
fi
if [ ! -f "$build/compile_commands.json" ]; then
  # Configuring is enough: clang-tidy needs the flags, not the objects.
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCOMMONPLACE_BENCH=OFF >/dev/null
fi
files=$(find generator -name '*.cpp' | sort)
# run-clang-tidy exits non-zero when clang-tidy reports an error; WarningsAsErrors makes every
# finding one. -quiet keeps the output to the findings.
run-clang-tidy -quiet -p "$build" -j "$(nproc)" $files
