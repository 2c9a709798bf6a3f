#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a browsable example site:
# installs what is missing, builds Commonplace, renders content-example/ into _site/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target commonplace
./build/commonplace build content-example -o _site

cat <<MSG

The example memory is built into _site/. To look at it:
  python3 -m http.server 8000 --directory _site     then open http://localhost:8000/
or: build/commonplace serve content-example   (rebuilds and reloads as you edit)
The public site (what outsiders see):
  ./build/commonplace build content-example --audience public -o _site-public
MSG
