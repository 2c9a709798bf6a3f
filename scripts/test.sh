#!/usr/bin/env bash
# Runs every test: installs what the tests need, builds everything, runs CTest
# (unit tests, whole-site builds, feed and calendar parsers, browser tests), then builds
# again with clang under AddressSanitizer and UndefinedBehaviorSanitizer and runs the
# unit tests, the whole-site tests and the fuzz smoke runs there.
#   bash scripts/test.sh             everything (what .ci/run and CI call)
#   bash scripts/test.sh --sanitize  only the sanitizer build and its tests
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize_only=false
case "${1:-}" in
  "") ;;
  --sanitize) sanitize_only=true ;;
  *) echo "usage: bash scripts/test.sh [--sanitize]" >&2; exit 2 ;;
esac

bash scripts/deps.sh --test
jobs=$(nproc)
# ccache, when installed (deps.sh --test installs it): CI runs on the same machine again and
# again, and most of both builds is then found in the cache.
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# The browser tests' playwright-core and axe-core, exactly as package-lock.json pins them
# (again when an older install holds another version or lacks one).
if [ -f tests/e2e/package.json ]; then
  for package in playwright-core axe-core; do
    want=$(sed -n "s/.*\"$package\": \"\([^\"]*\)\".*/\1/p" tests/e2e/package.json)
    have=$(sed -n 's/^  "version": "\([^"]*\)".*/\1/p' tests/e2e/node_modules/$package/package.json 2>/dev/null || true)
    if [ "$want" != "$have" ]; then
      (cd tests/e2e && npm ci --no-audit --no-fund --silent)
      break
    fi
  done
fi

if ! $sanitize_only; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "${launcher[@]}"
  cmake --build build -j"$jobs"
  (cd build && ctest --output-on-failure -j"$jobs")
fi

# The sanitizer build: clang (Debian's 14; libFuzzer needs it), -O1 with line tables so a
# report names file and line (-O1 compiles about twice as fast as -O3 under ASan, and the
# tests run fast enough there), no mimalloc (ASan must own malloc), no benchmarks.
CC=clang CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_FLAGS=-g1 -DCMAKE_CXX_FLAGS=-g1 \
  "-DCMAKE_C_FLAGS_RELEASE=-O1 -DNDEBUG" "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG" \
  -DCOMMONPLACE_SANITIZE=ON -DCOMMONPLACE_FUZZ=ON -DCOMMONPLACE_BENCH=OFF -DCOMMONPLACE_MIMALLOC=OFF \
  "${launcher[@]}"
cmake --build build-sanitize -j"$jobs"
# Any report stops the program with an error (-fno-sanitize-recover, halt_on_error), so the
# test fails; leaks are reported too (the sanitized program frees its build's data).
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Leaks in libraries we do not build, each named with its reason (a leak of ours still fails).
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer; fi
# The subset run under the sanitizers (2 to 3 times slower there):
#   every unit test (unit:*): each module, the whole-site builds written inline, the example
#     memory, the history on real repositories made with libgit2, check and build end to end;
#   the whole-site checks of the example (indexes:example:*) and of a generated memory
#     (indexes:generated:*, 2,000 notes), and the checkers' own tests (indexes:tools);
#   the fuzz smoke runs (label fuzz, from tests/fuzz), when COMMONPLACE_FUZZ registered them.
# Left out: the browser tests (e2e:*, indexes:newcomer, reports:print): Chromium and Node are
# not ours and are not instrumented, so there they only time the same program the whole-site
# tests already run under the sanitizers, at several minutes each. i18n:languages runs here
# too: eight builds of the example, one per language and audience, in 9 s.
(cd build-sanitize && ctest --output-on-failure -j"$jobs" -E '^(e2e:|indexes:newcomer$|reports:print$)')
