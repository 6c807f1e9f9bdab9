#!/usr/bin/env bash
# clang-tidy (checks: .clang-tidy) on the C++ sources changed against the
# merge base with main (on main itself: by the last commit), or those given,
# using the compile database of build/release (made by setup.sh), else build/dev.
# usage: scripts/tidy.sh [FILE…]
set -uo pipefail
cd "$(dirname "$0")/.."
db=${TIDY_BUILD:-build/release}
[ -f "$db/compile_commands.json" ] || db=build/dev
[ -f "$db/compile_commands.json" ] || { echo "tidy: no compile database (build first)" >&2; exit 1; }
if [ $# -gt 0 ]; then
  files=("$@")
else
  base=$(git merge-base HEAD main 2>/dev/null || true)
  if [ -z "$base" ] || [ "$base" = "$(git rev-parse HEAD)" ]; then base=$(git rev-parse HEAD~1 2>/dev/null || git rev-list --max-parents=0 HEAD); fi
  mapfile -t files < <(git diff --name-only --diff-filter=d "$base" -- '*.cpp' | grep -E '^(geo|gazetteer|news|app|render)/')
fi
[ ${#files[@]} -gt 0 ] || { echo "tidy: no changed sources"; exit 0; }
echo "tidy: ${files[*]}" >&2
# The compile database holds GCC flags that clang does not know.
clang-tidy -p "$db" --quiet --extra-arg=-Wno-unknown-warning-option "${files[@]}" > "$db/tidy.log" 2>&1; status=$?
grep -v "warnings generated\|Suppressed .* warnings\|Use -header-filter\|Use -system-headers" "$db/tidy.log"
# A configuration clang-tidy cannot read runs no check at all: a failure too.
if grep -q "Error parsing" "$db/tidy.log"; then status=1; fi
exit $status
