#!/usr/bin/env bash
# clang-tidy (checks: .clang-tidy) on the C++ sources changed against the
# merge base with main (or those given), using build/dev's compile database.
# usage: scripts/tidy.sh [FILE…]
set -uo pipefail
cd "$(dirname "$0")/.."
db=${TIDY_BUILD:-build/dev}
[ -f "$db/compile_commands.json" ] || cmake --preset dev >/dev/null
if [ $# -gt 0 ]; then
  files=("$@")
else
  base=$(git merge-base HEAD main 2>/dev/null || git rev-list --max-parents=0 HEAD)
  mapfile -t files < <(git diff --name-only --diff-filter=d "$base" -- '*.cpp' | grep -E '^(geo|gazetteer|news|app|render)/')
fi
[ ${#files[@]} -gt 0 ] || { echo "tidy: no changed sources"; exit 0; }
echo "tidy: ${files[*]}" >&2
# The compile database holds GCC flags that clang does not know.
clang-tidy -p "$db" --quiet --extra-arg=-Wno-unknown-warning-option "${files[@]}" > "$db/tidy.log" 2>&1; status=$?
grep -v "warnings generated\|Suppressed .* warnings\|Use -header-filter\|Use -system-headers" "$db/tidy.log"
exit $status
