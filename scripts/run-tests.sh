#!/usr/bin/env bash
# The whole test suite, on the release build made by scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ctest --preset release --output-on-failure -j2
