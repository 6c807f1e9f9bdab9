#!/usr/bin/env bash
# The whole test suite: the release build made by scripts/setup.sh, then the
# same tests built with AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
ctest --preset release --output-on-failure -j2

echo "== the same tests under AddressSanitizer + UndefinedBehaviorSanitizer" >&2
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
# Leak checking is off: GDAL's PostgreSQL driver keeps a small libpq
# allocation until exit, which is not ours to free.
ASAN_OPTIONS=detect_leaks=0 ctest --preset asan --output-on-failure -j2

echo "== clang-tidy on the sources changed against main (.clang-tidy)" >&2
bash scripts/tidy.sh

echo "== each fuzz target for 30 s on its corpus (scripts/fuzz.sh)" >&2
bash scripts/fuzz.sh 30
